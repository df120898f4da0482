import CallflowDiagnostics
import CallflowSyntax
import CallflowYAML
import Testing

@testable import CallflowConnect

/// The forms decided for actions alike, shared by the flows of a run.
@Suite struct FormDecisionsTests {
  /// The designer's flow of ``ConnectFrontEndTests``, its actions in another order, laid out
  /// on other lines and columns, and named otherwise: every action is alike one of the first.
  static let reordered: String = {
    let lines = ConnectFrontEndTests.flow.split(separator: "\n").map(String.init)
    // Each action without what follows it (`,` or, for the last, the end of the list).
    let actions = lines.dropFirst().map { line in
      var action = Substring(line)
      while action.first == " " { action.removeFirst() }
      if action.hasSuffix("]}") { action.removeLast(2) } else if action.hasSuffix(",") { action.removeLast() }
      return String(action)
    }
    let order = [7, 2, 0, 4, 1, 6, 3, 5]
    return lines[0] + "\n" + order.map { "      " + actions[$0] }.joined(separator: ",\n") + "]}"
  }()

  static func lowered(_ text: String, file: FileID, decisions: FormDecisions?) throws -> (text: String, spans: [SourceSpan]) {
    let document = try ConnectReader.read(Array(text.utf8), file: file).get()
    var lowering = ConnectLowering(document, file: file, decisions: decisions)
    let (lowered, diagnostics) = lowering.lower(fallbackName: "flow")
    #expect(diagnostics.isEmpty)
    let flow = try #require(lowered)
    let spans = flow.blocks.flatMap { block in
      [block.span, block.kind.span, block.body.span] + block.branches.flatMap { [$0.name.span, $0.target.span] } + (block.next.map { [$0.span] } ?? [])
    }
    return (YAMLPrinter.print(flow), spans)
  }

  /// A flow lowered with the decisions another flow's lowering made is the flow lowered on
  /// its own, to the last span; and its actions, all alike the first flow's, add none.
  @Test func decisionsMadeForOneFlowServeAnotherAlike() throws {
    let alone = try Self.lowered(Self.reordered, file: FileID(1), decisions: nil)
    let decisions = FormDecisions()
    let first = try Self.lowered(ConnectFrontEndTests.flow, file: FileID(0), decisions: decisions)
    let made = decisions.count
    #expect(made == 8)
    let shared = try Self.lowered(Self.reordered, file: FileID(1), decisions: decisions)
    #expect(decisions.count == made)
    #expect(shared.text == alone.text)
    #expect(shared.spans == alone.spans)
    #expect(shared.text != first.text)
    #expect(alone.text.contains("  get-input:\n    get-input:\n"))
  }
}
