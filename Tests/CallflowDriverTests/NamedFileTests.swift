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

  /// `check - --stdin-filename PATH` checks standard input as the text of PATH inside its
  /// project (an editor's unsaved buffer): the center's queues are known (and suggested), the
  /// other flows are there (a second flow of one name is found); the file need not exist.
  @Test func standardInputIsCheckedAsTheFileItNames() throws {
    let project = try Self.project()
    defer { project.remove() }
    let edited = mainFlow.replacingOccurrences(of: "${QUEUE}", with: "Suport")
    let main = project.path("flows/main.flow.yaml")
    let out = try CLI.run(["check", "-", "--stdin-filename", main, "--format", "json"], stdin: edited)
    #expect(out.status == 1)
    let report = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
    let diagnostics = report["diagnostics"] as? [[String: Any]] ?? []
    #expect(diagnostics.map { "\($0["file"] ?? "") \($0["line"] ?? 0):\($0["column"] ?? 0) \($0["rule"] ?? "")" } == ["\(main) 7:24 undefined-reference"])
    let fixes = diagnostics.first?["fixes"] as? [[String: Any]] ?? []
    #expect(fixes.compactMap { $0["replacement"] as? String } == ["Support"])
    // The file on disk is not read: its text is standard input's.
    #expect(try String(contentsOfFile: main, encoding: .utf8) == mainFlow)

    let unsaved = try CLI.run(["check", "-", "--stdin-filename", project.path("flows/second.flow.yaml"), "--define", "QUEUE=Support"], stdin: mainFlow)
    #expect(unsaved.status == 1)
    #expect(unsaved.stdout.hasPrefix("\(project.path("flows/second.flow.yaml")):1:7: error: a flow named `main` already exists [duplicate-flow-name]"))

    let alone = try CLI.run(["check", project.root, "--stdin-filename", main])
    #expect(alone.status == 2)
    #expect(alone.stderr == "callflow: error: --stdin-filename names the file standard input stands for: pass `-` as a path too\n")
  }
}
