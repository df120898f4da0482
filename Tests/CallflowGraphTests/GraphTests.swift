import CallflowDriver
import CallflowGraph
import CallflowTestSupport
import Foundation
import Testing

@Suite struct GraphTests {
  /// The diagram of the samples, byte for byte (`CALLFLOW_UPDATE_DOCS=1 swift test` rewrites
  /// the golden file and the drawings of Docs/GRAPH.md).
  @Test func theSamplesDiagramIsTheGoldenOne() throws {
    let dot = try GraphRun.dot(paths: [packageRoot + "/Samples"]).dot
    let one = try GraphRun.dot(paths: [packageRoot + "/Samples"], flow: "queued-callback-inbound").dot
    let golden = packageRoot + "/Tests/CallflowGraphTests/samples.dot"
    let goldenOne = packageRoot + "/Tests/CallflowGraphTests/queued-callback-inbound.dot"
    if ProcessInfo.processInfo.environment["CALLFLOW_UPDATE_DOCS"] == "1" {
      try dot.write(toFile: golden, atomically: true, encoding: .utf8)
      try one.write(toFile: goldenOne, atomically: true, encoding: .utf8)
      if let svg = GraphvizCheck.accept(dot) { try svg.write(toFile: packageRoot + "/Docs/graphs/samples.svg", atomically: true, encoding: .utf8) }
      if let svg = GraphvizCheck.accept(one) {
        try svg.write(toFile: packageRoot + "/Docs/graphs/queued-callback-inbound.svg", atomically: true, encoding: .utf8)
      }
    }
    #expect(dot == (try String(contentsOfFile: golden, encoding: .utf8)))
    #expect(one == (try String(contentsOfFile: goldenOne, encoding: .utf8)))
    GraphvizCheck.accept(dot)
    GraphvizCheck.accept(one)
  }

  @Test func theSameProjectGivesTheSameBytesWhateverItsFileNames() throws {
    let first = try GraphRun.dot(paths: [packageRoot + "/Samples"]).dot
    // The flows renamed and reordered on disk: the flows are drawn by name, not by file.
    let copy = NSTemporaryDirectory() + "callflow-graph-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: copy) }
    try FileManager.default.createDirectory(atPath: copy + "/z", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: packageRoot + "/Samples/center.yaml", toPath: copy + "/center.yaml")
    let files = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/Samples/flows").sorted()
    for (i, file) in files.enumerated() {
      let renamed = "\(files.count - i)-" + file
      try FileManager.default.copyItem(atPath: packageRoot + "/Samples/flows/" + file, toPath: copy + "/z/" + renamed)
    }
    let second = try GraphRun.dot(paths: [copy]).dot
    // Only the file names in the tooltips differ.
    let strip = { (text: String) in text.replacingOccurrences(of: #"tooltip="[^"]*""#, with: "", options: .regularExpression) }
    #expect(strip(first) == strip(second))
    #expect(try GraphRun.dot(paths: [packageRoot + "/Samples"]).dot == first)
  }
}

@Suite struct GraphDocsTests {
  @Test func theCategoryTableOfTheDocsIsTheCatalogs() throws {
    try checkGeneratedRegion(file: "Docs/GRAPH.md", name: "graph-categories", content: GraphReference.markdown())
  }
}
