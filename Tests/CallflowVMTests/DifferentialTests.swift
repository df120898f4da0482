import CallflowDiagnostics
import CallflowDriver
import CallflowSyntax
import CallflowTestSupport
import CallflowVM
import CallflowYAML
import Foundation
import Testing

/// The VM against a direct walk of the syntax tree: on generated flows, with the same
/// answers to every block, both must pass the same blocks and end the same way.
@Suite struct DifferentialTests {
  /// A random but valid flow: every branch connected, cycles bounded by a `get-input` or a
  /// `loop`, attributes set before they are compared.
  static func flow(_ seed: UInt64, blocks count: Int) -> String {
    var rng = SplitMix(seed: seed)
    func pick(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
    // Targets go forward, so the flow ends; some go back to a menu, which waits for input.
    func forward(_ i: Int) -> String { i + 1 >= count ? "bye" : "b\(i + 1 + pick(min(3, count - i - 1)))" }
    var text = "flow: gen\ntype: inbound\nstart: b0\non-error: bye\nblocks:\n"
    var menus: [Int] = []
    for i in 0..<count {
      let next = forward(i)
      let back = menus.isEmpty ? next : "b\(menus[pick(menus.count)])"
      switch pick(6) {
      case 0:
        text += "  b\(i):\n    play-prompt: \"p\(i)\"\n    next: \(next)\n"
      case 1:
        menus.append(i)
        text += "  b\(i):\n    get-input: {prompt: \"m\(i)\", options: [\"1\", \"2\"]}\n"
        text += "    on: {\"1\": \(next), \"2\": \(forward(i)), timeout: \(forward(i)), no-match: \(next)}\n"
      case 2:
        text += "  b\(i):\n    set-attributes: {v: \"\(pick(3))\"}\n    next: \(next)\n"
      case 3:
        text += "  b\(i):\n    set-attributes: {v: \"\(pick(3))\"}\n    next: c\(i)\n"
        text += "  c\(i):\n    check-attribute:\n      attribute: $.Attributes.v\n"
        text += "      conditions: [{equals: \"0\", goto: \(next)}, {greater-than: 1, goto: \(back)}]\n"
        text += "    on: {no-match: \(forward(i))}\n"
      case 4:
        text += "  b\(i):\n    loop: \(1 + pick(3))\n    next: \(next)\n    on: {looping: \(back)}\n"
      default:
        text += "  b\(i):\n    check-hours: office\n    next: \(next)\n    on: {out-of-hours: \(forward(i))}\n"
      }
    }
    text += "  bye:\n    disconnect: {}\n"
    return text
  }

  /// Answers each block by a seeded choice among its outcomes, the same for both runs.
  struct Chooser {
    var rng: SplitMix
    mutating func choose(_ outcomes: [String], block: String) -> String {
      // `next` most of the time, so that runs go somewhere; otherwise any outcome.
      let r = rng.next() % 10
      return r < 6 ? outcomes[0] : outcomes[Int(rng.next() % UInt64(outcomes.count))]
    }
  }

  struct ChooserHost: FlowHost {
    var chooser: Chooser
    mutating func perform(_ call: HostCall, state: ContactState) -> HostResult {
      let name = chooser.choose(call.outcomes.map(\.description), block: call.block)
      return HostResult(call.outcome(named: name) ?? .next)
    }
  }

  /// The reference: walks the syntax tree as the language reference describes it.
  static func walk(_ flow: FlowSyntax, _ chooser: inout Chooser, budget: Int) -> (path: [String], ended: String) {
    let blocks = Dictionary(uniqueKeysWithValues: flow.blocks.map { ($0.id.value, $0) })
    var attributes: [String: String] = [:]
    var loops: [String: Int] = [:]
    var path: [String] = []
    var current = flow.start?.value ?? ""
    while path.count < budget, let block = blocks[current] {
      path.append(current)
      func branch(_ name: String) -> String? {
        if name == "next" { return block.next?.value }
        return block.branches.first { $0.name.value == name }?.target.value ?? (name == "error" ? flow.onError?.value : nil)
      }
      let fields: [SyntaxField]
      if case .record(let f) = block.body.kind { fields = f } else { fields = [] }
      switch block.kind.value {
      case "disconnect": return (path, "disconnected")
      case "set-attributes":
        for field in fields { attributes["$.Attributes.\(field.name.value)"] = field.value.scalarText }
        current = branch("next") ?? ""
      case "check-attribute":
        let attribute = fields.first { $0.name.value == "attribute" }?.value.scalarText ?? ""
        var target = branch("no-match")
        if case .list(let conditions)? = fields.first(where: { $0.name.value == "conditions" })?.value.kind {
          for condition in conditions {
            guard case .record(let parts) = condition.kind, let op = parts.first(where: { $0.name.value != "goto" }),
              let goto = parts.first(where: { $0.name.value == "goto" })?.value.scalarText
            else { continue }
            let left = attributes[attribute]
            let right = op.value.scalarText ?? ""
            let holds = op.name.value == "equals" ? left == right : (left.flatMap(Int.init) ?? Int.min) > (Int(right) ?? Int.max)
            if left != nil && holds {
              target = goto
              break
            }
          }
        }
        current = target ?? ""
      case "loop":
        let count = Int(block.body.scalarText ?? "") ?? 0
        if loops[current, default: 0] < count {
          loops[current, default: 0] += 1
          current = branch("looping") ?? ""
        } else {
          loops[current] = 0
          current = branch("next") ?? ""
        }
      default:
        let kind = BlockKind.named(block.kind.value)
        var outcomes = ["next"] + (kind?.spec.branchNames ?? [])
        if kind == .getInput { outcomes = ["1", "2"] + (kind?.spec.branchNames ?? []) }
        current = branch(chooser.choose(outcomes, block: current)) ?? ""
      }
    }
    return (path, path.count >= budget ? "budget" : "fell off")
  }

  @Test func theVMTakesTheSamePathAsTheSyntaxTree() throws {
    let root = NSTemporaryDirectory() + "callflow-differential-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    try "center: t\nhours:\n  office: {timezone: UTC, mon-fri: \"08:00-18:00\"}\nphone-numbers:\n  \"+18005550199\": gen\n"
      .write(toFile: root + "/center.yaml", atomically: true, encoding: .utf8)
    var compared = 0
    var endings: [String: Int] = [:]
    var longest = 0
    for seed in UInt64(1)...60 {
      let text = Self.flow(seed, blocks: 4 + Int(seed % 20))
      try text.write(toFile: root + "/gen.flow.yaml", atomically: true, encoding: .utf8)
      let built = try BuildRun.run(path: root)
      guard let bytes = built.bytes else {
        Issue.record("generated flow \(seed) does not build: \(built.check.diagnostics.map(\.message))")
        continue
      }
      let program = try Program(bytes: bytes)
      let syntax = try #require(YAMLFrontend(substitutions: nil).parseFlow(SourceFile(path: "gen.flow.yaml", text: text), file: FileID(0)).flow)
      for run in UInt64(0)..<5 {
        var chooser = Chooser(rng: SplitMix(seed: seed &* 1000 &+ run))
        let expected = Self.walk(syntax, &chooser, budget: 500)
        var vm = try VM(program: program, state: ContactState(flow: "gen"))
        vm.tracing = true
        vm.stepBudget = 10_000
        var host = ChooserHost(chooser: Chooser(rng: SplitMix(seed: seed &* 1000 &+ run)))
        let ending: String
        do {
          switch try vm.run(&host) {
          case .disconnected: ending = "disconnected"
          case .fellOff: ending = "fell off"
          default: ending = "other"
          }
        } catch {
          ending = "budget"
        }
        let path = vm.trace.map(\.block)
        if expected.ended == "budget" {
          #expect(Array(path.prefix(expected.path.count)) == expected.path, "flow \(seed), run \(run)")
        } else {
          #expect(path == expected.path, "flow \(seed), run \(run)")
          #expect(ending == expected.ended, "flow \(seed), run \(run)")
        }
        compared += 1
        endings[expected.ended, default: 0] += 1
        longest = max(longest, path.count)
      }
    }
    #expect(compared == 300)
    // The runs are not trivial: most end by disconnecting, some go round menus and loops.
    #expect((endings["disconnected"] ?? 0) > 200)
    #expect(longest > 20)
  }
}
