import CallflowDriver
import CallflowTestSupport
import Foundation
import Testing

/// What each feature of the diagram looks like in DOT, on a small project made for it.
@Suite struct GraphFeatureTests {
  static let center = testCenter()

  static let main = """
    flow: main
    type: inbound
    start: hello
    on-error: bye
    blocks:
      hello:
        play-prompt: "\\"hi\\" C:\\\\calls\\\\new\\n\\\\N café ☎ 📞"
        next: queue
      queue:
        transfer-to-queue:
          queue: Support
          callback: {initial-delay: 30s, max-retries: 3, retry-interval: 5m, dial-mode: agent-first, creation-flow: ghost}
        next: bye
        on: {at-capacity: busy}
      busy:
        play-prompt: "All our lines are busy."
        next: bye
      orphan:
        play-prompt: "Nobody comes here."
        next: bye
      bye:
        disconnect: {}
    """

  func diagram(flow: String? = nil) throws -> String {
    let root = NSTemporaryDirectory() + "callflow-graph-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    try Self.center.write(toFile: root + "/center.yaml", atomically: true, encoding: .utf8)
    try Self.main.write(toFile: root + "/main.flow.yaml", atomically: true, encoding: .utf8)
    return try GraphRun.dot(paths: [root], flow: flow).dot
  }

  func line(_ dot: String, containing needle: String) -> String? {
    dot.split(separator: "\n").first { $0.contains(needle) }.map(String.init)
  }

  @Test func labelsEscapeQuotesBackslashesAndLineBreaksAndKeepUnicode() throws {
    let dot = try diagram()
    let hello = try #require(line(dot, containing: "\"main/hello\" ["))
    // The YAML text is: "hi" C:\calls\new<line break>\N café ☎ 📞
    #expect(hello.contains(##"label="hello\nplay-prompt\n\"\"hi\" C:\\calls\\new \\N café ☎ 📞\"""##))
    let svg = GraphvizCheck.accept(dot)
    if let svg {
      // Graphviz shows the text as written: no `\N` expanded to the node's name.
      #expect(svg.contains("&quot;&quot;hi&quot; C:\\calls\\new \\N café ☎ 📞&quot;"))
    }
  }

  @Test func theCallbackIsSummarizedOnItsTransferAndDrawnAsACallbackBlock() throws {
    let dot = try diagram()
    let queue = try #require(line(dot, containing: "\"main/queue\" ["))
    #expect(queue.contains(##"label="queue\ntransfer-to-queue\ncallback → Support\ndelay 30s · retries 3 every 5m · agent first""##))
    #expect(queue.contains(##"fillcolor="#f3e5f5""##))
  }

  @Test func unreachableBlocksAreGreyedAndDiagnosticsOutlinedWithTheirMessages() throws {
    let dot = try diagram()
    let orphan = try #require(line(dot, containing: "\"main/orphan\" ["))
    #expect(orphan.contains(##"style="rounded,filled,dashed""##))
    #expect(orphan.contains(##"fillcolor="#f5f5f5""##))
    #expect(orphan.contains("never reached from start"))
    // `unreachable-block` is a warning: an orange outline, the message in the tooltip.
    #expect(orphan.contains(##"color="#f57c00", penwidth="3""##))
    #expect(orphan.contains("warning [unreachable-block]: block `orphan` is never reached"))
    // The creation flow does not exist: an error on the transfer, and a red edge to a marker.
    let queue = try #require(line(dot, containing: "\"main/queue\" ["))
    #expect(queue.contains(##"color="#d32f2f", penwidth="3""##))
    #expect(queue.contains("error [undefined-reference]: no flow named `ghost`"))
    let reference = try #require(line(dot, containing: "\"main/queue\" -> \"flow:ghost\""))
    #expect(reference.contains(##"style="dotted""##) && reference.contains(##"label="creation flow""##))
    #expect(dot.contains(##""flow:ghost" [shape="folder", style="dashed", color="#d32f2f", fontcolor="#d32f2f", label="ghost\n(not in the project)""##))
  }

  @Test func branchesAreLabelledAndErrorAndAtCapacityEdgesStandApart() throws {
    let dot = try diagram()
    let capacity = try #require(line(dot, containing: "\"main/queue\" -> \"main/busy\""))
    #expect(capacity.contains(##"[color="#f57c00", fontcolor="#f57c00", style="dashed", label="at-capacity""##))
    #expect(dot.contains(##""main/queue" -> "main/bye";"##))
    let onError = try #require(line(dot, containing: "\"main/hello\" -> \"main/bye\""))
    #expect(onError.contains(##"style="dotted""##) && onError.contains(##"label="error""##) && onError.contains(##"constraint="false""##))
    #expect(dot.contains(##""number:+18005550199" -> "main/hello" [color="#2e7d32", penwidth="2", lhead="cluster:main"];"##))
    GraphvizCheck.accept(dot)
  }

  @Test func oneFlowIsDrawnWithItsEntryPointsAndStubsForTheFlowsItNames() throws {
    let dot = try GraphRun.dot(paths: ["Samples"], flow: "callback-creation").dot
    #expect(dot.contains(##"subgraph "cluster:callback-creation""##))
    #expect(!dot.contains(##"subgraph "cluster:queued-callback-inbound""##))
    #expect(dot.contains(##""flow:callback-queue" [shape="folder", style="filled", fillcolor="#ede7f6", label="callback-queue\n(customer-queue)""##))
    #expect(dot.contains(##""callback-creation/prepare" -> "flow:callback-queue" [color="#6a1b9a""##))
    #expect(dot.contains(##"label="agent whisper""##) && dot.contains(##"label="outbound whisper""##))
    GraphvizCheck.accept(dot)
    #expect(throws: InputError.self) { try GraphRun.dot(paths: ["Samples"], flow: "callback-creaton") }
  }
}
