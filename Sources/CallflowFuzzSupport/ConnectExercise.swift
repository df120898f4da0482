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
  /// A second lowering with the forms the first decided must give the same flow.
  public static func connect(_ bytes: [UInt8]) {
    var sources = SourceMap()
    let file = sources.add(SourceFile(path: "fuzz.json", bytes: bytes))
    var diagnostics: [Diagnostic] = []
    switch ConnectReader.read(bytes, file: file) {
    case .failure(let error):
      diagnostics.append(Diagnostic(.connectSyntax, error.message, at: error.span, notes: error.notes))
    case .success(let document):
      let decisions = FormDecisions()
      var lowering = ConnectLowering(document, file: file, decisions: decisions)
      let (flow, problems) = lowering.lower(fallbackName: "fuzz")
      diagnostics += problems
      // Lowered again, its forms taken from what the first lowering decided and shared (as
      // the other flows of a run take them): the same flow.
      var again = ConnectLowering(document, file: file, decisions: decisions)
      if again.lower(fallbackName: "fuzz").flow.map(YAMLPrinter.print) != flow.map(YAMLPrinter.print) {
        fatalError("the forms shared between lowerings changed the flow")
      }
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
