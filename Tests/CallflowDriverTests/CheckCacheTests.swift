import CallflowDiagnostics
import CallflowTestSupport
import Foundation
import Testing

@testable import CallflowDriver

/// A check with a cache from the last check of the project gives what a check from nothing
/// gives, down to the rendered bytes, and reads and checks again only what changed.
@Suite struct CheckCacheTests {
  static func samples() throws -> [String: String] {
    var files: [String: String] = [:]
    let root = packageRoot + "/Samples/"
    for name in try FileManager.default.contentsOfDirectory(atPath: root + "flows") {
      files["flows/" + name] = try String(contentsOfFile: root + "flows/" + name, encoding: .utf8)
    }
    files["center.yaml"] = try String(contentsOfFile: root + "center.yaml", encoding: .utf8)
    return files
  }

  func rendered(_ result: CheckResult) -> String {
    TextRenderer(colors: false).render(result.diagnostics, sources: result.sources)
  }

  @Test func editsCheckedWithTheCacheMatchACheckFromNothing() throws {
    var files = try Self.samples()
    let cache = CheckCache()
    func both() throws -> (cached: String, fresh: String) {
      let cached = try CheckRun.run([Project(files: files)], cache: cache)
      let fresh = try CheckRun.run([Project(files: files)])
      return (rendered(cached), rendered(fresh))
    }
    var step = try both()
    #expect(step.cached == step.fresh)
    #expect(cache.lastRead == files.count - 1 && cache.lastChecked == files.count - 1)
    // Nothing changed: nothing is read or checked again.
    step = try both()
    #expect(step.cached == step.fresh)
    #expect(cache.lastRead == 0 && cache.lastChecked == 0)
    #expect(cache.lastReusedProjectFindings)
    // One flow's words: that flow alone, and the project rules' findings are kept.
    let support = "flows/support-line.flow.yaml"
    files[support] = files[support]?.replacingOccurrences(of: "Welcome back to Acme.", with: "Welcome back to Acme, again.")
    step = try both()
    #expect(step.cached == step.fresh)
    #expect(cache.lastRead == 1 && cache.lastChecked == 1)
    #expect(cache.lastReusedProjectFindings)
    // One flow's body: that flow alone.
    let inbound = "flows/queued-callback-inbound.flow.yaml"
    files[inbound] = files[inbound]?.replacingOccurrences(of: "working-queue: Callbacks", with: "working-queue: Callbaks")
    step = try both()
    #expect(step.cached == step.fresh)
    #expect(step.cached.contains("no queue named `Callbaks`"))
    #expect(cache.lastRead == 1 && cache.lastChecked == 1)
    // A suppression for it: the finding goes, as in a check from nothing.
    files[inbound] = files[inbound]?.replacingOccurrences(
      of: "        working-queue: Callbaks", with: "        # callflow-ignore: undefined-reference\n        working-queue: Callbaks")
    step = try both()
    #expect(step.cached == step.fresh)
    #expect(!step.cached.contains("no queue named `Callbaks`"))
    // What the project rules read of a flow: `callback-creation` is no longer any flow's
    // creation flow, so no number or flow reaches it (a project finding, the names unchanged).
    let before = files[inbound]
    files[inbound] = files[inbound]?.replacingOccurrences(of: "        creation-flow: callback-creation\n", with: "")
    step = try both()
    #expect(step.cached == step.fresh)
    #expect(step.cached.contains("[phone-number-unassigned]"))
    files[inbound] = before
    step = try both()
    #expect(step.cached == step.fresh)
    #expect(!step.cached.contains("[phone-number-unassigned]"))
    // A flow's name: every flow is checked again (references to it may break), none read.
    let queue = "flows/callback-queue.flow"
    files[queue] = files[queue]?.replacingOccurrences(of: "flow callback-queue :", with: "flow callback-queue2 :")
    step = try both()
    #expect(step.cached == step.fresh)
    #expect(step.cached.contains("callback-queue"))
    #expect(cache.lastRead == 1 && cache.lastChecked == files.count - 1)
    // center.yaml: every flow is checked again.
    files["center.yaml"] = files["center.yaml"]?.replacingOccurrences(of: "  Callbacks:\n", with: "  Callbacks2:\n")
    step = try both()
    #expect(step.cached == step.fresh)
    #expect(cache.lastRead == 0 && cache.lastChecked == files.count - 1)
    // A syntax error, then its fix.
    let dial = "flows/callback-dial.flow.yaml"
    let dialBefore = files[dial]
    files[dial] = (files[dial] ?? "") + "\n  broken: [\n"
    step = try both()
    #expect(step.cached == step.fresh)
    files[dial] = dialBefore
    step = try both()
    #expect(step.cached == step.fresh)
  }
}
