import CallflowConnect
import CallflowDiagnostics
import CallflowSyntax
import CallflowYAML

extension ConnectRoundTrip {
  /// The round trip through the YAML front end and printer.
  static func run(_ bytes: [UInt8]) -> Outcome? {
    run(bytes, yaml: yaml)
  }

  /// The round trip of a translated legacy export, through the YAML front end.
  static func runLegacy(_ bytes: [UInt8]) -> Outcome? {
    runLegacy(bytes, yaml: yaml)
  }

  static func yaml(_ flow: FlowSyntax) -> FlowSyntax? {
    let (reread, problems) = YAMLFrontend(substitutions: nil).parseFlow(SourceFile(path: "flow.yaml", text: YAMLPrinter.print(flow)), file: FileID(1))
    return problems.isEmpty ? reread : nil
  }
}
