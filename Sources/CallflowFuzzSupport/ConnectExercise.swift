import CallflowChecker
import CallflowConnect
import CallflowDiagnostics
import CallflowSyntax
import CallflowYAML

extension Exercise {
  /// What the Amazon Connect target runs on each input: the located JSON reader, the four
  /// shapes, lowering, the checker and the renderers; and, for a flow that imports without
  /// error, the round trip of INTEROP.md as a property: import, YAML, export must give the
  /// same flow back (for a legacy export, the flow language its translation is written as).
  public static func connect(_ bytes: [UInt8]) {
    var sources = SourceMap()
    let file = sources.add(SourceFile(path: "fuzz.json", bytes: bytes))
    var diagnostics: [Diagnostic] = []
    switch ConnectReader.read(bytes, file: file) {
    case .failure(let error):
      diagnostics.append(Diagnostic(.connectSyntax, error.message, at: error.span, notes: error.notes))
    case .success(let document):
      var lowering = ConnectLowering(document, file: file)
      let (flow, problems) = lowering.lower(fallbackName: "fuzz")
      diagnostics += problems
      if let flow {
        let index = ProjectIndex(flows: [flow], center: nil, knowsAllFlows: true)
        let (checked, found) = Checker.check(flow, index: index)
        diagnostics += found + Checker.checkProject([checked], index: index)
      }
    }
    _ = TextRenderer(colors: true).render(diagnostics, sources: sources)
    let yaml = { (flow: FlowSyntax) -> FlowSyntax? in
      let (reread, problems) = YAMLFrontend(substitutions: nil).parseFlow(
        SourceFile(path: "fuzz.flow.yaml", text: YAMLPrinter.print(flow)), file: FileID(1))
      return problems.isEmpty ? reread : nil
    }
    // A legacy export that translates: the flow language written of it must come back.
    let outcome = ConnectRoundTrip.run(bytes, yaml: yaml) ?? ConnectRoundTrip.runLegacy(bytes, yaml: yaml)
    if let outcome, !outcome.isIdentical {
      fatalError("the round trip changed the flow: \(outcome.problem ?? "the flow language written differs")")
    }
  }
}
