import CallflowTestSupport
import CallflowDiagnostics
import Foundation
import Testing

@testable import CallflowDriver

@Suite struct GlobTests {
  @Test(arguments: [
    ("drafts/**", "drafts/a.flow.yaml", true), ("drafts/**", "drafts/x/y/a.flow", true), ("drafts/**", "flows/a.flow", false),
    ("**/*.old.flow.yaml", "a.old.flow.yaml", true), ("**/*.old.flow.yaml", "x/y/a.old.flow.yaml", true),
    ("*.flow", "a.flow", true), ("*.flow", "x/a.flow", false), ("flows/?.flow", "flows/a.flow", true),
    ("flows/?.flow", "flows/ab.flow", false), ("**", "anything/at/all", true), ("a/**/b.flow", "a/b.flow", true),
    ("a/**/b.flow", "a/x/y/b.flow", true), ("a/**/b.flow", "a/x/c.flow", false),
  ])
  func matches(_ pattern: String, _ path: String, _ expected: Bool) {
    #expect(Glob.matches(pattern, path) == expected)
  }
}

@Suite struct ConfigurationTests {
  static let flow = "flow: main\ntype: inbound\nstart: a\nblocks:\n  a:\n    wait: 10s\n    next: b\n  b:\n    disconnect: {}\n"

  @Test func ruleLevelsFromTheFileAndTheCommandLineWins() throws {
    let project = try TemporaryProject([
      "center.yaml": center,
      "callflow.yaml": "rules:\n  unconnected-branch: error\n  phone-number-unassigned: off\n",
      "main.flow.yaml": Self.flow,
    ])
    defer { project.remove() }
    let fromFile = try CheckRun.run(paths: [project.root])
    #expect(fromFile.diagnostics.map { "\($0.rule) \($0.severity)" } == ["unconnected-branch error"])
    let overridden = try CheckRun.run(paths: [project.root], options: CheckOptions(ruleLevels: ["unconnected-branch": .info]))
    #expect(overridden.diagnostics.map { "\($0.rule) \($0.severity)" } == ["unconnected-branch info"])
  }

  @Test func excludedPathsAreNotRead() throws {
    let project = try TemporaryProject([
      "callflow.yaml": "exclude: [\"drafts/**\", \"**/*.old.flow.yaml\"]\n",
      "flows/main.flow.yaml": Self.flow,
      "flows/main.old.flow.yaml": "not: [valid\n",
      "drafts/wip.flow": "flow broken {",
    ])
    defer { project.remove() }
    let result = try CheckRun.run(paths: [project.root])
    #expect(result.summary.flows == 1)
    #expect(result.diagnostics.map(\.rule) == ["unconnected-branch"])
    #expect(result.sources.files.map { ($0.path as NSString).lastPathComponent }.sorted() == ["callflow.yaml", "main.flow.yaml"])
  }

  @Test func mistakesInTheFileAreReported() throws {
    let project = try TemporaryProject([
      "callflow.yaml": "rules:\n  dead-ends: off\n  unreachable-block: loud\nexclude: drafts/**\n",
      "main.flow.yaml": Self.flow,
    ])
    defer { project.remove() }
    let result = try CheckRun.run(paths: [project.root])
    #expect(
      result.diagnostics.filter { result.sources.path($0.span.file).hasSuffix("callflow.yaml") }.map { "\($0.span.start) \($0.message)" } == [
        "2:3 there is no rule `dead-ends`",
        "3:22 a rule's level is `off`, `info`, `warning` or `error`, not `loud`",
        "4:10 `exclude` is a list of glob patterns, such as `[\"drafts/**\"]`",
      ])
  }
}
