import CallflowTestSupport
import Foundation
import Testing

/// A file rewritten in place is the same file with new bytes: its permissions, its owner,
/// its line endings and the symbolic link that names it stay as they were.
@Suite(.serialized) struct InPlaceWriteTests {
  /// A formatted DSL flow, and the same flow with one line out of its canonical form.
  static let formatted = try! String(contentsOfFile: packageRoot + "/Samples/flows/callback-agent-whisper.flow", encoding: .utf8)
  static let unformatted = formatted.replacingOccurrences(of: "\n  start brief-agent\n", with: "\n    start   brief-agent\n")

  static func mode(_ path: String) throws -> Int {
    try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
  }

  @Test func formattingInPlaceKeepsThePermissions() throws {
    #expect(Self.unformatted != Self.formatted)
    let project = try TemporaryProject(["private.flow": Self.unformatted, "script.flow": Self.unformatted, "team.flow": Self.unformatted])
    defer { project.remove() }
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: project.path("private.flow"))
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: project.path("script.flow"))
    // Group-writable: a mode the usual umask (022) would take the group's write from.
    try FileManager.default.setAttributes([.posixPermissions: 0o664], ofItemAtPath: project.path("team.flow"))
    let out = try CLI.run(["fmt", "--write", project.path("private.flow"), project.path("script.flow"), project.path("team.flow")])
    #expect(out.status == 0 && out.stderr == "")
    #expect(try String(contentsOfFile: project.path("private.flow"), encoding: .utf8) == Self.formatted)
    #expect(try Self.mode(project.path("private.flow")) == 0o600)
    #expect(try Self.mode(project.path("script.flow")) == 0o755)
    #expect(try Self.mode(project.path("team.flow")) == 0o664)
    // Nothing but the files is left in the folder (no temporary file).
    #expect(try FileManager.default.contentsOfDirectory(atPath: project.root).sorted() == ["private.flow", "script.flow", "team.flow"])
  }

  @Test func formattingThroughASymbolicLinkWritesItsTarget() throws {
    let project = try TemporaryProject(["shared/actual.flow": Self.unformatted])
    defer { project.remove() }
    try FileManager.default.createSymbolicLink(atPath: project.path("link.flow"), withDestinationPath: "shared/actual.flow")
    let out = try CLI.run(["fmt", "--write", project.path("link.flow")])
    #expect(out.status == 0 && out.stderr == "")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: project.path("link.flow")) == "shared/actual.flow")
    #expect(try String(contentsOfFile: project.path("shared/actual.flow"), encoding: .utf8) == Self.formatted)
  }

  @Test func crlfLineEndingsAreKept() throws {
    let crlf = { (text: String) in text.replacingOccurrences(of: "\n", with: "\r\n") }
    let project = try TemporaryProject(["windows.flow": crlf(Self.unformatted), "done.flow": crlf(Self.formatted)])
    defer { project.remove() }
    // A file in canonical form but for its CR LF is formatted.
    let check = try CLI.run(["fmt", "--check", project.path("done.flow")])
    #expect(check.status == 0 && check.stderr == "")
    #expect(try CLI.run(["fmt", "--write", project.path("windows.flow")]).status == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: project.path("windows.flow"))) == Data(crlf(Self.formatted).utf8))
    #expect(try CLI.run(["fmt", project.path("windows.flow")]).stdout == crlf(Self.formatted))
  }

  /// The owner and group are given back where the user may give them (as the superuser).
  @Test(.enabled(if: geteuid() == 0, "needs the superuser to give a file away"))
  func formattingInPlaceKeepsTheOwner() throws {
    let project = try TemporaryProject(["theirs.flow": Self.unformatted])
    defer { project.remove() }
    try FileManager.default.setAttributes([.ownerAccountID: 4321, .groupOwnerAccountID: 4322], ofItemAtPath: project.path("theirs.flow"))
    #expect(try CLI.run(["fmt", "--write", project.path("theirs.flow")]).status == 0)
    let attributes = try FileManager.default.attributesOfItem(atPath: project.path("theirs.flow"))
    #expect(attributes[FileAttributeKey.ownerAccountID] as? Int == 4321)
    #expect(attributes[FileAttributeKey.groupOwnerAccountID] as? Int == 4322)
  }
}
