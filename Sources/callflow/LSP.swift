import ArgumentParser
import CallflowLanguageServer

struct LSP: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lsp",
    abstract: "Run the language server: the checker in your editor, as you type.",
    discussion: """
      Speaks the Language Server Protocol 3.17 over standard input and output, for YAML and \
      DSL flows, center.yaml, callflow.yaml, scenario and model files. Each document is \
      checked in its project (the folder holding center.yaml above it, as `callflow check` \
      finds it), with the texts of open documents in place of the files on disk. \
      Docs/EDITORS.md sets it up in VS Code, Neovim, Helix, Zed and Emacs.
      """
  )

  @Flag(name: .long, help: "Use standard input and output (the default and only transport; accepted as clients pass it).")
  var stdio = false

  func run() throws {
    throw ExitCode(ServerLoop.run())
  }
}
