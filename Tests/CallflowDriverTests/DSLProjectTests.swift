import CallflowTestSupport
import CallflowDiagnostics
import Foundation
import Testing

@testable import CallflowDriver

@Suite struct DSLProjectTests {
  /// A flow with one problem of each kind the checker finds in a block graph.
  static let broken = """
    flow: main
    type: inbound
    start: hello
    blocks:
      hello:
        play-prompt: {text: Hi., voice: x}
        next: menu
      menu:
        get-input: {prompt: "Press 1.", options: ["1"], timeout: 5q}
        on: {"1": transfer, tiemout: nowhere}
      transfer:
        transfer-to-queue: {queue: Suport, callback: {max-retries: "2"}}
      orphan:
        check-call-progress: {}

    """

  @Test func checkingTheDSLFormGivesTheSameDiagnosticsAsYAML() throws {
    let dsl = try #require(Conversion.convert(path: "x.flow.yaml", bytes: Array(Self.broken.utf8), from: .yaml, to: .dsl).text)
    let yamlProject = try TemporaryProject(["center.yaml": center, "main.flow.yaml": Self.broken])
    let dslProject = try TemporaryProject(["center.yaml": center, "main.flow": dsl])
    defer {
      yamlProject.remove()
      dslProject.remove()
    }
    let fromYAML = try CheckRun.run(paths: [yamlProject.root]).diagnostics.map { "\($0.rule): \($0.message)" }
    let fromDSL = try CheckRun.run(paths: [dslProject.root]).diagnostics.map { "\($0.rule): \($0.message)" }
    #expect(fromYAML.count >= 10)
    #expect(fromDSL.sorted() == fromYAML.sorted())
  }

  /// Flows with a mistake behind each kind of suggestion: a missing start, a missing `next`,
  /// missing branches, an unconnected `error`, a `next` among the branches, parameters a
  /// block does not take, a transfer to no queue.
  static let suggestionCenter = """
    center: t
    queues:
      Support: {capacity: 5, caller-id: {name: Acme, number: "+18005550199"}}
    routing-profiles:
      Tier1: {queues: [{queue: Support, priority: 1}]}
    phone-numbers:
      "+18005550199": d
      "+18005550100": e

    """
  static let suggestionFlows = [
    "d.flow": """
      flow d : inbound {
        hello: play-prompt(text: "Hi")
        menu: get-input(prompt: "Press 1.", timeout: 5s, options: ["1"])
        to-queue: transfer-to-queue {
          at-capacity -> bye
          next -> bye
        }
        bye: disconnect("now")
      }

      """,
    "e.flow": """
      flow e : inbound {
        start t
        t: transfer-to-queue {
          at-capacity, error -> bye
        }
        bye: disconnect
      }

      """,
  ]

  @Test func suggestionsInADSLFileAreSpelledInTheDSL() throws {
    let project = try TemporaryProject(Self.suggestionFlows.merging(["center.yaml": Self.suggestionCenter]) { a, _ in a })
    defer { project.remove() }
    let out = try CLI.run(["check", ".", "--color", "never"], in: project.root)
    #expect(out.status == 1)
    #expect(
      out.stdout == """
        d.flow:1:6: error: flow `d` has no `start` [missing-start]
          |
        1 | flow d : inbound {
          |      ^
          = note: add `start hello` to begin at the first block

        d.flow:2:3: error: `play-prompt` block `hello` has no `next`: the contact falls off the flow after it [dead-end]
          |
        2 |   hello: play-prompt(text: "Hi")
          |   ^~~~~ add `-> <block id>`
          = note: the contact is disconnected when a flow runs out of blocks

        d.flow:2:3: warning: branch `error` of `play-prompt` block `hello` goes nowhere [unconnected-branch]
          |
        2 |   hello: play-prompt(text: "Hi")
          |   ^~~~~
          = note: a contact that takes a branch going nowhere is disconnected
          = note: `on-error <block id>` at the top of the flow connects every `error` branch at once

        d.flow:3:3: error: `get-input` block `menu` has no branches: whatever happens, the contact falls off the flow [dead-end]
          |
        3 |   menu: get-input(prompt: "Press 1.", timeout: 5s, options: ["1"])
          |   ^~~~ add its branches: `{ "1" -> <block id> timeout -> <block id> }`

        d.flow:4:3: warning: branch `error` of `transfer-to-queue` block `to-queue` goes nowhere [unconnected-branch]
          |
        4 |   to-queue: transfer-to-queue {
          |   ^~~~~~~~
          = note: a contact that takes a branch going nowhere is disconnected
          = note: `on-error <block id>` at the top of the flow connects every `error` branch at once

        d.flow:6:5: error: `transfer-to-queue` has no branch `next` [unknown-branch]
          |
        6 |     next -> bye
          |     ^~~~
          = note: `next` is written `-> <block id>` after the block's parameters, not inside its braces

        d.flow:8:19: error: `disconnect` takes no parameters, but is given the quoted text "now" [invalid-value]
          |
        8 |   bye: disconnect("now")
          |                   ^~~~~
          = note: write `disconnect`

        e.flow:3:6: error: `t` transfers to no queue: no `set-working-queue` comes before it [working-queue-unset]
          |
        3 |   t: transfer-to-queue {
          |      ^~~~~~~~~~~~~~~~~
          = note: no `set-working-queue` on this path: `t`
          = note: write `transfer-to-queue(<queue>)`, or put a `set-working-queue` block before it


        """)
    // The same flows in YAML get the same findings, spelled in YAML.
    var yaml: [String: String] = ["center.yaml": Self.suggestionCenter]
    for (name, text) in Self.suggestionFlows {
      yaml[name + ".yaml"] = try #require(Conversion.convert(path: name, bytes: Array(text.utf8), from: .dsl, to: .yaml).text)
    }
    let yamlProject = try TemporaryProject(yaml)
    defer { yamlProject.remove() }
    let yamlOut = try CLI.run(["check", ".", "--color", "never"], in: yamlProject.root)
    let notes = yamlOut.stdout.split(separator: "\n").filter { $0.contains("= note: add") || $0.contains("= note: write") || $0.contains(" add ") || $0.contains("on-error") || $0.contains("`next` is") }
    #expect(notes.map { String($0.drop { $0 != "=" && $0 != "^" }) } == [
      "= note: add `start: hello` to begin at the first block",
      "^~~~~ add `next: <block id>`",
      "= note: `on-error: <block id>` at the top of the flow connects every `error` branch at once",
      "^~~~ add its branches: `on: {\"1\": <block id>, timeout: <block id>}`",
      "= note: `on-error: <block id>` at the top of the flow connects every `error` branch at once",
      "= note: `next` is written beside `on`, not inside it",
      "= note: write `disconnect: {}`",
      "= note: write `transfer-to-queue: <queue>`, or put a `set-working-queue` block before it",
    ])
  }

  @Test func aProjectMixesBothForms() throws {
    let result = try CheckRun.run(paths: [packageRoot + "/Samples"])
    #expect(result.diagnostics.isEmpty)
    let paths = result.sources.files.map(\.path)
    #expect(paths.contains { $0.hasSuffix(".flow") } && paths.contains { $0.hasSuffix(".flow.yaml") })
  }

  @Test func standardInputIsDetected() throws {
    let dsl = "// piped\nflow piped : inbound {\n  start x\n  x: disconnect\n}\n"
    let result = try CheckRun.run(paths: ["-"], standardInput: { Array(dsl.utf8) })
    #expect(result.summary.flows == 1 && result.diagnostics.isEmpty)
    #expect(SourceForm.detect(Array("flow: x\n".utf8)) == .yaml)
    #expect(SourceForm.detect(Array("# c\nflow x {".utf8)) == .yaml)
    #expect(SourceForm.detect(Array("\n  flow x : inbound {".utf8)) == .dsl)
  }
}

@Suite(.serialized) struct ConvertCommandTests {
  @Test func convertsBothWaysAndWritesAtomically() throws {
    let project = try TemporaryProject([:])
    defer { project.remove() }
    let out = try CLI.run(["convert", "Samples/flows/queued-callback-inbound.flow.yaml", "--to", "dsl", "-o", project.path("in.flow")])
    #expect(out.status == 0 && out.stdout.isEmpty && out.stderr.isEmpty)
    let back = try CLI.run(["convert", project.path("in.flow"), "--to", "yaml"])
    #expect(back.status == 0)
    #expect(back.stdout.hasPrefix("# yaml-language-server: $schema=../../Grammar/flow.schema.json\n# The flow callers reach on +18005550199: offer a callback instead of waiting on hold.\nflow: queued-callback-inbound\ntype: inbound\n"))
    // No temporary file is left beside the output.
    #expect(try FileManager.default.contentsOfDirectory(atPath: project.root) == ["in.flow"])
  }

  @Test func refusesFilesWithSyntaxErrors() throws {
    let out = try CLI.run(["convert", "-", "--to", "yaml"], stdin: "flow f {\n  a: b(\n}\n")
    #expect(out.status == 1)
    #expect(out.stdout.isEmpty)
    #expect(out.stderr.contains("<stdin>:3:1: error: expected a value, found `}` [dsl-syntax]"))
  }

  @Test func fmtIsCanonicalAndIdempotent() throws {
    let messy = "// c\nflow   f:inbound{start a\n a :play-prompt( \"x\" )->b b:disconnect}"
    let once = try CLI.run(["fmt", "-"], stdin: messy)
    #expect(once.status == 0)
    #expect(once.stdout == "// c\nflow f : inbound {\n  start a\n\n  a: play-prompt(\"x\") -> b\n\n  b: disconnect\n}\n")
    let twice = try CLI.run(["fmt", "-"], stdin: once.stdout)
    #expect(twice.stdout == once.stdout)
    #expect(try CLI.run(["fmt", "--check", "-"], stdin: once.stdout).status == 0)
    #expect(try CLI.run(["fmt", "--check", "-"], stdin: messy).status == 1)
    #expect(try CLI.run(["fmt", "--check", "Samples/flows/callback-queue.flow"]).status == 0)
  }
}
