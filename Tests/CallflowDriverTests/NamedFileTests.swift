import CallflowTestSupport
import Foundation
import Testing

/// A file named on the command line is the file the user wants checked: a pre-commit hook
/// names the files a change touches, an editor the file it shows.
@Suite(.serialized) struct NamedFileTests {
  static let draft = "flow: wip\ntype: inbound\nstart: a\nblocks:\n  a:\n    wait: 10s\n    next: b\n  b:\n    disconnect: {}\n"

  static func project() throws -> TemporaryProject {
    try TemporaryProject([
      "center.yaml": center, "callflow.yaml": "exclude: [\"flows/drafts/**\"]\n", "flows/main.flow.yaml": mainFlow,
      "flows/drafts/wip.flow.yaml": draft,
    ])
  }

  /// The folder leaves the excluded draft out; the draft named is checked, with its project;
  /// `--force-exclude` leaves it out even so.
  @Test func aFileNamedIsCheckedEvenWhereTheConfigurationExcludesIt() throws {
    let project = try Self.project()
    defer { project.remove() }
    let folder = try CLI.run(["check", project.root, "--define", "QUEUE=Support"])
    #expect(folder.status == 0)
    #expect(folder.stdout == "")
    let named = try CLI.run(["check", project.path("flows/drafts/wip.flow.yaml"), "--define", "QUEUE=Support", "--format", "json"])
    #expect(named.status == 0)
    let report = try #require(try JSONSerialization.jsonObject(with: Data(named.stdout.utf8)) as? [String: Any])
    let rules = (report["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
    #expect(rules == ["phone-number-unassigned", "unconnected-branch"])
    let forced = try CLI.run(["check", "--force-exclude", project.path("flows/drafts/wip.flow.yaml"), "--define", "QUEUE=Support", "--format", "json"])
    #expect(forced.status == 0)
    #expect(forced.stdout == #"{"diagnostics": [], "summary": {"files": 1, "flows": 0, "errors": 0, "warnings": 0, "infos": 0}}"# + "\n")
  }
}
