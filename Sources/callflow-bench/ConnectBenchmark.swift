import CallflowConnect
import CallflowDiagnostics
import CallflowDriver
import Foundation

/// The Amazon Connect front end on the generated project exported to flow language: the
/// same flows, read from JSON instead of YAML.
enum ConnectBenchmark {
  struct Figures {
    var files: Int
    var bytes: Int
    var actions: Int
    /// The Connect front end alone (reader, shapes, lowering), one thread.
    var frontEnd: Double
    /// The same on the flows minified, as Connect stores them (a `describe` response's `Content`).
    var minifiedBytes: Int
    var minifiedFrontEnd: Double
    /// `callflow check` of the exports in place, in process.
    var check: Double
    /// `callflow import connect` in process (reading, lowering, YAML printing; nothing written).
    var importing: Double
  }

  /// Exports the YAML project at `root` to `root-connect` (its center.yaml beside the flows)
  /// and measures reading it back.
  static func measure(root: String, runs: Int) throws -> Figures {
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
      sources.map { source -> Int in
        guard case .success(let document) = ConnectReader.read(source.bytes, file: FileID(0)) else { return 0 }
        var lowering = ConnectLowering(document, file: FileID(0))
        return lowering.lower(fallbackName: "flow").flow?.blocks.count ?? 0
      }
    }
    let frontEnd = Benchmark.measure(runs) { lower(sources) }
    let minified = sources.map { source -> SourceFile in
      guard case .success(let document) = ConnectReader.read(source.bytes, file: FileID(0)) else { return source }
      return SourceFile(path: source.path, bytes: Array(ConnectJSON(document.content).compact().utf8))
    }
    let minifiedFrontEnd = Benchmark.measure(runs) { lower(minified) }
    for source in sources {
      if case .success(let document) = ConnectReader.read(source.bytes, file: FileID(0)) { actions += document.content["Actions"]?.items?.count ?? 0 }
    }
    var asCLI = CheckOptions(keepCheckedBlocks: false)
    asCLI.keepsConnectLayout = false
    let check = Benchmark.measure(runs) { try? CheckRun.run(paths: [connectRoot], options: asCLI) }
    let importing = Benchmark.measure(runs) { try? ConnectImport.run(paths: [connectRoot + "/flows"]) }
    return Figures(
      files: sources.count, bytes: sources.reduce(0) { $0 + $1.bytes.count }, actions: actions, frontEnd: frontEnd,
      minifiedBytes: minified.reduce(0) { $0 + $1.bytes.count }, minifiedFrontEnd: minifiedFrontEnd, check: check,
      importing: importing)
  }
}
