import CallflowDiagnostics
import CallflowScenarios
import CallflowSimulator
import CallflowSyntax
import CallflowVM
import Testing

/// The callers a load model draws: their own numbers, and the number a caller keys in when a
/// flow asks for a phone number.
@Suite struct ModelWorldTests {
  func world(seed: Int, callers: String = "") throws -> ModelWorld {
    let text = """
      model: m
      start: 2026-01-05T00:00:00Z
      seed: \(seed)
      arrivals: [{to: "+18005550199", per-hour: {"08:00-10:00": 300}}]
      agents: [{routing-profile: Tier1}]
      \(callers)

      """
    var sources = SourceMap()
    let loaded = DocumentReader.load(Array(text.utf8), path: "m.model.yaml", into: &sources)
    var reader = loaded.reader
    let root = try #require(loaded.root)
    let model = try #require(LoadModel.read(root, reader: &reader))
    #expect(reader.diagnostics.isEmpty)
    return ModelWorld(model: model, agentHandleTimes: [])
  }

  func arrivals(_ world: inout ModelWorld) -> [Arrival] {
    var all: [Arrival] = []
    while let next = world.nextArrival() { all.append(next) }
    return all
  }

  /// Each caller calls from a number of Seattle's area code, seven digits after it, the first
  /// not a 0; nearly every caller has one of their own, and a seed draws the same ones again.
  @Test func callersCallFromNumbersOfTheirOwn() throws {
    var world = try world(seed: 7)
    let callers = arrivals(&world)
    #expect(callers.count > 400)
    for caller in callers {
      let bytes = Array(caller.from.utf8)
      #expect(bytes.count == 12)
      #expect(caller.from.hasPrefix("+1206"))
      #expect(bytes.dropFirst(5).allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
      #expect(bytes.count > 5 && bytes[5] != UInt8(ascii: "0"))
      #expect((try? PhoneNumberSyntax.parseE164(caller.from).get()) == caller.from, "an E.164 number, as flows validate it")
      #expect(caller.to == "+18005550199")
    }
    #expect(Set(callers.map(\.from)).count >= callers.count * 99 / 100)
    var again = try self.world(seed: 7)
    #expect(arrivals(&again).map(\.from) == callers.map(\.from))
    var other = try self.world(seed: 8)
    #expect(arrivals(&other).map(\.from) != callers.map(\.from))
  }

  /// Asked for a phone number, a caller keys in their own; asked for digits, as many digits as
  /// the block takes at most.
  @Test func aCallerAskedForTheirNumberKeysInTheirOwn() throws {
    var world = try world(seed: 3)
    let callers = arrivals(&world)
    let phone = try #require(
      HostCall(
        kind: .storeInput, arguments: [.kind: .text("phone-number")], outcomes: [.next, .branch(.error)], flow: "f", block: "ask",
        line: 1))
    for label in [0, 1, callers.count - 1] {
      let keyed = world.input(label: label, call: phone)
      #expect(keyed == callers[label].from)
    }
    let digits = try #require(
      HostCall(
        kind: .storeInput, arguments: [.kind: .text("digits"), .maxDigits: .integer(4)], outcomes: [.next, .branch(.error)], flow: "f",
        block: "ask", line: 2))
    let answer = world.input(label: 0, call: digits)
    let keyed = try #require(answer)
    #expect(keyed.utf8.count == 4)
    #expect(keyed.allSatisfy(\.isASCII) && keyed.allSatisfy(\.isNumber))
  }

  /// A menu's answer is drawn from that block's own choices, by weight; a menu whose choices
  /// all weigh nothing, one the model gives no choices, and `none` are no key at all.
  @Test func eachMenuDrawsFromItsOwnChoices() throws {
    var world = try world(
      seed: 5, callers: #"callers: {choices: {menu-a: {"1": 1}, menu-b: {"2": 1, "3": 0}, menu-c: {"1": 1, "3": 1}, menu-z: {"1": 0}, menu-n: {none: 1}}}"#)
    func menu(_ block: String) throws -> HostCall {
      try #require(
        HostCall(
          kind: .getInput, arguments: [.options: .list(["1", "2", "3"])], outcomes: [.branch(.timeout), .branch(.noMatch)], flow: "f",
          block: block, line: 1))
    }
    var fromC: Set<String?> = []
    for _ in 0..<40 {
      #expect(world.input(label: 0, call: try menu("menu-a")) == "1")
      #expect(world.input(label: 0, call: try menu("menu-b")) == "2")
      #expect(world.input(label: 0, call: try menu("menu-z")) == nil)
      #expect(world.input(label: 0, call: try menu("menu-n")) == nil)
      #expect(world.input(label: 0, call: try menu("menu-x")) == nil)
      fromC.insert(world.input(label: 0, call: try menu("menu-c")))
    }
    #expect(fromC == ["1", "3"])
  }
}
