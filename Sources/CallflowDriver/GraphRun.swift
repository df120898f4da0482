import CallflowDiagnostics
import CallflowGraph
import CallflowSyntax
import Foundation

/// `callflow graph`: a project's flows as a Graphviz diagram.
public enum GraphRun {
  /// The DOT diagram of the flows of `paths` (of the flow named `flow` when given), with the
  /// check's diagnostics marked on their blocks.
  public static func dot(paths: [String], flow: String? = nil, options: CheckOptions = CheckOptions()) throws(InputError) -> (dot: String, check: CheckResult) {
    let (bytes, check) = try dotBytes(paths: paths, flow: flow, options: options)
    return (String(decoding: bytes, as: UTF8.self), check)
  }

  /// The diagram as ``dot(paths:flow:options:)`` makes it, as UTF-8 bytes.
  public static func dotBytes(paths: [String], flow: String? = nil, options: CheckOptions = CheckOptions()) throws(InputError) -> (dot: [UInt8], check: CheckResult) {
    let (parts, check) = try dotParts(paths: paths, flow: flow, options: options)
    return (FlowDiagram.joined(parts), check)
  }

  /// The diagram as ``dot(paths:flow:options:)`` makes it, as UTF-8 bytes in parts to be
  /// written one after the other (``FlowDiagram/dotParts()``).
  public static func dotParts(paths: [String], flow: String? = nil, options: CheckOptions = CheckOptions()) throws(InputError) -> (dot: [[UInt8]], check: CheckResult) {
    var options = options
    options.keepCheckedBlocks = true
    let check = try CheckRun.run(paths: paths, options: options)
    // The flow files whose syntax errors kept them from being read are drawn broken, each
    // with its first error.
    let broken = check.unreadFlowFiles.compactMap { file -> FlowDiagram.Broken? in
      guard let path = check.sources[file]?.path, let error = check.diagnostics.first(where: { $0.span.file == file && $0.severity == .error })
      else { return nil }
      return FlowDiagram.Broken(path: path, error: error)
    }
    let diagram = FlowDiagram(
      flows: check.flows, center: check.centers.first, diagnostics: check.diagnostics, sources: check.sources, only: flow, broken: broken)
    if let flow, !diagram.flowNames.contains(flow) {
      let names = diagram.flowNames
      let hint = Suggestions.nearest(to: flow, in: names).map { "; did you mean '\($0)'?" } ?? ""
      throw InputError("no flow '\(flow)' in \(paths.joined(separator: ", "))\(hint) (the flows are \(names.joined(separator: ", ")))")
    }
    return (diagram.dotParts(), check)
  }

  /// Graphviz's `dot` program on `PATH`, if installed.
  public static func graphviz(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    let directories = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
    return directories.map { String($0) + "/dot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// `dot` rendered as SVG by Graphviz.
  public static func svg(_ dot: String, graphviz: String? = graphviz()) throws(InputError) -> [UInt8] {
    try svg(Array(dot.utf8), graphviz: graphviz)
  }

  /// The diagram drawn from its DOT parts (``dotParts(paths:flow:options:)``), as SVG.
  public static func svg(parts: [[UInt8]], graphviz: String? = graphviz()) throws(InputError) -> [UInt8] {
    try svg(FlowDiagram.joined(parts), graphviz: graphviz)
  }

  /// `dot` (UTF-8) rendered as SVG by Graphviz.
  public static func svg(_ dot: [UInt8], graphviz: String? = graphviz()) throws(InputError) -> [UInt8] {
    guard let graphviz else {
      throw InputError(
        "--format svg runs Graphviz's `dot`, which is not installed: install the `graphviz` package (apt-get install graphviz, or brew install graphviz), or write DOT with --format dot")
    }
    let folder = NSTemporaryDirectory() + "callflow-graph-" + UUID().uuidString
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw InputError(path: folder, reason: error.localizedDescription)
    }
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let input = folder + "/graph.dot", output = folder + "/graph.svg", errors = folder + "/errors.txt"
    try Conversion.writeAtomically(dot, to: input)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: graphviz)
    process.arguments = ["-Tsvg", input, "-o", output]
    _ = FileManager.default.createFile(atPath: errors, contents: nil)
    process.standardError = FileHandle(forWritingAtPath: errors)
    do {
      try process.run()
    } catch {
      throw InputError(path: graphviz, reason: error.localizedDescription)
    }
    process.waitUntilExit()
    guard process.terminationStatus == 0, let bytes = FileManager.default.contents(atPath: output) else {
      let message = (FileManager.default.contents(atPath: errors)).map { String(decoding: $0, as: UTF8.self) } ?? ""
      throw InputError("Graphviz's dot failed (status \(process.terminationStatus)): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
    }
    return Array(bytes)
  }
}
