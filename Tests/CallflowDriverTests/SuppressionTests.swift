import CallflowTestSupport
import CallflowDiagnostics
import Foundation
import Testing

@testable import CallflowDriver

@Suite struct SuppressionTests {
  /// `files` with every `callflow-ignore` comment removed.
  static func withoutSuppressions(_ files: [String: String]) -> [String: String] {
    files.mapValues { text in
      text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        guard let range = line.range(of: "callflow-ignore") else { return String(line) }
        let marker = line[..<range.lowerBound].hasSuffix("// ") ? "// " : "# "
        return String(line[..<line.index(range.lowerBound, offsetBy: -marker.count)])
      }.joined(separator: "\n")
    }
  }

  @Test func silencesOnItsLineAndTheLineBelowInBothForms() throws {
    let files = [
      "a.flow.yaml": """
        flow: a
        type: inbound
        start: x
        blocks:
          x:  # callflow-ignore: dead-end, unconnected-branch
            play-prompt: Hi.
          # callflow-ignore: unreachable-block -- kept for the next release
          y:
            disconnect: {}

        """,
      "b.flow": """
        flow b : inbound {
          start x
          // callflow-ignore: dead-end
          x: play-prompt("Hi.") // callflow-ignore: unconnected-branch
        }

        """,
    ]
    let project = try TemporaryProject(files)
    let bare = try TemporaryProject(Self.withoutSuppressions(files))
    defer {
      project.remove()
      bare.remove()
    }
    #expect(try CheckRun.run(paths: [project.root]).diagnostics.map(\.rule) == [])
    // The same files without the comments have exactly what the comments silenced.
    #expect(
      try CheckRun.run(paths: [bare.root]).diagnostics.map(\.rule).sorted() == [
        "dead-end", "dead-end", "unconnected-branch", "unconnected-branch", "unreachable-block",
      ])
  }

  @Test func reportsSuppressionsThatSilenceNothing() throws {
    let project = try TemporaryProject([
      "a.flow.yaml": """
        flow: a
        type: inbound
        start: x
        blocks:
          x:
            play-prompt: Hi.  # callflow-ignore: dead-end
            on: {error: z}
          z:  # callflow-ignore: dead-ends, loop-without-wait
            disconnect: {}

        """
    ])
    defer { project.remove() }
    let result = try CheckRun.run(paths: [project.root])
    #expect(
      result.diagnostics.map { "\($0.span.start)-\($0.span.end) \($0.rule) \($0.message)" } == [
        "5:3-5:4 dead-end `play-prompt` block `x` has no `next`: the contact falls off the flow after it",
        "6:42-6:50 unused-suppression this `callflow-ignore` suppresses no `dead-end` diagnostic",
        "8:26-8:35 unused-suppression `dead-ends` is not a rule",
        "8:37-8:54 unused-suppression this `callflow-ignore` suppresses no `loop-without-wait` diagnostic",
      ])
    #expect(result.diagnostics[2].fixes.map(\.replacement) == ["dead-end"])
  }

  @Test func suppressionsInCenterYAML() throws {
    let files = [
      "center.yaml": """
        center: t
        queues:
          Support: {capacity: 5}
        routing-profiles:
          Tier1: {queues: [{queue: Support, priority: 1}]}
        agents:
          # callflow-ignore: undefined-reference
          - {name: ana, routing-profile: Tier2}
        phone-numbers:
          "+15555550100": main

        """,
      // A project has a flow: a folder of none is not checked at all.
      "flows/main.flow.yaml": """
        flow: main
        type: inbound
        start: hello
        blocks:
          hello:
            transfer-to-queue: Support
            on: {at-capacity: bye, error: bye}
          bye:
            disconnect: {}

        """,
    ]
    let project = try TemporaryProject(files)
    let bare = try TemporaryProject(Self.withoutSuppressions(files))
    defer {
      project.remove()
      bare.remove()
    }
    #expect(try CheckRun.run(paths: [project.root]).diagnostics.map(\.rule) == [])
    #expect(try CheckRun.run(paths: [bare.root]).diagnostics.map(\.rule) == ["undefined-reference"])
  }
}
