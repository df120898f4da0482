import CallflowConnect
import CallflowDiagnostics
import CallflowSyntax
import CallflowYAML

extension ConnectRoundTrip {
  /// The round trip through the YAML front end and printer.
  static func run(_ bytes: [UInt8]) -> Outcome? {
    run(bytes) { flow in
      let (reread, problems) = YAMLFrontend(substitutions: nil).parseFlow(SourceFile(path: "flow.yaml", text: YAMLPrinter.print(flow)), file: FileID(1))
      return problems.isEmpty ? reread : nil
    }
  }
}
