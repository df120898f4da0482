import CallflowTestSupport
import CallflowDiagnostics
import Foundation
import Testing

@testable import CallflowDriver

@Suite struct CheckRunTests {
  @Test func samplesAreClean() throws {
    let result = try CheckRun.run(paths: [packageRoot + "/Samples"])
    #expect(result.diagnostics.map { "\(result.sources.path($0.span.file)):\($0.span.start) \($0.message)" } == [])
    #expect(result.summary.files == 11)
    #expect(result.summary.flows == 10)
    #expect(result.flows.compactMap(\.name).sorted() == [
      "callback-agent-whisper", "callback-creation", "callback-dial", "callback-only-line", "callback-outbound-whisper",
      "callback-queue", "customer-first-callback", "in-queue-callback", "queued-callback-inbound", "support-line",
    ])
  }

  @Test func aFileIsCheckedInItsProjectButOnlyItsOwnProblemsAreShown() throws {
    let project = try TemporaryProject([
      "center.yaml": center,
      "flows/main.flow.yaml": mainFlow.replacingOccurrences(of: "${QUEUE}", with: "Support"),
      "flows/other.flow.yaml": "flow: other\ntype: inbound\nstart: x\nblocks:\n  x:\n    disconnect: {}\n",
    ])
    defer { project.remove() }
    let one = try CheckRun.run(paths: [project.path("flows/main.flow.yaml")])
    #expect(one.diagnostics.isEmpty)
    #expect(one.summary.files == 1 && one.summary.flows == 1)
    let all = try CheckRun.run(paths: [project.root])
    #expect(all.diagnostics.map(\.rule) == ["phone-number-unassigned"])
    #expect(all.summary.files == 3)
  }

  @Test func environmentsAndDefinesFillSubstitutions() throws {
    let project = try TemporaryProject([
      "center.yaml": center,
      "callflow.yaml": "environments:\n  dev: {QUEUE: Support}\n  prod: {QUEUE: Production}\n",
      "main.flow.yaml": mainFlow,
    ])
    defer { project.remove() }
    #expect(try CheckRun.run(paths: [project.root], options: CheckOptions(environment: "dev")).diagnostics.isEmpty)
    let prod = try CheckRun.run(paths: [project.root], options: CheckOptions(environment: "prod"))
    #expect(prod.diagnostics.map(\.message) == ["no queue named `Production`"])
    let defined = try CheckRun.run(paths: [project.root], options: CheckOptions(environment: "prod", defines: ["QUEUE": "Support"]))
    #expect(defined.diagnostics.isEmpty)
    let none = try CheckRun.run(paths: [project.root])
    #expect(none.diagnostics.map(\.message) == ["`${QUEUE}` has no value: no environment is chosen (`--env NAME`) and no `--define` gives it one"])
    #expect(throws: InputError("\(project.path("callflow.yaml")) has no environment 'staging' (it has dev, prod)")) {
      try CheckRun.run(paths: [project.root], options: CheckOptions(environment: "staging"))
    }
  }

  @Test func unknownConfigurationKeysAreReported() throws {
    let project = try TemporaryProject(["center.yaml": center, "callflow.yaml": "enviroments: {}\n", "main.flow.yaml": mainFlow])
    defer { project.remove() }
    let result = try CheckRun.run(paths: [project.root], options: CheckOptions(defines: ["QUEUE": "Support"]))
    #expect(result.diagnostics.map(\.message) == ["unknown key `enviroments` in callflow.yaml"])
  }

  @Test func standardInputIsALoneFlow() throws {
    let text = "flow: piped\ntype: inbound\nstart: x\nblocks:\n  x:\n    transfer-to-queue: Anywhere\n"
    let result = try CheckRun.run(paths: ["-"], standardInput: { Array(text.utf8) })
    #expect(result.sources.path(FileID(0)) == "<stdin>")
    #expect(result.diagnostics.map(\.rule) == ["unconnected-branch"])
  }

  @Test func anUnreadablePathIsAnInputError() {
    #expect(throws: InputError(path: "/nonexistent/x.flow.yaml", reason: "No such file or directory")) {
      try CheckRun.run(paths: ["/nonexistent/x.flow.yaml"])
    }
  }

  @Test func outputIsTheSameWhateverTheOrderOfPaths() throws {
    let project = try TemporaryProject([
      "a.flow.yaml": "flow: a\ntype: inbound\nstart: x\nblocks:\n  x:\n    wait: 5q\n",
      "b.flow.yaml": "flow: b\ntype: inbound\nstart: x\nblocks:\n  x:\n    wait: 5q\n",
    ])
    defer { project.remove() }
    let forward = try CheckRun.run(paths: [project.path("a.flow.yaml"), project.path("b.flow.yaml")])
    let backward = try CheckRun.run(paths: [project.path("b.flow.yaml"), project.path("a.flow.yaml")])
    let render = { (r: CheckResult) in JSONRenderer.render(r.diagnostics, summary: r.summary, sources: r.sources) }
    #expect(render(forward) == render(backward))
    #expect(forward.diagnostics.map(\.rule) == ["dead-end", "unconnected-branch", "invalid-value", "dead-end", "unconnected-branch", "invalid-value"])
    let twice = try CheckRun.run(paths: [project.path("a.flow.yaml"), project.path("a.flow.yaml")])
    #expect(twice.diagnostics.count == 3)
  }

  @Test func hostileFilesGetDiagnosticsNotCrashes() throws {
    var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for i in 1...12 { bomb += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
    let project = try TemporaryProject([
      "bomb.flow.yaml": bomb,
      "deep.flow.yaml": String(repeating: "- ", count: 100_000) + "x\n",
      "empty.flow.yaml": "",
      "binary.flow.yaml": String(decoding: (0..<2000).map { UInt8(($0 * 7919) % 256) }, as: UTF8.self),
    ])
    defer { project.remove() }
    try Data([0x66, 0x6C, 0x6F, 0x77, 0x3A, 0x20, 0xC3, 0x28, 0x0A]).write(to: URL(fileURLWithPath: project.path("utf8.flow.yaml")))
    let result = try CheckRun.run(paths: [project.root])
    let byFile = Dictionary(grouping: result.diagnostics) { result.sources.path($0.span.file).components(separatedBy: "/").last ?? "" }
      .map { (name: $0.key, problems: $0.value.map { "\($0.span.start) \($0.rule)" }) }
      .sorted { $0.name < $1.name }
    #expect(byFile.map(\.name) == ["binary.flow.yaml", "bomb.flow.yaml", "deep.flow.yaml", "empty.flow.yaml", "utf8.flow.yaml"])
    #expect(byFile.allSatisfy { $0.problems.count == 1 && $0.problems[0].hasSuffix("yaml-syntax") })
    // libyaml names the invalid trailing octet, 0x28, the 8th byte.
    #expect(byFile.first { $0.name == "utf8.flow.yaml" }?.problems == ["1:8 yaml-syntax"])
  }
}

/// Which files of a folder are Connect flows: decided from their first bytes, before any is
/// parsed.
@Suite struct ConnectFlowDiscoveryTests {
  /// A flow that names its start action first, a legacy export that names its start only
  /// after 4 KiB of modules, and JSON files that are not flows: the first two are flows.
  @Test func flowsAreFoundByTheirFirstBytesEvenPastTheFirstFourKiB() throws {
    let modules = (0..<60).map { #"{"id":"m\#($0)","type":"PlayPrompt","branches":[],"parameters":[],"metadata":{"position":{"x":0,"y":0}}}"# }
    let legacy = #"{"modules":["# + modules.joined(separator: ",") + #"],"version":"1","type":"contactFlow","start":"m0"}"#
    #expect(legacy.utf8.count > 4_096 && !String(decoding: legacy.utf8.prefix(4_096), as: UTF8.self).contains("\"start\""))
    let project = try TemporaryProject([
      "center.yaml": center,
      "flows/menu.json": #"{"Version":"2019-10-30","StartAction":"bye","Actions":[{"Identifier":"bye","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}"#,
      "flows/legacy.json": legacy,
      "flows/package.json": #"{"name":"scripts","dependencies":{"left-pad":"1.3.0"},"padding":""# + String(repeating: "x", count: 6_000) + #""}"#,
      "flows/notes.json": "[1, 2, 3]",
    ])
    defer { project.remove() }
    let found = try ProjectLayout.flowFiles(under: project.root).map { String($0.dropFirst(project.root.count + 1)) }
    #expect(found == ["flows/legacy.json", "flows/menu.json"])
  }
}
