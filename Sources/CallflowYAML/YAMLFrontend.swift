import CallflowDiagnostics
import CallflowRules
import CallflowSyntax

/// The YAML front end: flow files (`*.flow.yaml`) and `center.yaml` to syntax trees.
public struct YAMLFrontend: Sendable {
  public var reader: YAMLReader
  /// Values for `${NAME}` in scalars; `nil` leaves them as written (for conversion).
  public var substitutions: Substitutions?

  public init(reader: YAMLReader = YAMLReader(), substitutions: Substitutions? = Substitutions()) {
    self.reader = reader
    self.substitutions = substitutions
  }

  /// The flow of one `*.flow.yaml` file, and every problem found reading it.
  public func parseFlow(_ source: SourceFile, file: FileID) -> (flow: FlowSyntax?, diagnostics: [Diagnostic]) {
    let (parsed, bag) = document(source, file: file, what: "a flow file is a mapping with `flow`, `type`, `start` and `blocks`")
    // Taken out of the optional, so that the lowering holds the only reference to the tree.
    guard let root = consume parsed else { return (nil, bag.diagnostics) }
    // What the comments need of the document is read before the lowering takes it apart.
    var headerEnd = 0
    if case .record(let fields) = root.kind, let blocks = fields.first(where: { $0.name.value == "blocks" }) {
      headerEnd = blocks.name.span.start.line
    }
    let comments = CommentScanner.comments(in: source, file: file, document: root)
    var lowering = FlowLowering(bag: bag, file: file)
    var flow = lowering.lower(root)
    flow?.attach(comments, headerEnd: headerEnd)
    return (flow, lowering.bag.diagnostics)
  }

  /// The resources of a `center.yaml` file, and every problem found reading it.
  public func parseCenter(_ source: SourceFile, file: FileID) -> (center: Center?, diagnostics: [Diagnostic]) {
    let (root, bag) = document(source, file: file, what: "center.yaml is a mapping with `center`, `queues`, `routing-profiles`, …")
    guard let root else { return (nil, bag.diagnostics) }
    var lowering = CenterLowering(bag: bag, file: file)
    var center = lowering.lower(root)
    center.comments = CommentScanner.comments(in: source, file: file, document: root)
    return (center, lowering.bag.diagnostics)
  }

  private func document(_ source: SourceFile, file: FileID, what: String) -> (SyntaxValue?, DiagnosticBag) {
    let (root, diagnostics) = reader.readValue(source, file: file)
    var bag = DiagnosticBag()
    bag.append(contentsOf: diagnostics)
    if diagnostics.contains(where: { $0.rule == YAMLSyntaxRule().id }) { return (nil, bag) }
    guard let root else {
      bag.report(
        .yamlSyntax, "the file is empty", at: SourceSpan(file: file, at: SourceLocation(line: 1, column: 1)),
        notes: [Note(what)])
      return (nil, bag)
    }
    guard let substitutions else { return (root, bag) }
    return (substitutions.apply(to: root, source: source, &bag), bag)
  }
}
