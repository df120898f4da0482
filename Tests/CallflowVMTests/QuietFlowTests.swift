import CallflowDriver
import CallflowSyntax
import CallflowTestSupport
import CallflowVM
import Testing

/// A flow that ends through quiet blocks alone (``Program/endsWithoutHost(flow:answering:within:)``)
/// is one a host may skip: run with those actions answered, it asks nothing and fails nowhere.
@Suite struct QuietFlowTests {
  static func whisper(_ name: String, _ blocks: String) -> String {
    "flow: \(name)\ntype: agent-whisper\nstart: first\non-error: done\nblocks:\n" + blocks
  }

  static let files = [
    "center.yaml": testCenter() + "hours:\n  office: {timezone: UTC, mon-fri: \"08:00-18:00\"}\n",
    "flows/prompt.flow.yaml": whisper(
      "prompt",
      """
        first:
          play-prompt: "You are about to call back a customer."
          next: done
        done:
          end-flow: {}

      """),
    // Both ways on from the condition are quiet.
    "flows/branching.flow.yaml": whisper(
      "branching",
      """
        first:
          check-attribute:
            attribute: $.Attributes.tier
            conditions:
              - {equals: gold, goto: gold}
          on: {no-match: done}
        gold:
          play-prompt: "A gold customer."
          next: done
        done:
          end-flow: {}

      """),
    "flows/looping.flow.yaml": whisper(
      "looping",
      """
        first:
          loop: 3
          next: done
          on: {looping: say}
        say:
          play-prompt: "Still there?"
          next: first
        done:
          end-flow: {}

      """),
    "flows/asking.flow.yaml": whisper(
      "asking",
      """
        first:
          play-prompt: "Hello."
          next: hours
        hours:
          check-hours: office
          next: done
          on: {out-of-hours: done}
        done:
          end-flow: {}

      """),
    "flows/main.flow.yaml": """
      flow: main
      type: inbound
      start: onward
      on-error: bye
      blocks:
        onward:
          transfer-to-flow: second
        bye:
          disconnect: {}

      """,
    "flows/second.flow.yaml": """
      flow: second
      type: inbound
      start: bye
      blocks:
        bye:
          disconnect: {}

      """,
  ]

  @Test func onlyFlowsOfQuietBlocksEndWithoutTheHost() throws {
    let project = try TemporaryProject(Self.files)
    defer { project.remove() }
    let program = try Program(bytes: try #require(try BuildRun.run(path: project.root).bytes))
    let quiet = HostActionSet([.playPrompt, .transferToFlow])
    func ends(_ name: String, _ actions: HostActionSet = quiet, within budget: Int = 1_000) throws -> Bool {
      program.endsWithoutHost(flow: try #require(program.flow(named: name)), answering: actions, within: budget)
    }
    #expect(try ends("prompt"))
    #expect(try ends("branching"))
    // Prompts the host times are not quiet.
    #expect(try !ends("prompt", HostActionSet([.transferToFlow])))
    // A cycle may run into the step budget; a block the host carries out asks it; a hand-off
    // to another flow goes on there, even when the action itself is quiet.
    #expect(try !ends("looping"))
    #expect(try !ends("asking"))
    #expect(try !ends("main"))
    #expect(try ends("second"))
    // The budget bounds the longest run: `prompt` takes its prompt and its end.
    #expect(try ends("prompt", within: 2))
    #expect(try !ends("prompt", within: 1))
    #expect(!program.endsWithoutHost(flow: -1, answering: quiet, within: 1_000))
    #expect(!program.endsWithoutHost(flow: program.flowNames.count, answering: quiet, within: 1_000))
  }

  /// Over the samples and the flows above: a flow said to end without its host, run with the
  /// quiet actions answered, asks its host nothing and ends where it started. The analysis is
  /// cautious: a bounded `loop` (`looping`) ends too, but is not said to.
  @Test func whatItSaysIsWhatTheVMDoes() throws {
    let project = try TemporaryProject(Self.files)
    defer { project.remove() }
    let programs = [try #require(samples), try Program(bytes: try #require(try BuildRun.run(path: project.root).bytes))]
    let quiet = HostActionSet([.playPrompt, .sendMessage, .setWorkingQueue])
    var said: [String] = []
    var quietly: [String] = []
    for program in programs {
      for (index, name) in program.flowNames.enumerated() {
        var vm = try VM(program: program, state: ContactState(flow: name))
        vm.answeredWithoutHost = quiet
        var host = Script()
        let ended = (try? vm.run(&host)) != nil
        if ended && host.calls.isEmpty && vm.state.flow == name { quietly.append(name) }
        if program.endsWithoutHost(flow: index, answering: quiet, within: 100_000) { said.append(name) }
      }
    }
    #expect(said.sorted() == ["branching", "callback-agent-whisper", "callback-outbound-whisper", "prompt", "second"])
    #expect(quietly.sorted() == ["branching", "callback-agent-whisper", "callback-outbound-whisper", "looping", "prompt", "second"])
  }
}
