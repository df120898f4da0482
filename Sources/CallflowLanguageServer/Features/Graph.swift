import CallflowDriver
import CallflowGraph
import Foundation

extension LanguageServer {
  /// `callflow/graph` (and the command `callflow.graph`): the diagram of the document's flow
  /// as the project's last check drew it, in DOT, or in SVG when Graphviz's `dot` is on the
  /// `PATH`.
  func graph(_ document: Document, format: String) -> Result<LSPAny, RequestFailure> {
    let model = DocumentModel(document)
    guard let name = model.flow?.name?.value else {
      return .failure(RequestFailure(.invalidParams, "the document holds no flow with a name"))
    }
    guard let check = lastCheck[projectKey(document)] else {
      return .failure(RequestFailure(.requestFailed, "the project has not been checked yet"))
    }
    let diagram = FlowDiagram(flows: check.flows, center: check.centers.first, diagnostics: check.diagnostics, sources: check.sources, only: name)
    let dot = diagram.dot()
    switch format {
    case "dot": return .success(["format": "dot", "dot": .string(dot)])
    case "svg":
      guard let svg = Self.render(dot) else { return .failure(RequestFailure(.requestFailed, "Graphviz's `dot` is not on the PATH: ask for `dot`")) }
      return .success(["format": "svg", "svg": .string(svg), "dot": .string(dot)])
    default:
      return .failure(RequestFailure(.invalidParams, "`format` is `dot` or `svg`, not `\(format)`"))
    }
  }

  /// `dot` rendered to SVG by Graphviz, or `nil` when it cannot be run.
  static func render(_ dot: String) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["dot", "-Tsvg"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    // Written from another thread, so that a large diagram cannot fill both pipes at once.
    let bytes = Data(dot.utf8)
    let writer = Thread { try? input.fileHandleForWriting.write(contentsOf: bytes); try? input.fileHandleForWriting.close() }
    writer.start()
    let svg = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0 ? String(decoding: svg, as: UTF8.self) : nil
  }
}
