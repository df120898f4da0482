import ArgumentParser
import CallflowBytecode
import CallflowDriver

struct Disasm: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "disasm",
    abstract: "Print a bytecode module: its constants and each flow's instructions with source lines.",
    discussion: "The module is verified first; a damaged or hostile file is refused with what is wrong and where."
  )

  @Argument(help: "A module written by `callflow build`.")
  var file: String

  func run() throws {
    let bytes: [UInt8]
    do { bytes = try Conversion.read(file) } catch {
      Terminal.error("\(error)")
      throw ExitCode(2)
    }
    do {
      let module = try ModuleReader.read(bytes)
      Terminal.standardOutput(Disassembler.text(of: module))
    } catch {
      Terminal.error("\(file): \(error)", hint: Terminal.moduleHint(for: file))
      throw ExitCode(2)
    }
  }
}
