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
