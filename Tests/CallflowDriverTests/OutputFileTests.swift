import CallflowTestSupport
import Foundation
import Testing

/// A command writes what it makes only where that belongs: a file named for its kind, never
/// over a file of another kind without `--force`, never into a folder that exists without it.
@Suite(.serialized) struct OutputFileTests {
  static let flow = try! String(contentsOfFile: packageRoot + "/Samples/flows/callback-dial.flow.yaml", encoding: .utf8)

  /// A project to write beside: its center.yaml, a flow, a scenario.
  static func project() throws -> TemporaryProject {
    try TemporaryProject([
      "center.yaml": center, "flows/main.flow.yaml": mainFlow, "flows/dial.flow.yaml": flow, "flows/menu.test.yaml": "scenario: x\n",
    ])
  }

  static func unchanged(_ project: TemporaryProject) throws {
    #expect(try String(contentsOfFile: project.path("center.yaml"), encoding: .utf8) == center)
    #expect(try String(contentsOfFile: project.path("flows/menu.test.yaml"), encoding: .utf8) == "scenario: x\n")
  }

  @Test func aNameWithoutTheKindsEndingIsRefused() throws {
    let project = try Self.project()
    defer { project.remove() }
    let cases: [([String], String)] = [
      (["build", "Samples", "-o", project.path("samples.bin")], "is not a name for a bytecode module: it must end in `.cfbc`"),
      (["build", "Samples", "-o", project.path("center.yaml")], "is not a name for a bytecode module: it must end in `.cfbc`"),
      (["convert", "Samples/flows/callback-dial.flow.yaml", "--to", "dsl", "-o", project.path("dial.flow.yaml")],
       "is not a name for a DSL flow: it must end in `.flow`"),
      (["graph", "Samples", "-o", project.path("samples.svg")], "is not a name for a Graphviz diagram: it must end in `.dot` or `.gv`"),
      (["simulate", "Samples", "--model", "Samples/models/busy-monday.model.yaml", "--chart", project.path("flows/main.flow.yaml")],
       "is not a name for an SVG drawing: it must end in `.svg`"),
      (["export", "connect", "Samples", "-o", project.path("out"), "--cloudformation", project.path("stack.txt")],
       "is not a name for a CloudFormation template: it must end in `.yaml` or `.yml` or `.json` or `.template`"),
    ]
    for (arguments, message) in cases {
      let out = try CLI.run(arguments)
      #expect(out.status == 2, "\(arguments)")
      #expect(out.stderr.hasPrefix("callflow: error: '") && out.stderr.contains(message + "\n"), "\(arguments): \(out.stderr)")
      #expect(out.stdout == "", "\(arguments)")
    }
    try Self.unchanged(project)
    #expect(try FileManager.default.contentsOfDirectory(atPath: project.root).sorted() == ["center.yaml", "flows"])
  }

  @Test func aFileOfAnotherKindIsKeptUnlessForced() throws {
    let project = try Self.project()
    defer { project.remove() }
    let overCenter = ["convert", "Samples/flows/callback-dial.flow.yaml", "--to", "yaml", "-o", project.path("center.yaml")]
    let refused = try CLI.run(overCenter)
    #expect(refused.status == 2)
    #expect(refused.stderr == "callflow: error: '\(project.path("center.yaml"))' is the project's center.yaml, not a YAML flow; pass --force to write over it\n")
    let overScenario = try CLI.run(["export", "connect", "Samples", "-o", project.path("out"), "--cloudformation", project.path("flows/menu.test.yaml")])
    #expect(overScenario.status == 2)
    #expect(overScenario.stderr.hasSuffix("is a scenario, not a CloudFormation template; pass --force to write over it\n"))
    try Self.unchanged(project)
    // Over a file of its own kind (a flow over a flow), and with --force, it writes.
    #expect(try CLI.run(["convert", "Samples/flows/callback-dial.flow.yaml", "--to", "yaml", "-o", project.path("flows/main.flow.yaml")]).status == 0)
    #expect(try CLI.run(overCenter + ["--force"]).status == 0)
    #expect(try String(contentsOfFile: project.path("center.yaml"), encoding: .utf8).contains("\nflow: callback-dial\n"))
  }

  @Test func aFolderIsNotAFile() throws {
    let project = try Self.project()
    defer { project.remove() }
    try FileManager.default.createDirectory(atPath: project.path("out.cfbc"), withIntermediateDirectories: true)
    let out = try CLI.run(["build", "Samples", "-o", project.path("out.cfbc")])
    #expect(out.status == 2)
    #expect(out.stderr == "callflow: error: '\(project.path("out.cfbc"))' is a folder; name the file to write a bytecode module into\n")
  }

  /// `export connect` writes a folder: one that exists is replaced only with --force, and
  /// then whole (a file the export does not write is gone).
  @Test func anExportDoesNotWriteIntoAFolderThatExists() throws {
    let project = try Self.project()
    defer { project.remove() }
    let folder = project.path("flows")
    let refused = try CLI.run(["export", "connect", "Samples/connect", "-o", folder])
    #expect(refused.status == 2)
    #expect(refused.stderr == "callflow: error: \(folder) exists already; pass --force to replace it\n")
    #expect(try String(contentsOfFile: project.path("flows/main.flow.yaml"), encoding: .utf8) == mainFlow)
    let forced = try CLI.run(["export", "connect", "Samples/connect", "-o", folder, "--force"])
    #expect(forced.status == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["agent-whisper.json", "in-queue-callback.json", "main-menu.json"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: project.root).sorted() == ["center.yaml", "flows"])
  }

  /// A file to write in a folder that does not exist: said so, with the folder, before any
  /// work (a template in the folder `export connect` writes first is fine).
  @Test func aMissingFolderIsNamed() throws {
    let project = try Self.project()
    defer { project.remove() }
    let module = project.path("build/out.cfbc")
    let out = try CLI.run(["build", "Samples", "-o", module])
    #expect(out.status == 2)
    #expect(out.stderr == "callflow: error: cannot write '\(module)': there is no folder '\(project.path("build"))' (make it first)\n")
    let export = try CLI.run(["export", "connect", "Samples/connect", "-o", project.path("out"), "--cloudformation", project.path("out/stack.json")])
    #expect(export.status == 0)
    #expect(FileManager.default.fileExists(atPath: project.path("out/stack.json")))
  }
}
