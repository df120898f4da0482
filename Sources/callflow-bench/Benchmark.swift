import CYAML
import CallflowDiagnostics
import CallflowDriver
import CallflowGraph
import CallflowScenarios
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `callflow-bench`: measures `callflow check` against libyaml alone on the same bytes, in one
/// run on one machine, and prints a Markdown report. Build it in release:
/// `swift run -c release callflow-bench [--flows N] [--blocks N] [--runs N]`.
@main
struct Benchmark {
  static func main() throws {
    // `--child-usage FILE EXECUTABLE ARGS...`: run one child and write what it used to FILE
    // (see ``processUsage(_:_:_:)``).
    if CommandLine.arguments.count >= 4, CommandLine.arguments[1] == "--child-usage" {
      let usage = runProcessUsage(CommandLine.arguments[3], Array(CommandLine.arguments.dropFirst(4)))
      try "\(usage.peakMiB) \(usage.cpuSeconds)".write(toFile: CommandLine.arguments[2], atomically: true, encoding: .utf8)
      return
    }
    var flows = 1_000
    var blocks = 100
    var runs = 5
    var generateOnly: String?
    var only: String?
    var soak = 10_000
    var arguments = CommandLine.arguments.dropFirst().makeIterator()
    while let argument = arguments.next() {
      let value = arguments.next()
      switch (argument, value.flatMap(Int.init)) {
      case ("--flows", let v?): flows = v
      case ("--blocks", let v?): blocks = v
      case ("--runs", let v?): runs = v
      case ("--generate", _) where value != nil: generateOnly = value
      case ("--only", _) where ["simulate", "connect", "lsp", "check"].contains(value): only = value
      case ("--soak", let v?): soak = v
      default:
        FileHandle.standardError.write(Data("usage: callflow-bench [--flows N] [--blocks N] [--runs N] [--generate DIR] [--only simulate|connect|lsp|check] [--soak N]\n".utf8))
        exit(2)
      }
    }
    if let directory = generateOnly {
      try ProjectGenerator(flows: flows, blocks: blocks).write(to: directory)
      return
    }
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("callflow").path
    let hasExecutable = FileManager.default.isExecutableFile(atPath: executable)
    if only == "simulate" {
      printSimulation(try SimulationBenchmark.measure(runs: runs, samples: samplesPath(), executable: hasExecutable ? executable : nil), runs: runs)
      return
    }
    if only == "connect" {
      try measureConnectOnly(flows: flows, blocks: blocks, runs: runs)
      return
    }
    if only == "check" {
      guard hasExecutable else {
        FileHandle.standardError.write(Data("--only check needs the release `callflow` beside callflow-bench\n".utf8))
        exit(2)
      }
      try measureCheckOnly(flows: flows, blocks: blocks, runs: runs, executable: executable)
      return
    }
    if only == "lsp" {
      try measureLanguageServer(flows: flows, blocks: blocks, runs: runs, soak: soak)
      return
    }
    // The simulator first, while this process is small: a spawned child's peak memory is read
    // from its resource usage, which counts pages it shared with this process before exec.
    let simulation = try SimulationBenchmark.measure(runs: min(runs, 3), samples: samplesPath(), executable: hasExecutable ? executable : nil)
    let root = NSTemporaryDirectory() + "callflow-bench-\(flows)x\(blocks)"
    let generator = ProjectGenerator(flows: flows, blocks: blocks)
    try generator.write(to: root)
    defer { try? FileManager.default.removeItem(atPath: root) }

    // What `callflow graph` uses, CPU on all cores and memory, measured while this process is
    // still small (a child's peak memory counts the pages it shared with it before exec);
    // the check's, in turns with libyaml, below.
    let graphFile = root + "-graph.dot"
    defer { try? FileManager.default.removeItem(atPath: graphFile) }
    let graphUsage = hasExecutable ? processUsage(runs, executable, ["graph", root, "-o", graphFile]) : (0, .nan)

    let paths = try FileManager.default.contentsOfDirectory(atPath: root + "/flows").sorted().map { root + "/flows/" + $0 } + [root + "/center.yaml"]
    let files = try paths.map { try Array(Data(contentsOf: URL(fileURLWithPath: $0))) }
    let bytes = files.reduce(0) { $0 + $1.count }

    // Sanity: the generated project checks clean, and libyaml sees every event.
    let first = try CheckRun.run(paths: [root])
    guard first.summary.errors == 0, first.summary.warnings == 0 else {
      let text = TextRenderer(colors: false).render(Array(first.diagnostics.prefix(5)), sources: first.sources)
      FileHandle.standardError.write(Data("generated project is not clean:\n\(text)".utf8))
      exit(1)
    }
    let events = files.reduce(0) { $0 + libyamlEvents($1) }

    // libyaml and the check as a process in turns, for the check's budgets; the other
    // ratios are to the same libyaml time.
    let budgets = hasExecutable ? checkBudgets(runs, files: files, executable: executable, root: root) : nil
    let libyaml = budgets?.libyaml ?? measure(runs) { for file in files { _ = libyamlEvents(file) } }
    let process = budgets?.process ?? .nan
    let checkUsage = (peakMiB: budgets?.peakMiB ?? 0, cpuSeconds: budgets?.cpuSeconds ?? .nan)
    // Each result is freed after the clock stops, as the `callflow` executable exits without
    // freeing it.
    // As `callflow check` runs it: checked blocks are not kept.
    var asCLI = CheckOptions(keepCheckedBlocks: false)
    asCLI.keepsConnectLayout = false
    asCLI.keepsSyntaxTrees = false
    let check = measure(runs) { try? CheckRun.run(paths: [root], options: asCLI) }
    let samples = measure(max(runs, 20)) { try? CheckRun.run(paths: [samplesPath()], options: asCLI) }
    // `callflow build`: the check with checked blocks kept, then compiling and encoding.
    guard let built = try? BuildRun.run(path: root).bytes else { fatalError("the generated project does not build") }
    let build = measure(runs) { try? BuildRun.run(path: root, options: asCLI) }
    let checked = try CheckRun.run(paths: [root], options: BuildRun.compiling(CheckOptions()))
    let compile = measure(runs) { try? BuildRun.compile(checked, path: root) }
    // `callflow graph`: the check with blocks kept, then the diagram.
    let graph = measure(runs) { try? GraphRun.dot(paths: [root], options: asCLI) }
    let diagram = measure(runs) { FlowDiagram(flows: checked.flows, center: checked.centers.first, diagnostics: checked.diagnostics, sources: checked.sources).dot() }
    let graphBytes = (try? GraphRun.dot(paths: [root]).dot.utf8.count) ?? 0
    let samplesProcess = hasExecutable ? measure(max(runs, 20)) { runProcess(executable, ["check", samplesPath()]) } : .nan
    let graphProcess = hasExecutable ? measure(runs) { runProcess(executable, ["graph", root, "-o", graphFile]) } : .nan

    // The same project in the DSL: each flow converted, then both front ends alone over the
    // bytes in memory, on one thread.
    let dslRoot = root + "-dsl"
    try? FileManager.default.removeItem(atPath: dslRoot)
    try FileManager.default.createDirectory(atPath: dslRoot + "/flows", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: root + "/center.yaml", toPath: dslRoot + "/center.yaml")
    defer { try? FileManager.default.removeItem(atPath: dslRoot) }
    var yamlFlows: [SourceFile] = []
    var dslFlows: [SourceFile] = []
    for (path, bytes) in zip(paths, files) where path.hasSuffix(".flow.yaml") {
      let converted = Conversion.convert(path: path, bytes: bytes, from: .yaml, to: .dsl)
      guard let text = converted.text else { fatalError("cannot convert \(path)") }
      let dslPath = dslRoot + "/flows/" + ((path as NSString).lastPathComponent as NSString).deletingPathExtension
      try Data(text.utf8).write(to: URL(fileURLWithPath: dslPath))
      yamlFlows.append(SourceFile(path: path, bytes: bytes))
      dslFlows.append(SourceFile(path: dslPath, bytes: Array(text.utf8)))
    }
    let dslBytes = dslFlows.reduce(0) { $0 + $1.bytes.count }
    let yamlFrontEnd = measure(runs) { yamlFlows.map { SourceForm.yaml.parse($0, file: FileID(0)).flow } }
    let dslFrontEnd = measure(runs) { dslFlows.map { SourceForm.dsl.parse($0, file: FileID(0)).flow } }
    let dslCheck = measure(runs) { try? CheckRun.run(paths: [dslRoot], options: asCLI) }
    guard let dslResult = try? CheckRun.run(paths: [dslRoot]), dslResult.summary.errors == 0, dslResult.summary.warnings == 0 else {
      fatalError("the converted project is not clean")
    }

    let connect = try ConnectBenchmark.measure(
      root: root, runs: runs, yamlFrontEnd: { yamlFlows.map { SourceForm.yaml.parse($0, file: FileID(0)).flow } },
      yamlCheck: { try? CheckRun.run(paths: [root], options: asCLI) })
    let (vmSteps, vmSeconds) = try VMBenchmark.measure(runs: runs)
    let cores = ProcessInfo.processInfo.activeProcessorCount
    print("## callflow-bench: \(flows) flows × \(blocks) blocks")
    print()
    print("Input: \(flows + 1) files, \(String(format: "%.1f", Double(bytes) / 1_048_576)) MiB, \(events) YAML events, \(first.summary.flows) flows checked clean.")
    print("Machine: \(cores) cores, \(machine()). Best of \(runs) runs (the first run warms the file cache).")
    print()
    print("| measurement | time | ratio to libyaml |")
    print("|---|---|---|")
    print("| libyaml alone: event parse of every file, in memory, one thread | \(ms(libyaml)) | 1.00 |")
    print("| `callflow check` in process: read, parse, check on \(cores) cores | \(ms(check)) | \(String(format: "%.2f", check / libyaml)) |")
    print("| `callflow check` process: the release executable, start to exit | \(ms(process)) | \(String(format: "%.2f", process / libyaml)) |")
    print("| `callflow check` process: CPU time, user and system, on \(cores) cores (libyaml's is its time: one thread) | \(ms(checkUsage.cpuSeconds)) | \(String(format: "%.2f", checkUsage.cpuSeconds / libyaml)) |")
    print("| `callflow build` in process: check, compile, encode (\(built.count / 1024) KiB module) | \(ms(build)) | \(String(format: "%.2f", build / libyaml)) |")
    print("| of which compiling and encoding the checked flows, one thread | \(ms(compile)) | \(String(format: "%.2f", compile / libyaml)) |")
    print("| `callflow graph` in process: check with blocks kept, then the DOT diagram (\(graphBytes / 1_048_576) MiB) | \(ms(graph)) | \(String(format: "%.2f", graph / libyaml)) (\(String(format: "%.2f", graph / check))x the check) |")
    print("| of which drawing the checked flows, on \(cores) cores | \(ms(diagram)) | \(String(format: "%.2f", diagram / libyaml)) |")
    print("| `callflow graph -o FILE` process, start to exit | \(ms(graphProcess)) | \(String(format: "%.2f", graphProcess / libyaml)) (\(String(format: "%.2f", graphProcess / process))x the check process) |")
    print("| `callflow check Samples` in process | \(ms(samples)) | |")
    print("| `callflow check Samples` process, start to exit | \(ms(samplesProcess)) | |")
    print()
    print("The same project in the DSL (\(String(format: "%.1f", Double(dslBytes) / 1_048_576)) MiB of `*.flow`), front ends alone, one thread, bytes in memory:")
    print()
    print("| measurement | time | ratio to the YAML front end |")
    print("|---|---|---|")
    print("| YAML front end: libyaml, located tree, syntax tree | \(ms(yamlFrontEnd)) | 1.00 |")
    print("| DSL front end: lexer, parser, syntax tree | \(ms(dslFrontEnd)) | \(String(format: "%.2f", dslFrontEnd / yamlFrontEnd)) |")
    print("| `callflow check` of the DSL project in process, \(cores) cores | \(ms(dslCheck)) | |")
    print()
    printConnect(connect, cores: cores)
    print()
    print("The VM on its own instructions (loop, set-attribute, jump, compare), one thread: \(vmSteps) instructions in \(ms(vmSeconds)), \(String(format: "%.1f", Double(vmSteps) / vmSeconds / 1e6)) million per second.")
    print()
    print("Throughput: \(String(format: "%.0f", Double(bytes) / 1_048_576 / check)) MiB/s checked, \(String(format: "%.0f", Double(flows * blocks) / check / 1000))k blocks/s. Peak RSS: \(peakRSS()) MiB.")
    print()
    print("Peak resident memory of the processes: `callflow check` \(checkUsage.peakMiB) MiB, `callflow graph -o FILE` \(graphUsage.peakMiB) MiB.")
    print()
    if let budgets {
      printCPUBaselines(budgets)
      print()
    }
    printSimulation(simulation, runs: min(runs, 3))
  }

  /// The generated project, written to the temporary folder (the caller removes it), and its
  /// flow files in order.
  static func generatedProject(flows: Int, blocks: Int) throws -> (root: String, flowPaths: [String]) {
    let root = NSTemporaryDirectory() + "callflow-bench-\(flows)x\(blocks)"
    try ProjectGenerator(flows: flows, blocks: blocks).write(to: root)
    let paths = try FileManager.default.contentsOfDirectory(atPath: root + "/flows").sorted().map { root + "/flows/" + $0 }
    return (root, paths)
  }

  /// `callflow check` as a process against libyaml alone on the same bytes, and its CPU time
  /// and peak memory: the check's budgets, alone, for working on them.
  static func measureCheckOnly(flows: Int, blocks: Int, runs: Int, executable: String) throws {
    let (root, flowPaths) = try generatedProject(flows: flows, blocks: blocks)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let files = try (flowPaths + [root + "/center.yaml"]).map { try Array(Data(contentsOf: URL(fileURLWithPath: $0))) }
    let budgets = checkBudgets(runs, files: files, executable: executable, root: root)
    print("libyaml and `callflow check` measured in turns, best of \(runs) each:")
    print()
    print("| measurement | time | ratio to libyaml |")
    print("|---|---|---|")
    print("| libyaml alone: event parse of every file, in memory, one thread | \(ms(budgets.libyaml)) | 1.00 |")
    print("| `callflow check` process: the release executable, start to exit | \(ms(budgets.process)) | \(String(format: "%.2f", budgets.process / budgets.libyaml)) |")
    print("| `callflow check` process: CPU time, user and system | \(ms(budgets.cpuSeconds)) | \(String(format: "%.2f", budgets.cpuSeconds / budgets.libyaml)) |")
    print()
    printCPUBaselines(budgets)
    print()
    print("Peak resident memory of `callflow check`: \(budgets.peakMiB) MiB.")
  }

  /// The check's CPU time against libyaml's on one thread (the budget's ratio) and against
  /// libyaml's own CPU time when it too runs on all cores (like for like).
  static func printCPUBaselines(_ budgets: CheckBudgets) {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    print("The check's CPU time against libyaml's CPU time, one thread and on all \(cores) cores as the check runs:")
    print()
    print("| libyaml's CPU time | time | the check's CPU time / it |")
    print("|---|---|---|")
    print("| one thread (the budget's baseline) | \(ms(budgets.libyaml)) | \(String(format: "%.2f", budgets.cpuSeconds / budgets.libyaml)) |")
    print("| the files shared out over \(cores) cores | \(ms(budgets.libyamlAllCoresCPU)) | \(String(format: "%.2f", budgets.cpuSeconds / budgets.libyamlAllCoresCPU)) |")
  }

  /// The Connect front end and check against their YAML equivalents, alone: for working on
  /// the Connect front end.
  static func measureConnectOnly(flows: Int, blocks: Int, runs: Int) throws {
    let (root, paths) = try generatedProject(flows: flows, blocks: blocks)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let yamlFlows = try paths.map { SourceFile(path: $0, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: $0)))) }
    var asCLI = CheckOptions(keepCheckedBlocks: false)
    asCLI.keepsConnectLayout = false
    asCLI.keepsSyntaxTrees = false
    let connect = try ConnectBenchmark.measure(
      root: root, runs: runs, yamlFrontEnd: { yamlFlows.map { SourceForm.yaml.parse($0, file: FileID(0)).flow } },
      yamlCheck: { try? CheckRun.run(paths: [root], options: asCLI) })
    printConnect(connect, cores: ProcessInfo.processInfo.activeProcessorCount)
  }

  static func printSimulation(_ f: SimulationBenchmark.Figures, runs: Int) {
    func count(_ n: Int) -> String { n.formatted(.number.grouping(.automatic)) }
    print("## The simulator: a week of a 500-agent center")
    print()
    print("Samples' flows; \(count(f.calls)) calls, \(String(format: "%.0f", 100 * Double(f.callbacks) / Double(max(f.calls, 1))))% taking a callback (\(count(f.callbacks)) callbacks), \(count(f.contacts)) contacts, \(count(f.events)) events. Best of \(runs) runs, one thread.")
    print()
    print("| measurement | time | ratio to the agenda alone |")
    print("|---|---|---|")
    print("| a binary heap alone taking as many events | \(ms(f.baseline)) | 1.00 |")
    print("| the simulation in process: arrivals drawn, every contact's flows in the VM, report | \(ms(f.seconds)) | \(String(format: "%.1f", f.seconds / f.baseline)) |")
    print("| `callflow simulate` process, start to exit (check and build included) | \(ms(f.processSeconds)) | \(String(format: "%.1f", f.processSeconds / f.baseline)) |")
    print()
    print("\(String(format: "%.2f", Double(f.events) / f.seconds / 1e6)) million events per second, \(String(format: "%.0f", Double(f.contacts) / f.seconds / 1000))k contacts per second. Peak memory of `callflow simulate`: \(f.peakMiB) MiB.")
    guard let peer = f.simpy, let peerSeconds = peer["seconds"] else {
      print()
      print("The SimPy model of the week (Benchmarks/simpy_week.py) did not run: `python3` with SimPy (`pip install simpy`) is needed.")
      return
    }
    print()
    print("The same week in SimPy (Benchmarks/simpy_week.py, the callback line written by hand; seed 1): \(ms(peerSeconds)) of CPU, \(String(format: "%.1f", peerSeconds / f.seconds))x callflow's simulation in process. Their outcomes, each model with its own random draws:")
    print()
    print("| outcome | callflow | SimPy | difference |")
    print("|---|---|---|---|")
    for key in ["calls", "rejected", "support_queued", "support_handled", "support_abandoned", "support_service_level", "support_avg_answer", "callbacks_created", "callbacks_handled", "callbacks_not_answered", "callbacks_avg_answer"] {
      guard let ours = f.outcomes[key], let theirs = peer[key] else { continue }
      let difference = theirs == 0 ? (ours == 0 ? "0%" : "-") : String(format: "%+.1f%%", 100 * (ours - theirs) / theirs)
      print("| \(key.replacingOccurrences(of: "_", with: " ")) | \(String(format: "%.1f", ours)) | \(String(format: "%.1f", theirs)) | \(difference) |")
    }
    guard !f.replicated.isEmpty, !f.peerReplicated.isEmpty else { return }
    print()
    print("Over \(SimulationBenchmark.peerSeeds) seeds of each (callflow's replications, SimPy's runs with seeds 1 to \(SimulationBenchmark.peerSeeds)), means with their 95% intervals; the models agree on an outcome when their intervals overlap:")
    print()
    print("| outcome | callflow | SimPy | difference of the means | intervals overlap |")
    print("|---|---|---|---|---|")
    for key in ["calls", "rejected", "support_queued", "support_handled", "support_abandoned", "support_service_level", "support_avg_answer", "callbacks_created", "callbacks_handled", "callbacks_not_answered", "callbacks_avg_answer"] {
      guard let ours = f.replicated[key], let theirs = f.peerReplicated[key] else { continue }
      let difference = theirs.mean == 0 ? "-" : String(format: "%+.1f%%", 100 * (ours.mean - theirs.mean) / theirs.mean)
      let overlap = ours.low <= theirs.high && theirs.low <= ours.high
      func text(_ e: Estimate) -> String { String(format: "%.1f ± %.1f", e.mean, e.halfWidth) }
      print("| \(key.replacingOccurrences(of: "_", with: " ")) | \(text(ours)) | \(text(theirs)) | \(difference) | \(overlap ? "yes" : "no") |")
    }
  }

  /// Runs `executable` with `arguments`, output discarded, and waits for it; spawned with
  /// posix_spawn and reaped with wait4 so nothing but the child is timed. Returns the child's
  /// peak resident memory in MiB.
  @discardableResult
  static func runProcess(_ executable: String, _ arguments: [String]) -> Int { runProcessUsage(executable, arguments).peakMiB }

  /// What a run of `executable` with `arguments` used: its peak resident memory in MiB, and
  /// its CPU time (user and system) in seconds.
  static func runProcessUsage(_ executable: String, _ arguments: [String]) -> (peakMiB: Int, cpuSeconds: Double) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for arg in argv { free(arg) } }
    var pid = pid_t()
    guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return (0, .nan) }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return (usage.ru_maxrss / 1024, seconds(usage.ru_utime) + seconds(usage.ru_stime))
  }

  /// The least CPU time and the most peak memory of `runs` runs of `executable`. Each run is
  /// spawned by a fresh copy of this benchmark (`--child-usage`): a child's peak memory counts
  /// the pages of the process that spawned it, and this one is large by now.
  static func processUsage(_ runs: Int, _ executable: String, _ arguments: [String]) -> (peakMiB: Int, cpuSeconds: Double) {
    var best = (peakMiB: 0, cpuSeconds: Double.infinity)
    let file = NSTemporaryDirectory() + "callflow-bench-usage-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: file) }
    for _ in 0..<max(runs, 1) {
      runProcess(CommandLine.arguments[0], ["--child-usage", file, executable] + arguments)
      let fields = ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(separator: " ")
      guard fields.count == 2, let peak = Int(fields[0]), let cpu = Double(fields[1]) else { return (0, .nan) }
      best = (max(best.peakMiB, peak), min(best.cpuSeconds, cpu))
    }
    return best
  }

  static func samplesPath() -> String {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("Samples").path
  }

  /// Parses `bytes` with libyaml's event API, as the reader does, and counts the events.
  static func libyamlEvents(_ bytes: [UInt8]) -> Int {
    // The parser at a fixed address: libyaml keeps a pointer to it inside it.
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    parser.initialize(to: yaml_parser_t())
    event.initialize(to: yaml_event_t())
    defer {
      parser.deallocate()
      event.deallocate()
    }
    guard yaml_parser_initialize(parser) == 1 else { return 0 }
    defer { yaml_parser_delete(parser) }
    var count = 0
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      yaml_parser_set_input_string(parser, base, buffer.count)
      while yaml_parser_parse(parser, event) == 1 {
        count += 1
        let done = event.pointee.type == YAML_STREAM_END_EVENT
        yaml_event_delete(event)
        if done { break }
      }
    }
    return count
  }

  /// The best wall time of `runs` runs of `body`, in seconds; what `body` returns is
  /// dropped after the clock stops.
  static func measure<T>(_ runs: Int, _ body: () -> T) -> Double {
    var best = Double.infinity
    for _ in 0..<max(runs, 1) {
      let start = ContinuousClock.now
      let result = body()
      let elapsed = ContinuousClock.now - start
      withExtendedLifetime(result) {}
      best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    return best
  }

  /// The Connect figures, each against the YAML measurement it was paired with.
  static func printConnect(_ connect: ConnectBenchmark.Figures, cores: Int) {
    func row(_ what: String, _ pair: (connect: Double, yaml: Double), _ baseline: String) {
      print("| \(what) | \(ms(pair.connect)) | \(ms(pair.yaml)) | \(String(format: "%.2f", pair.connect / pair.yaml)) (\(baseline)) |")
    }
    print("The same project exported to Amazon Connect flow language (\(connect.files) files, \(String(format: "%.1f", Double(connect.bytes) / 1_048_576)) MiB, \(connect.actions) actions), read back. Each Connect measurement runs in turn with its YAML one, best of each:")
    print()
    print("| measurement | time | YAML time | ratio to the YAML equivalent |")
    print("|---|---|---|---|")
    row("Connect front end: JSON reader, shapes, lowering as `check` lowers; one thread, its CPU time", connect.frontEnd, "YAML front end")
    row("the same, the flows minified as Connect stores them (\(String(format: "%.1f", Double(connect.minifiedBytes) / 1_048_576)) MiB)", connect.minifiedFrontEnd, "YAML front end")
    row("`callflow check` of the exports in place, in process, \(cores) cores", connect.check, "`callflow check` of the YAML project")
    row("`callflow import connect` in process: read, lower, print YAML (nothing written)", connect.importing, "`callflow check` of the YAML project")
  }

  /// What a paired measurement reads: the wall clock, or the CPU time of the measuring thread
  /// (for work on one thread: time the thread waited for a core does not count).
  enum Clock {
    case wall, threadCPU

    func now() -> Double {
      switch self {
      case .wall:
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
      case .threadCPU:
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
      }
    }
  }

  /// What the check's budgets compare: libyaml alone on the project's bytes, and `callflow
  /// check` of the project as a process (its time, its CPU time and its peak memory).
  struct CheckBudgets {
    var libyaml = Double.infinity
    /// The CPU time (user and system) of libyaml alone on the same bytes, the files shared
    /// out over all cores as the check shares them: the like-for-like baseline of the check's
    /// CPU time, on a machine whose cores slow each other down when all are busy.
    var libyamlAllCoresCPU = Double.infinity
    var process = Double.infinity
    var cpuSeconds = Double.infinity
    var peakMiB = 0
  }

  /// The check's budgets, measured in turns (libyaml, the process timed, the process again
  /// through a fresh copy of this benchmark for its CPU time and peak memory), best of `runs`
  /// each: on a shared machine, times measured a minute apart differ by more than the
  /// budgets' margins, and a ratio of times measured side by side much less.
  static func checkBudgets(_ runs: Int, files: [[UInt8]], executable: String, root: String) -> CheckBudgets {
    var budgets = CheckBudgets()
    for _ in 0..<max(runs, 1) {
      budgets.libyaml = min(budgets.libyaml, measure(1) { for file in files { _ = libyamlEvents(file) } })
      budgets.libyamlAllCoresCPU = min(budgets.libyamlAllCoresCPU, libyamlOnAllCoresCPU(files))
      budgets.process = min(budgets.process, measure(1) { runProcess(executable, ["check", root]) })
      let usage = processUsage(1, executable, ["check", root])
      budgets.cpuSeconds = min(budgets.cpuSeconds, usage.cpuSeconds)
      budgets.peakMiB = max(budgets.peakMiB, usage.peakMiB)
    }
    return budgets
  }

  /// The CPU time this process spends parsing `files` with libyaml on all cores, each core
  /// taking the next file as it finishes one.
  static func libyamlOnAllCoresCPU(_ files: [[UInt8]]) -> Double {
    func cpu() -> Double {
      var usage = rusage()
      getrusage(RUSAGE_SELF.rawValue, &usage)
      return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
    let start = cpu()
    DispatchQueue.concurrentPerform(iterations: files.count) { _ = libyamlEvents(files[$0]) }
    return cpu() - start
  }

  /// The best times of `runs` runs each of `a` and `b`, run in turn (a, b, a, b, …) so that
  /// both meet the machine alike: on a shared machine, a ratio of two times measured apart
  /// moves with what else runs, a ratio of paired ones much less.
  static func paired<A, B>(_ runs: Int, clock: Clock = .wall, _ a: () -> A, _ b: () -> B) -> (Double, Double) {
    var best = (Double.infinity, Double.infinity)
    for _ in 0..<max(runs, 1) {
      var start = clock.now()
      let first = a()
      best.0 = min(best.0, clock.now() - start)
      withExtendedLifetime(first) {}
      start = clock.now()
      let second = b()
      best.1 = min(best.1, clock.now() - start)
      withExtendedLifetime(second) {}
    }
    return best
  }

  static func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }

  static func peakRSS() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss / 1024
  }

  static func machine() -> String {
    guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
      let name = line.split(separator: ":", maxSplits: 1).last
    else { return "unknown CPU" }
    return name.trimmingCharacters(in: .whitespaces)
  }
}
