import CallflowDriver
import CallflowTestSupport
import Foundation
import Testing

@Suite(.serialized) struct GraphCommandTests {
  @Test func graphPrintsDOTOrWritesItAtomically() throws {
    let out = try CLI.run(["graph", "Samples"])
    #expect(out.status == 0)
    #expect(out.stdout.hasPrefix("digraph \"callflow\" {\n"))
    #expect(out.stdout.hasSuffix("}\n"))
    #expect(out.stderr == "")
    let file = NSTemporaryDirectory() + "callflow-\(UUID().uuidString).dot"
    defer { try? FileManager.default.removeItem(atPath: file) }
    let written = try CLI.run(["graph", "Samples", "--flow", "callback-dial", "-o", file])
    #expect(written.status == 0 && written.stdout == "")
    let dot = try String(contentsOfFile: file, encoding: .utf8)
    #expect(dot.contains("subgraph \"cluster:callback-dial\""))
    // The whole project's diagram, written in the parts it is drawn in, to the file and to
    // standard output, is the diagram the library joins.
    let whole = try CLI.run(["graph", "Samples", "-o", file])
    #expect(whole.status == 0)
    let joined = try GraphRun.dot(paths: [packageRoot + "/Samples"]).dot.replacingOccurrences(of: packageRoot + "/", with: "")
    #expect(try String(contentsOfFile: file, encoding: .utf8) == out.stdout)
    #expect(out.stdout == joined)
    // No temporary file is left beside the output.
    let siblings = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.contains((file as NSString).lastPathComponent + ".") }
    #expect(siblings.isEmpty)
  }

  @Test func svgNeedsGraphvizAndSaysWhichPackageToInstall() throws {
    let out = try CLI.run(["graph", "Samples", "--format", "svg"], environment: ["PATH": "/nonexistent"])
    #expect(out.status == 2)
    #expect(
      out.stderr
        == "callflow: error: --format svg runs Graphviz's `dot`, which is not installed: install the `graphviz` package (apt-get install graphviz, or brew install graphviz), or write DOT with --format dot\n"
    )
    #expect(out.stdout == "")
    guard ProcessInfo.processInfo.environment["CI"] != nil || FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") else { return }
    let svg = try CLI.run(["graph", "Samples", "--format", "svg", "--flow", "callback-queue"])
    #expect(svg.status == 0, "\(svg.stderr)")
    #expect(svg.stdout.contains("<svg"))
    #expect(svg.stdout.contains("callback&#45;queue (customer&#45;queue)"))
  }

  @Test func anUnknownFlowIsRefusedWithASuggestion() throws {
    let out = try CLI.run(["graph", "Samples", "--flow", "callback-qeue"])
    #expect(out.status == 2)
    #expect(out.stderr.hasPrefix("callflow: error: no flow 'callback-qeue' in Samples; did you mean 'callback-queue'? (the flows are "))
  }
}
