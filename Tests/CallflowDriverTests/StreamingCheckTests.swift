import CallflowDiagnostics
import CallflowTestSupport
import Foundation
import Testing

@testable import CallflowDriver

/// `callflow check` indexes a project from its flows' headers, then reads, checks and frees
/// each flow in turn (``FlowReading/streamingCheck(center:centerSought:complete:reported:)``).
/// Its findings must be exactly those of the check that holds every flow (as `build` and
/// `graph` do), whatever the flows say of each other.
@Suite struct StreamingCheckTests {
  /// The sample project's files, with the changes given (file, text replaced, replacement).
  static func samples(changing changes: [(String, String, String)] = [], adding added: [String: String] = [:]) throws -> [String: String] {
    var files: [String: String] = [:]
    let root = packageRoot + "/Samples/"
    for name in ["center.yaml"] + (try FileManager.default.contentsOfDirectory(atPath: root + "flows")).map({ "flows/" + $0 }) {
      files[name] = try String(contentsOfFile: root + name, encoding: .utf8)
    }
    for (file, old, new) in changes {
      let text = try #require(files[file])
      #expect(text.contains(old), "\(file) has no `\(old)`")
      files[file] = text.replacingOccurrences(of: old, with: new)
    }
    return files.merging(added) { $1 }
  }

  /// The diagnostics and summary of a check of `files`, streaming (syntax trees not kept) or
  /// not, rendered with their notes and fixes; and whether the check freed its flows' trees.
  static func check(_ files: [String: String], streaming: Bool, keepBlocks: Bool = false) throws -> (report: String, summary: String, freed: Bool) {
    var options = CheckOptions(keepCheckedBlocks: keepBlocks)
    options.keepsSyntaxTrees = !streaming
    let result = try CheckRun.run([Project(files: files)], options: options)
    let report = TextRenderer(colors: false).render(result.diagnostics, sources: result.sources)
    let summary = "\(result.summary.files) files, \(result.summary.flows) flows, \(result.summary.errors) errors, \(result.summary.warnings) warnings"
    return (report, summary, !result.flows.isEmpty && result.flows.allSatisfy { $0.syntax.blocks.isEmpty })
  }

  @Test func findingsAcrossFlowsAreTheUsualChecks() throws {
    let files = try Self.samples(
      changing: [
        ("flows/support-line.flow.yaml", "set-customer-queue-flow: in-queue-callback", "set-customer-queue-flow: in-queue-calback"),
        ("flows/customer-first-callback.flow.yaml", "outbound-flow: callback-dial", "outbound-flow: support-line"),
        ("flows/callback-creation.flow.yaml", "flow: callback-creation", "flow: callback-dial"),
        ("flows/callback-queue.flow", "flow callback-queue : customer-queue", "flow callback-queue : inbound"),
      ],
      adding: [
        "flows/extra.flow.yaml": "# callflow:disable-next-line unreachable-block\nflow: extra\ntype: inbound\nstart: a\nblocks:\n  a:\n    transfer-to-flow: ghost\n  b:\n    disconnect: {}\n"
      ])
    let usual = try Self.check(files, streaming: false)
    let streamed = try Self.check(files, streaming: true)
    #expect(streamed.freed, "the check held its flows' trees: it did not stream")
    #expect(!usual.freed)
    #expect(usual.report.contains("in-queue-calback") && usual.report.contains("ghost") && usual.report.contains("callback-dial"))
    #expect(streamed.report == usual.report)
    #expect(streamed.summary == usual.summary)
  }

  @Test func aStreamedCheckKeepsTheCheckedBlocksWhenAsked() throws {
    let files = try Self.samples(changing: [("flows/support-line.flow.yaml", "set-customer-queue-flow: in-queue-callback", "set-customer-queue-flow: nowhere")])
    var options = CheckOptions(keepCheckedBlocks: true)
    options.keepsSyntaxTrees = false
    let streamed = try CheckRun.run([Project(files: files)], options: options)
    options.keepsSyntaxTrees = true
    let usual = try CheckRun.run([Project(files: files)], options: options)
    #expect(streamed.flows.allSatisfy { $0.syntax.blocks.isEmpty })
    #expect(streamed.flows.map(\.blocks.count) == usual.flows.map(\.blocks.count))
    #expect(streamed.flows.reduce(0) { $0 + $1.blocks.count } > 50)
    #expect(streamed.flows.map { $0.blocks.map(\.id) } == usual.flows.map { $0.blocks.map(\.id) })
    #expect(
      TextRenderer(colors: false).render(streamed.diagnostics, sources: streamed.sources)
        == TextRenderer(colors: false).render(usual.diagnostics, sources: usual.sources))
  }

  @Test func aCleanProjectStreamsAndIsClean() throws {
    let files = try Self.samples()
    let streamed = try Self.check(files, streaming: true)
    #expect(streamed.freed)
    #expect(streamed.report.isEmpty)
    #expect(streamed.summary == (try Self.check(files, streaming: false)).summary)
  }

  @Test(arguments: [
    // The flow's name after its blocks: the header read before `blocks` has none.
    ("flows/callback-dial.flow.yaml", "flow: callback-dial\n", "", "\nflow: callback-dial\n"),
    // A DSL flow that cannot be read after its header (a control character).
    ("flows/callback-queue.flow", "start read-metrics", "start read-metrics \u{7}", ""),
    // A YAML flow that does not parse after its header.
    ("flows/support-line.flow.yaml", "blocks:\n", "blocks:\n  [unclosed\n", ""),
  ])
  func aHeaderThatDiffersFromItsFlowFallsBackToTheUsualCheck(file: String, old: String, new: String, appended: String) throws {
    var files = try Self.samples(changing: [(file, old, new)])
    files[file, default: ""] += appended
    let usual = try Self.check(files, streaming: false)
    let streamed = try Self.check(files, streaming: true)
    #expect(!streamed.freed)
    #expect(streamed.report == usual.report)
    #expect(streamed.summary == usual.summary)
  }

  @Test func theHeaderIsTheTextBeforeTheBody() {
    func prefix(_ text: String, dsl: Bool = false) -> String? {
      FlowReading.headerPrefix(of: Array(text.utf8), dsl: dsl).map { String(decoding: $0, as: UTF8.self) }
    }
    #expect(prefix("flow: a\ntype: inbound\nblocks:\n  x:\n    disconnect: {}\n") == "flow: a\ntype: inbound\n")
    #expect(prefix("flow: a\n  blocks: 1\nblocks: {}\n") == "flow: a\n  blocks: 1\n")
    #expect(prefix("blocks: {}\nflow: a\n") == nil)
    #expect(prefix("{flow: a, blocks: {}}\n") == nil)
    #expect(prefix("// note\nflow a : inbound {\n  start x\n}\n", dsl: true) == "// note\nflow a : inbound {}")
    #expect(prefix("flow a : inbound\n", dsl: true) == nil)
  }
}
