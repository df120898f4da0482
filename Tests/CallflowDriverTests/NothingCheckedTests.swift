import CallflowTestSupport
import Foundation
import Testing

/// A run that checks nothing does not pass: a gate must not go green on a folder without
/// flows (an empty checkout, a wrong path, a pattern that matched nothing).
@Suite(.serialized) struct NothingCheckedTests {
  /// `check`, `build` and `graph` on a folder with no flow files, and on a project folder
  /// that has its center.yaml but no flow: exit 2, the folder named; `build` writes nothing.
  @Test func aFolderWithoutFlowsIsAnErrorForEveryCommand() throws {
    let empty = try TemporaryProject([:])
    defer { empty.remove() }
    let centerOnly = try TemporaryProject(["center.yaml": center, "README.md": "notes\n", "data/settings.json": "{\"a\": 1}\n"])
    defer { centerOnly.remove() }
    for folder in [empty.root, centerOnly.root] {
      let module = folder + "/out.cfbc"
      for arguments in [["check", folder], ["check", folder, "--format", "json"], ["build", folder, "-o", module], ["graph", folder]] {
        let out = try CLI.run(arguments)
        #expect(out.status == 2, "\(arguments)")
        #expect(out.stdout == "", "\(arguments)")
        #expect(
          out.stderr
            == "callflow: error: no flow files in '\(folder)': Callflow reads *.flow.yaml, *.flow and Amazon Connect exports (*.json) in a folder and the folders below it\n",
          "\(arguments)")
      }
      #expect(!FileManager.default.fileExists(atPath: module))
    }
  }

  /// A folder without flows named beside one with flows is still an error: the mistyped path
  /// would otherwise go unnoticed.
  @Test func anEmptyFolderBesideAProjectIsStillAnError() throws {
    let empty = try TemporaryProject([:])
    defer { empty.remove() }
    let out = try CLI.run(["check", "Samples", empty.root])
    #expect(out.status == 2)
    #expect(out.stderr.hasPrefix("callflow: error: no flow files in '\(empty.root)'"))
    #expect(try CLI.run(["check", "Samples/flows"]).status == 0)
  }
}

/// A flow that names a queue in a project with no center.yaml is not a pass: the queue cannot
/// exist, and the error says where center.yaml was looked for.
@Suite(.serialized) struct MissingCenterTests {
  @Test func aQueueNamedWithoutACenterIsAnError() throws {
    let project = try TemporaryProject(["flows/main.flow.yaml": mainFlow])
    defer { project.remove() }
    for path in [project.root, project.path("flows/main.flow.yaml")] {
      let out = try CLI.run(["check", path, "--define", "QUEUE=Support"])
      #expect(out.status == 1, "\(path)")
      let folder = path == project.root ? project.root : project.path("flows")
      #expect(
        out.stdout == """
          \(project.path("flows/main.flow.yaml")):7:24: error: no queue named `Support`: the project has no center.yaml [undefined-reference]
            |
          7 |     transfer-to-queue: ${QUEUE}
            |                        ^~~~~~~~
            = note: center.yaml was looked for in `\(folder)` and every folder above it
            = note: a project's queues, prompts, hours and routing profiles are defined in its center.yaml


          """, "\(path)")
    }
    // With its center.yaml the same flow is clean.
    try center.write(toFile: project.path("center.yaml"), atomically: true, encoding: .utf8)
    #expect(try CLI.run(["check", project.root, "--define", "QUEUE=Support"]).status == 0)
  }
}

/// One mistake, one diagnosis: a flow file that does not parse is reported for its syntax
/// error alone (no "no flow named" where other flows name it, no number or flow left unreached
/// because of it), and `graph` still draws it, broken, with the error on standard error.
@Suite(.serialized) struct SyntaxErrorTests {
  @Test func aFlowThatDoesNotParseIsOneErrorAndDrawnBroken() throws {
    let broken = mainFlow.replacingOccurrences(of: "on: {at-capacity: bye}", with: "on: {at-capacity: bye")
    let caller = """
      flow: front
      type: inbound
      start: go
      on-error: bye
      blocks:
        go:
          transfer-to-flow: main
        bye:
          disconnect: {}

      """
    let project = try TemporaryProject([
      "center.yaml": center.replacingOccurrences(of: "\"+18005550199\": main", with: "\"+18005550199\": main\n  \"+18005550198\": front"),
      "flows/main.flow.yaml": broken, "flows/front.flow.yaml": caller,
    ])
    defer { project.remove() }
    let check = try CLI.run(["check", project.root, "--define", "QUEUE=Support", "--format", "json"])
    #expect(check.status == 1)
    let report = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
    let rules = (report["diagnostics"] as? [[String: Any]] ?? []).map { "\($0["file"] ?? "") \($0["rule"] ?? "")" }
    #expect(rules == ["\(project.path("flows/main.flow.yaml")) yaml-syntax"])

    let graph = try CLI.run(["graph", project.root, "--define", "QUEUE=Support"])
    #expect(graph.status == 1)
    #expect(graph.stdout.contains("\"broken:\(project.path("flows/main.flow.yaml"))\" [shape=\"folder\", style=\"dashed\""))
    #expect(graph.stdout.contains("label=\"main.flow.yaml\\n(does not parse)\""))
    #expect(graph.stdout.contains("\"cluster:front\""))
    #expect(graph.stderr.hasPrefix("\(project.path("flows/main.flow.yaml")):9:"))
    #expect(graph.stderr.contains("[yaml-syntax]"))
  }
}

/// One mistake, one diagnosis, within a flow.
@Suite(.serialized) struct OneDiagnosisTests {
  static func rules(_ flow: String) throws -> [String] {
    let out = try CLI.run(["check", "-", "--format", "json"], stdin: flow)
    let report = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
    return (report["diagnostics"] as? [[String: Any]] ?? []).map { "\($0["line"] ?? 0):\($0["column"] ?? 0) \($0["rule"] ?? "") \($0["message"] ?? "")" }
  }

  /// A branch to a misspelt block is that error alone: the blocks behind the one it meant are
  /// not all reported unreachable.
  @Test func anUndefinedTargetDoesNotMakeTheBlocksBehindItUnreachable() throws {
    let flow = "flow: main\ntype: inbound\nstart: hello\non-error: bye\nblocks:\n  hello:\n    play-prompt: Hi.\n    next: menuu\n  menu:\n    play-prompt: Menu.\n    next: more\n  more:\n    play-prompt: More.\n    next: bye\n  bye:\n    disconnect: {}\n"
    #expect(try Self.rules(flow) == ["8:11 undefined-target branch `next` goes to `menuu`, which is not a block of this flow"])
  }

  /// `next:` (or `on:`) written at the level of the block ids is said to be that, and taken as
  /// the block's above: no dead end, no block `next`, no unreachable block.
  @Test func aNextIndentedOneLevelTooLittleIsSaidToBeThat() throws {
    let next = "flow: main\ntype: inbound\nstart: hello\non-error: bye\nblocks:\n  hello:\n    play-prompt: Hi.\n  next: bye\n  bye:\n    disconnect: {}\n"
    #expect(try Self.rules(next) == ["8:3 invalid-value `next` is indented as a block id: it belongs to block `hello` above it, one level further in"])
    let out = try CLI.run(["check", "-", "--format", "json"], stdin: next)
    #expect(out.stdout.contains(#""replacement": "  ""#))
    let on = "flow: main\ntype: inbound\nstart: hello\nblocks:\n  hello:\n    play-prompt: Hi.\n    next: bye\n  on: {error: bye}\n  bye:\n    disconnect: {}\n"
    #expect(try Self.rules(on) == ["8:3 invalid-value `on` is indented as a block id: it belongs to block `hello` above it, one level further in"])
  }
}
