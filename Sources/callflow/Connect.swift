import ArgumentParser
import CallflowDiagnostics
import CallflowDriver
import Foundation

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import", abstract: "Import flows from another platform into a Callflow project.", subcommands: [ImportConnect.self])
}

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Export a Callflow project to another platform.", subcommands: [ExportConnect.self])
}

struct ImportConnect: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "connect",
    abstract: "Import Amazon Connect flows (flow language, describe-contact-flow output, create requests, legacy exports).",
    discussion: """
      Reads every file named, and every file in a folder named that holds a flow in one of \
      the four shapes, whatever its extension; AWS CLI descriptions of queues, hours and \
      prompts beside them fill center.yaml. Writes center.yaml and flows/<flow>.flow.yaml into \
      DIR. Exit 0 when every flow was imported, 1 when a file could not be (nothing is \
      written), 2 when the command could not run.
      """)

  @Argument(help: "Exported flows, or folders holding them.")
  var paths: [String]

  @Option(name: .shortAndLong, help: "The project folder to write.")
  var output: String

  @Flag(name: .long, help: "Replace DIR if it exists.")
  var force = false

  func run() throws {
    let result: ConnectImport.Result
    do {
      // Refused before anything is read: the folder is not replaced without --force.
      try OutputFile.checkFolder(output, force: force)
      result = try ConnectImport.run(paths: paths)
    } catch {
      Terminal.error("\(error)")
      throw ExitCode(2)
    }
    if !result.diagnostics.isEmpty {
      Terminal.standardError(TextRenderer(colors: Terminal.wantsColor(.auto, fd: STDERR_FILENO)).render(result.diagnostics, sources: result.sources))
    }
    guard !result.diagnostics.contains(where: { $0.severity == .error }) else { throw ExitCode(1) }
    do { try ConnectImport.write(result, to: output, force: force) } catch {
      Terminal.error("\(error)")
      throw ExitCode(2)
    }
    for note in result.notes { Terminal.standardError("note: \(note)\n") }
    let share = result.actionCount == 0 ? 100 : result.nativeCount * 100 / result.actionCount
    Terminal.standardOutput(
      "imported \(result.flowCount) flow\(result.flowCount == 1 ? "" : "s") into \(output): \(result.nativeCount) of \(result.actionCount) actions as Callflow blocks (\(share)%)\n")
  }
}

struct ExportConnect: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "connect",
    abstract: "Write a checked project as Amazon Connect flow language.",
    discussion: """
      Writes DIR/<flow>.json for every flow, and with --cloudformation a template with one \
      AWS::Connect::ContactFlow (or ContactFlowModule) per flow. The same project gives the \
      same bytes. A project with errors exports nothing (exit 1).
      """)

  @Argument(help: "The project folder (holding center.yaml).")
  var project: String

  @Option(name: .shortAndLong, help: "The folder to write the flows into.")
  var output: String

  @Option(name: .long, help: "Also write a CloudFormation template to this file.")
  var cloudformation: String?

  @Flag(name: .long, help: "Replace the folder (and write the template over a file of another kind) if it exists.")
  var force = false

  func run() throws {
    let result: ConnectExport.Result
    do {
      if let cloudformation { try OutputFile.check(cloudformation, for: .cloudFormation, force: force, madeFirst: output) }
      try OutputFile.checkFolder(output, force: force)
      result = try ConnectExport.run(project: project, cloudformation: cloudformation != nil)
    } catch {
      Terminal.error("\(error)")
      throw ExitCode(2)
    }
    if !result.diagnostics.isEmpty {
      Terminal.standardError(TextRenderer(colors: Terminal.wantsColor(.auto, fd: STDERR_FILENO)).render(result.diagnostics, sources: result.sources))
    }
    guard !result.diagnostics.contains(where: { $0.severity == .error }) else { throw ExitCode(1) }
    do {
      try OutputFile.writeFolder(result.files, to: output, force: force)
      if let cloudformation, let template = result.template { try Conversion.writeAtomically(template, to: cloudformation) }
    } catch {
      Terminal.error("\(error)")
      throw ExitCode(2)
    }
    Terminal.standardOutput("exported \(result.files.count) flow\(result.files.count == 1 ? "" : "s") to \(output)\n")
  }
}
