import ArgumentParser
import CallflowDiagnostics
import CallflowDriver
import Foundation

extension SourceForm: ExpressibleByArgument {}

struct Convert: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: "Translate a flow between YAML and the DSL.",
    discussion: """
      Nothing is lost but formatting: the result reads back as the same flow, comments \
      included (each kept before the block it was in or before). A file with syntax errors \
      is not converted; its diagnostics are printed and the exit status is 1.
      """
  )

  @Argument(help: "A flow file (*.flow.yaml or *.flow), or - for standard input.")
  var file: String

  @Option(name: .long, help: "The form to write: yaml or dsl.")
  var to: SourceForm

  @Option(name: .shortAndLong, help: "Write the result to this file (atomically) instead of standard output.")
  var output: String?

  @Flag(name: .long, help: "Write over an existing file of another kind (a center.yaml, a scenario).")
  var force = false

  func run() throws {
    let bytes: [UInt8]
    do {
      if let output { try OutputFile.check(output, for: to == .dsl ? .dslFlow : .yamlFlow, force: force) }
      bytes = try Conversion.read(file)
    } catch {
      Terminal.error("\(error)")
      throw ExitCode(2)
    }
    let from = file == "-" ? SourceForm.detect(bytes) : (SourceForm(path: file) ?? .yaml)
    let result = Conversion.convert(path: file, bytes: bytes, from: from, to: to)
    if !result.diagnostics.isEmpty {
      Terminal.standardError(
        TextRenderer(colors: Terminal.wantsColor(.auto, fd: STDERR_FILENO)).render(result.diagnostics, sources: result.sources))
    }
    guard let text = result.text else { throw ExitCode(1) }
    if let output {
      do { try Conversion.writeAtomically(text, to: output) } catch {
        Terminal.error("\(error)")
        throw ExitCode(2)
      }
    } else {
      Terminal.standardOutput(text)
    }
  }
}

struct Format: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fmt",
    abstract: "Print DSL flow files in canonical form.",
    discussion: """
      Formatting is idempotent: formatting a formatted file changes nothing. A file whose \
      lines end with CR LF keeps them. `--write` replaces a file atomically, keeping its \
      permissions (and owner, where allowed), and writes through a symbolic link to its target.
      """
  )

  @Argument(help: "DSL flow files (*.flow).")
  var files: [String]

  @Flag(name: .shortAndLong, help: "Rewrite the files in place (atomically) instead of printing them.")
  var write = false

  @Flag(name: .long, help: "Print nothing; exit 1 if a file is not in canonical form.")
  var check = false

  func run() throws {
    var failed = false
    var unformatted = false
    for file in files {
      let bytes: [UInt8]
      do { bytes = try Conversion.read(file) } catch {
        Terminal.error("\(error)")
        throw ExitCode(2)
      }
      // fmt formats the DSL: a YAML flow is another language, not a badly formatted one.
      let form = file == "-" ? SourceForm.detect(bytes) : (SourceForm(path: file) ?? .dsl)
      if form == .yaml {
        Terminal.standardError(
          "callflow: error: \(file) is a YAML flow: `callflow fmt` formats DSL flow files (*.flow); "
            + "`callflow convert \(file) --to dsl` writes it as one\n")
        throw ExitCode(2)
      }
      let result = Conversion.convert(path: file, bytes: bytes, from: .dsl, to: .dsl)
      if !result.diagnostics.isEmpty {
        Terminal.standardError(TextRenderer(colors: false).render(result.diagnostics, sources: result.sources))
      }
      guard let formatted = result.text else {
        failed = true
        continue
      }
      // A file written with CR LF line endings keeps them.
      let text = Conversion.usesCRLF(bytes) ? Conversion.withCRLF(formatted) : formatted
      let changed = Array(text.utf8) != bytes
      if check {
        if changed {
          unformatted = true
          Terminal.standardError("\(file) is not formatted\n")
        }
      } else if write {
        if changed {
          do { try Conversion.writeAtomically(text, to: file) } catch {
            Terminal.error("\(error)")
            throw ExitCode(2)
          }
        }
      } else {
        Terminal.standardOutput(text)
      }
    }
    if failed || unformatted { throw ExitCode(1) }
  }
}
