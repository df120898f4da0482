import CallflowYAML
import CallflowDiagnostics
import CallflowSyntax
import Testing

@testable import CallflowChecker

/// The graph and dataflow machinery the rules stand on, on small flows written for it.
@Suite struct FlowAnalysisTests {
  /// `a` branches to `b` and `c`, which meet at `d`; `d` loops back to `a` on `error`.
  static let diamond = Fixture.inbound(
    """
      a:
        get-input: {prompt: "1 or 2", options: ["1", "2"]}
        on: {"1": b, "2": c, timeout: d, no-match: d, error: d}
      b:
        set-attributes: {x: one, y: one}
        next: d
      c:
        set-attributes: {x: two}
        next: d
      d:
        play-prompt: done
        next: e
        on: {error: a}
      e:
        disconnect: {}
      orphan:
        disconnect: {}
    """, start: "a")

  static func context(_ text: String) throws -> FlowContext {
    let fixture = Fixture(text, center: nil)
    let syntax = try #require(fixture.syntaxes().first)
    let index = ProjectIndex(flows: [syntax], center: nil, knowsAllFlows: true)
    let (flow, _) = Checker.check(syntax, index: index)
    return FlowContext(flow: flow, specs: flow.blocks.map { $0.kind?.spec }, index: index)
  }

  @Test func reversePostorderPutsBlocksAfterTheirPredecessors() throws {
    let context = try Self.context(Self.diamond)
    let ids = context.graph.order.map { context.flow.blocks[$0].id.value }
    #expect(ids.first == "a")
    #expect(ids.count == 5)
    #expect(!ids.contains("orphan"))
    let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
    for (from, to) in [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e")] {
      #expect(try #require(position[from]) < #require(position[to]))
    }
  }

  @Test func mustAndMayMeetDifferently() throws {
    let context = try Self.context(Self.diamond)
    let blocks = context.flow.blocks
    let index = Dictionary(uniqueKeysWithValues: blocks.enumerated().map { ($1.id.value, $0) })
    // Bit 0: `x` set; bit 1: `y` set, on `next` of each set-attributes.
    let transfer = { (b: Int, e: Int, facts: inout Bits) in
      guard context.isNext(b, e) else { return }
      for argument in blocks[b].arguments {
        if argument.name.value == "x" { facts.set(0) }
        if argument.name.value == "y" { facts.set(1) }
      }
    }
    let must = Dataflow(graph: context.graph, bits: 2, meet: .must, entry: { _ in }, transfer: transfer)
    let may = Dataflow(graph: context.graph, bits: 2, meet: .may, entry: { _ in }, transfer: transfer)
    let d = try #require(index["d"])
    // `d` is also reached from `a` directly (timeout), so nothing is set on every path…
    #expect(!must.holds(0, at: d) && !must.holds(1, at: d))
    // …but both may be.
    #expect(may.holds(0, at: d) && may.holds(1, at: d))
    // The loop back from `d` to `a` carries what `b` set into `a` (may), never at entry (must).
    #expect(may.holds(0, at: try #require(index["a"])))
    #expect(!must.holds(0, at: try #require(index["a"])))
  }

  @Test func widthGrowsPastOneWord() throws {
    let context = try Self.context(Self.diamond)
    let solved = Dataflow(graph: context.graph, bits: 130, meet: .may, entry: { $0.set(129) }) { _, _, facts in facts.set(64) }
    let e = try #require(context.flow.blocks.firstIndex { $0.id.value == "e" })
    #expect(solved.holds(129, at: e) && solved.holds(64, at: e) && !solved.holds(63, at: e))
  }

  @Test func shortestPathAvoidsRefusedEdges() throws {
    let context = try Self.context(Self.diamond)
    let e = try #require(context.flow.blocks.firstIndex { $0.id.value == "e" })
    let direct = try #require(context.graph.path(to: e))
    #expect(context.describe(direct, to: e) == "`a` (`timeout`) → `d` → `e`")
    // Refusing every branch of `a` but `1` goes through `b`.
    let throughB = try #require(context.graph.path(to: e) { b, edge in b == 0 && context.edge(b, edge).label != "1" })
    #expect(context.describe(throughB, to: e) == "`a` (`1`) → `b` → `d` → `e`")
    let orphan = try #require(context.flow.blocks.firstIndex { $0.id.value == "orphan" })
    #expect(context.graph.path(to: orphan) == nil)
  }
}

extension Fixture {
  /// The flows' syntax trees, parsed as ``results()`` parses them.
  func syntaxes() -> [FlowSyntax] {
    flows.enumerated().compactMap { i, text in
      YAMLFrontend(substitutions: substitutions)
        .parseFlow(SourceFile(path: "f\(i + 1).flow.yaml", text: text), file: FileID(UInt32(i + 1))).flow
    }
  }
}
