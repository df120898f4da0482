import CallflowTestSupport
import Foundation
import Testing

/// Every command of the `callflow` executable names itself. A command without a name is
/// named by swift-argument-parser from its type, through the runtime's reflection
/// (`String(describing:)`), each time the executable starts: 14 million instructions for the
/// thirteen commands that had none, a fifth of `callflow check Samples`.
@Suite struct CommandNameTests {
  /// Each `CommandConfiguration(…)` in the executable's sources, with its file.
  static func configurations() throws -> [(file: String, text: Substring)] {
    let folder = URL(fileURLWithPath: packageRoot).appendingPathComponent("Sources/callflow")
    var found: [(String, Substring)] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".swift") {
      let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      var rest = text[...]
      while let start = rest.range(of: "CommandConfiguration(") {
        found.append((name, rest[start.upperBound...].prefix(200)))
        rest = rest[start.upperBound...]
      }
    }
    return found
  }

  @Test func everyCommandConfigurationNamesItsCommand() throws {
    let configurations = try Self.configurations()
    // Callflow and its subcommands, and the two under `import` and `export`.
    #expect(configurations.count == 18)
    for (file, text) in configurations {
      let arguments = text.drop(while: { $0.isWhitespace })
      #expect(arguments.hasPrefix("commandName: \""), "a command in \(file) has no commandName")
    }
  }

  @Test func theHelpListsTheCommandsByTheirNames() throws {
    let out = try CLI.run(["--help"])
    #expect(out.status == 0)
    let section = (out.stdout.split(separator: "SUBCOMMANDS:").last ?? "").split(separator: "See 'callflow help").first ?? ""
    let listed = section.split(separator: "\n").compactMap { line -> String? in
      guard line.hasPrefix("  "), let first = line.split(separator: " ").first, !line.hasPrefix("   ") else { return nil }
      return String(first)
    }
    #expect(
      listed == [
        "check", "build", "disasm", "run", "test", "simulate", "staff", "graph", "convert", "fmt", "import", "export", "schema",
        "explain", "lsp",
      ])
  }
}
