import CallflowBytecode
import CallflowCompiler
import CallflowDiagnostics
import CallflowDriver
import CallflowTestSupport
import CallflowVM
import Foundation
import Testing

/// Whatever callflow.yaml, `--rule` or a `callflow-ignore` comment switch off, `build` never
/// writes a module that fails to load or behaves otherwise than its source: the findings the
/// compiler depends on stay errors when compiling, saying why.
@Suite struct CompilationIntegrityTests {
  static let center = testCenter(flow: "tiers")

  /// The first condition's operand is not a number; the second holds for `gold`.
  static let tiers = """
    flow: tiers
    type: inbound
    start: set-tier
    on-error: bye
    blocks:
      set-tier:
        set-attributes: {tier: gold}
        next: route
      route:
        check-attribute:
          attribute: $.Attributes.tier
          conditions:
            - {less-than: "abc", goto: first}
            - {equals: gold, goto: second}
        on: {no-match: first}
      first:
        play-prompt: "first"
        next: bye
      second:
        play-prompt: "second"
        next: bye
      bye:
        disconnect: {}

    """

  static let invalidValueOff = "rules: {invalid-value: off}\n"

  @Test func aConditionSwitchedOffStopsTheBuildSayingWhy() throws {
    let project = Project(files: ["callflow.yaml": Self.invalidValueOff, "center.yaml": Self.center, "flows/tiers.flow.yaml": Self.tiers])
    let check = try CheckRun.run([project])
    #expect(check.summary.errors == 0, "check follows callflow.yaml")
    #expect(check.hiddenFromCompiler == ["invalid-value"])

    let build = try BuildRun.run(project)
    #expect(build.bytes == nil)
    let text = TextRenderer(colors: false).render(build.check.diagnostics, sources: build.check.sources)
    #expect(
      text == """
        flows/tiers.flow.yaml:13:23: error: the operand of `less-than`: expected a whole number, found the quoted text "abc" (remove the quotes) [invalid-value]
           |
        13 |         - {less-than: "abc", goto: first}
           |                       ^~~~~
           = note: `invalid-value` stays an error when compiling, whatever callflow.yaml, `--rule` or `callflow-ignore` say: the compiler would leave the value out


        """)
  }

  /// Compiled past the check, the flow still pairs each condition with its own target: a
  /// `gold` caller reaches `second`.
  @Test func eachConditionKeepsItsTarget() throws {
    let project = Project(files: ["center.yaml": Self.center, "flows/tiers.flow.yaml": Self.tiers])
    let check = try CheckRun.run([project])
    let module = Compiler.compile(check.flows, center: check.centers.first, sources: check.sources) { _ in "tiers.flow.yaml" }
    let program = try Program(bytes: ModuleWriter.bytes(of: module))
    var vm = try VM(program: program, state: ContactState(flow: "tiers"))
    vm.tracing = true
    var host = Answers()
    #expect(try vm.run(&host) == .disconnected)
    #expect(vm.trace.map(\.block) == ["set-tier", "route", "second", "bye"])
  }

  @Test func anUndefinedReferenceSwitchedOffWritesNoModule() throws {
    let flow = """
      flow: tiers
      type: inbound
      start: queue
      on-error: bye
      blocks:
        queue:
          transfer-to-queue: Nowhere
          on: {at-capacity: bye}
        bye:
          disconnect: {}

      """
    let files = ["center.yaml": Self.center, "flows/tiers.flow.yaml": flow]
    let off = CheckOptions(ruleLevels: ["undefined-reference": .off])
    #expect(try CheckRun.run([Project(files: files)], options: off).summary.errors == 0)
    let build = try BuildRun.run(Project(files: files), options: off)
    #expect(build.bytes == nil)
    #expect(build.check.diagnostics.map(\.rule) == ["undefined-reference"])
    #expect(build.check.diagnostics.first?.severity == .error)

    // A suppression comment does not switch it off for the build either.
    let suppressed = flow.replacingOccurrences(
      of: "transfer-to-queue: Nowhere", with: "transfer-to-queue: Nowhere  # callflow-ignore: undefined-reference")
    let quiet = ["center.yaml": Self.center, "flows/tiers.flow.yaml": suppressed]
    #expect(try CheckRun.run([Project(files: quiet)]).diagnostics.isEmpty)
    #expect(try BuildRun.run(Project(files: quiet)).bytes == nil)
  }

  /// A rule the compiler does not depend on may be switched off for the build too.
  @Test func otherRulesFollowTheConfiguration() throws {
    let flow = Self.tiers.replacingOccurrences(of: "less-than: \"abc\"", with: "less-than: 3")
      .replacingOccurrences(of: "on-error: bye\n", with: "")
    let files = ["center.yaml": Self.center, "flows/tiers.flow.yaml": flow]
    let plain = try BuildRun.run(Project(files: files))
    #expect(plain.bytes != nil)
    #expect(plain.check.diagnostics.map(\.rule) == ["unconnected-branch", "unconnected-branch", "unconnected-branch"])
    let strict = try BuildRun.run(Project(files: files), options: CheckOptions(ruleLevels: ["unconnected-branch": .error]))
    #expect(strict.bytes == nil)
    let off = try BuildRun.run(Project(files: files), options: CheckOptions(ruleLevels: ["unconnected-branch": .off]))
    #expect(off.bytes != nil)
    #expect(off.check.diagnostics.isEmpty)
  }

  /// A check run made for linting cannot be compiled.
  @Test func onlyACompilingCheckCompiles() throws {
    let files = ["center.yaml": Self.center, "flows/tiers.flow.yaml": Self.tiers]
    let project = try TemporaryProject(files)
    defer { project.remove() }
    let lint = try CheckRun.run(paths: [project.root])
    #expect(throws: InputError.self) { try BuildRun.compile(lint, path: project.root) }
  }

  /// `build` takes `--rule`, as `check` does, and writes nothing when it refuses.
  @Test func buildTakesTheCheckingOptions() throws {
    let project = try TemporaryProject(
      ["callflow.yaml": Self.invalidValueOff, "center.yaml": Self.center, "flows/tiers.flow.yaml": Self.tiers])
    defer { project.remove() }
    let output = project.path("out.cfbc")
    let check = try CLI.run(["check", project.root, "--rule", "unconnected-branch=error", "--color", "never"])
    #expect(check.status == 0)
    #expect(check.stderr.hasSuffix(
      "note: 1 error of `invalid-value` switched off here would still stop `callflow build`: the compiler depends on it\n"))
    let build = try CLI.run(["build", project.root, "-o", output, "--rule", "unconnected-branch=error", "--color", "never"])
    #expect(build.status == 1)
    #expect(build.stderr.contains("[invalid-value]"))
    #expect(build.stderr.hasSuffix("1 error in 3 files (1 flow); nothing written\n"))
    #expect(!FileManager.default.fileExists(atPath: output))
    let badRule = try CLI.run(["build", project.root, "-o", output, "--rule", "invalid-valu=off"])
    #expect(badRule.status == 2)
    #expect(badRule.stderr.contains("there is no rule 'invalid-valu'; did you mean 'invalid-value'?"))
  }
}

/// A host that answers `next` to every block.
private struct Answers: FlowHost {
  mutating func perform(_ call: HostCall, state: ContactState) -> HostResult { HostResult(.next) }
}

/// Every command that checks a project takes the same checking options, and they change
/// what it does.
@Suite struct CheckingOptionsTests {
  @Test(arguments: [
    ["graph", "Samples"], ["test", "Samples/tests/callback-keeps-place.test.yaml"],
    ["simulate", "Samples", "--model", "Samples/models/busy-monday.model.yaml", "--format", "json"],
  ])
  func everyCheckingCommandTakesTheOptions(_ command: [String]) throws {
    let options = ["--rule", "unreachable-block=error", "--define", "UNUSED=1", "--color", "never"]
    #expect(try CLI.run(command + options).status == 0)
    let bad = try CLI.run(command + ["--rule", "unreachable-blok=off"])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("there is no rule 'unreachable-blok'; did you mean 'unreachable-block'?"))
  }

  /// A project with an unreachable block: `--rule` decides whether `test` runs it and whether
  /// the diagram marks the block.
  @Test func theRuleLevelsApply() throws {
    let flow = CompilationIntegrityTests.tiers.replacingOccurrences(of: "  bye:\n", with: "  orphan:\n    disconnect: {}\n  bye:\n")
    let scenario = """
      scenario: a gold caller
      start: 2026-01-05T15:00:00Z
      contacts:
        - {id: ann, at: "15:00", from: "+14255550100", to: "+18005550199"}
      expect:
        - {contact: ann, path: [set-tier, route, second, bye]}

      """
    let project = try TemporaryProject(
      ["center.yaml": CompilationIntegrityTests.center, "flows/tiers.flow.yaml": flow.replacingOccurrences(of: "less-than: \"abc\"", with: "less-than: 3"), "tiers.test.yaml": scenario])
    defer { project.remove() }
    #expect(try CLI.run(["test", project.root]).status == 0)
    let strict = try CLI.run(["test", project.root, "--rule", "unreachable-block=error"])
    #expect(strict.status == 1)
    #expect(strict.stdout.contains("has 1 error(s), so it was not simulated"))
    let marked = try CLI.run(["graph", project.root])
    #expect(marked.status == 0)
    #expect(marked.stdout.contains("is never reached"))
    let unmarked = try CLI.run(["graph", project.root, "--rule", "unreachable-block=off"])
    #expect(unmarked.status == 0)
    #expect(!unmarked.stdout.contains("is never reached"))
  }
}
