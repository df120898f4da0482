import CallflowConnect
import CallflowDiagnostics
import CallflowDriver
import Foundation

/// The Amazon Connect front end on the generated project exported to flow language: the
/// same flows, read from JSON instead of YAML.
enum ConnectBenchmark {
  /// Each measurement with the YAML one it is compared with, the two run in turn
  /// (``Benchmark/paired(_:clock:_:_:)``).
  struct Figures {
    var files: Int
    var bytes: Int
    var actions: Int
    /// The Connect front end alone (reader, shapes, lowering as `callflow check` lowers),
    /// and the YAML front end; one thread, its CPU time.
    var frontEnd: (connect: Double, yaml: Double)
    /// The same on the flows minified, as Connect stores them (a `describe` response's `Content`).
    var minifiedBytes: Int
    var minifiedFrontEnd: (connect: Double, yaml: Double)
    /// `callflow check` of the exports in place and of the YAML project, in process.
    var check: (connect: Double, yaml: Double)
    /// `callflow import connect` in process (reading, lowering, YAML printing; nothing
    /// written), and `callflow check` of the YAML project.
    var importing: (connect: Double, yaml: Double)
  }

  /// Exports the YAML project at `root` to `root-connect` (its center.yaml beside the flows)
  /// and measures reading it back.
  static func measure<F, C>(root: String, runs: Int, yamlFrontEnd: () -> F, yamlCheck: () -> C) throws -> Figures {
    let export = try ConnectExport.run(project: root, cloudformation: false)
    guard export.diagnostics.isEmpty else {
      fatalError("the generated project does not export: \(export.diagnostics.first?.message ?? "")")
    }
    let connectRoot = root + "-connect"
    try? FileManager.default.removeItem(atPath: connectRoot)
    try FileManager.default.createDirectory(atPath: connectRoot + "/flows", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: root + "/center.yaml", toPath: connectRoot + "/center.yaml")
    var sources: [SourceFile] = []
    for (path, text) in export.files {
      try Data(text.utf8).write(to: URL(fileURLWithPath: connectRoot + "/flows/" + path))
      sources.append(SourceFile(path: path, bytes: Array(text.utf8)))
    }
    defer { try? FileManager.default.removeItem(atPath: connectRoot) }
    let first = try CheckRun.run(paths: [connectRoot])
    guard first.summary.errors == 0 else {
      let text = TextRenderer(colors: false).render(Array(first.diagnostics.prefix(5)), sources: first.sources)
      fatalError("the exported project does not check:\n\(text)")
    }
    var actions = 0
    func lower(_ sources: [SourceFile]) -> [Int] {
      // As `callflow check` lowers: one run's flows share their decisions.
      let decisions = FormDecisions()
      return sources.map { source -> Int in
        guard case .success(let document) = ConnectReader.read(source.bytes, file: FileID(0)) else { return 0 }
        var lowering = ConnectLowering(document, file: FileID(0), keepsLayout: false, decisions: decisions)
        return lowering.lower(fallbackName: "flow").flow?.blocks.count ?? 0
      }
    }
    let frontEnd = Benchmark.paired(runs, clock: .threadCPU, { lower(sources) }, yamlFrontEnd)
    let minified = sources.map { source -> SourceFile in
      guard case .success(let document) = ConnectReader.read(source.bytes, file: FileID(0)) else { return source }
      return SourceFile(path: source.path, bytes: Array(ConnectJSON(document.content).compact().utf8))
    }
    let minifiedFrontEnd = Benchmark.paired(runs, clock: .threadCPU, { lower(minified) }, yamlFrontEnd)
    for source in sources {
      if case .success(let document) = ConnectReader.read(source.bytes, file: FileID(0)) { actions += document.content["Actions"]?.items?.count ?? 0 }
    }
    var asCLI = CheckOptions(keepCheckedBlocks: false)
    asCLI.keepsConnectLayout = false
    let check = Benchmark.paired(runs, { try? CheckRun.run(paths: [connectRoot], options: asCLI) }, yamlCheck)
    let importing = Benchmark.paired(runs, { try? ConnectImport.run(paths: [connectRoot + "/flows"]) }, yamlCheck)
    return Figures(
      files: sources.count, bytes: sources.reduce(0) { $0 + $1.bytes.count }, actions: actions, frontEnd: frontEnd,
      minifiedBytes: minified.reduce(0) { $0 + $1.bytes.count }, minifiedFrontEnd: minifiedFrontEnd, check: check,
      importing: importing)
  }
}
