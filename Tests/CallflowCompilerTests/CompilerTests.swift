import CallflowBytecode
import CallflowCompiler
import CallflowDriver
import CallflowTestSupport
import CallflowSyntax
import Testing

/// The compiler on its own: layout, determinism, and each block compiled by how its row says
/// it runs.
@Suite struct CompilerTests {
  static let center = testCenter()
  static let main = """
    flow: main
    type: inbound
    start: menu
    on-error: bye
    blocks:
      bye:
        disconnect: {}
      menu:
        get-input: {prompt: "1 or 2", options: ["1", "2"]}
        on: {"1": tag, "2": queue, timeout: bye, no-match: bye}
      tag:
        set-attributes: {tier: gold}
        next: route
      route:
        check-attribute:
          attribute: $.Attributes.tier
          conditions: [{equals: gold, goto: queue}]
        on: {no-match: bye}
      queue:
        transfer-to-queue: Support
        on: {at-capacity: bye}

    """

  func module(_ files: [String: String]) throws -> Module {
    let check = try CheckRun.run([Project(files: files)], options: BuildRun.compiling(CheckOptions()))
    #expect(check.compilable, "\(check.diagnostics.map(\.message))")
    return Compiler.compile(check.flows, center: check.centers.first, sources: check.sources) { check.sources.path($0) }
  }

  /// The start block comes first, then the reachable blocks in source order, then the flow's
  /// trap and hand-off; host blocks are calls with a table entry per outcome, the others VM
  /// instructions.
  @Test func layoutFollowsTheCatalog() throws {
    let module = try module(["center.yaml": Self.center, "main.flow.yaml": Self.main])
    let flow = try #require(module.flows.first)
    #expect(flow.lines.compactMap { module.text($0.block) } == ["menu", "bye", "tag", "route", "queue"])
    var offset = 0
    var opcodes: [Opcode] = []
    var menuOutcomes: [Int] = []
    while offset < flow.code.count {
      let instruction = try Instruction.decodeVerified(module.code, flow: flow.code, at: offset)
      opcodes.append(instruction.opcode)
      if offset == 0, case .table(let entries)? = instruction.operands.last { menuOutcomes = entries.map(\.outcome) }
      offset += instruction.length
    }
    #expect(opcodes == [.call, .disconnect, .setAttribute, .jump, .compare, .jump, .call, .trap, .handOff])
    // `next` (to the trap: `get-input` goes on only by its options), the options, then the
    // branches, each by its number.
    #expect(menuOutcomes == [0, Outcome.optionBase, Outcome.optionBase + 1, Branch.timeout.code, Branch.noMatch.code, Branch.error.code])
  }

  /// The same sources give the same module whatever order the files come in.
  @Test func theSameSourcesGiveTheSameBytes() throws {
    let other = Self.main.replacingOccurrences(of: "flow: main", with: "flow: other")
    let a = try module(["center.yaml": Self.center, "main.flow.yaml": Self.main, "z/other.flow.yaml": other])
    let b = try module(["center.yaml": Self.center, "a/other.flow.yaml": other, "main.flow.yaml": Self.main])
    #expect(a.flows.map { a.text($0.name) } == ["main", "other"])
    #expect(a.code == b.code)
    #expect(a.constants == b.constants)
  }
}
