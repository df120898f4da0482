import CallflowDiagnostics
import CallflowDriver
import CallflowSyntax
import CallflowYAML
import Foundation

/// One document read with its front end, for the requests that look at its structure.
struct DocumentModel {
  let positions: TextPositions
  var flow: FlowSyntax?
  var center: Center?

  init(_ document: Document) {
    positions = TextPositions(document.text)
    let source = SourceFile(path: document.path ?? document.uri, bytes: document.text)
    switch document.kind {
    case .yamlFlow: flow = SourceForm.yaml.parse(source, file: FileID(0)).flow
    case .dslFlow: flow = SourceForm.dsl.parse(source, file: FileID(0)).flow
    case .center: center = YAMLFrontend(substitutions: nil).parseCenter(source, file: FileID(0)).center
    case .config, .scenario, .model, .connect, .other: break
    }
  }

  /// Whether `span` holds `location`.
  static func contains(_ span: SourceSpan, _ location: SourceLocation) -> Bool {
    span.start <= location && location < span.end || (span.start == span.end && span.start == location)
  }

  /// What is at `location` in a flow: a reference to a block (`next`, a branch's target,
  /// `start`, `on-error`, a condition's `goto`), a block's kind, a parameter's key, a value
  /// of a block's parameters (with its key), or a block's id.
  enum Target {
    case blockReference(String, SourceSpan)
    case kind(BlockKind, SourceSpan)
    /// A parameter's key: its path from the block's parameters (`callback`, `working-queue`).
    case parameter(BlockKind, path: [String], SourceSpan)
    /// A value, with the path of the parameter that holds it.
    case value(BlockKind, path: [String], text: String, SourceSpan)
    case blockID(BlockSyntax)
  }

  func target(at location: SourceLocation) -> Target? {
    guard let flow else { return nil }
    for reference in [flow.start, flow.onError].compactMap({ $0 }) where Self.contains(reference.span, location) {
      return .blockReference(reference.value, reference.span)
    }
    for block in flow.blocks where Self.contains(block.span, location) || Self.contains(block.id.span, location) {
      if Self.contains(block.id.span, location) { return .blockID(block) }
      if let next = block.next, Self.contains(next.span, location) { return .blockReference(next.value, next.span) }
      for branch in block.branches where Self.contains(branch.target.span, location) {
        return .blockReference(branch.target.value, branch.target.span)
      }
      guard let kind = BlockKind(rawValue: block.kind.value) else { return nil }
      if Self.contains(block.kind.span, location) { return .kind(kind, block.kind.span) }
      let main = kind.spec.mainParameter.map { [$0.name] } ?? []
      return Self.inBody(block.body, kind: kind, path: [], main: main, location)
    }
    return nil
  }

  /// The parameter key or value at `location` in a block's body; `path` leads to `value`,
  /// `main` is the path a bare value (the short form) stands for.
  private static func inBody(_ value: SyntaxValue, kind: BlockKind, path: [String], main: [String], _ location: SourceLocation) -> Target? {
    guard contains(value.span, location) else { return nil }
    switch value.kind {
    case .record(let fields):
      for field in fields {
        if contains(field.name.span, location) { return .parameter(kind, path: path + [field.name.value], field.name.span) }
        if let found = inBody(field.value, kind: kind, path: path + [field.name.value], main: [], location) { return found }
      }
      return nil
    case .list(let items):
      for item in items { if let found = inBody(item, kind: kind, path: path.isEmpty ? main : path, main: [], location) { return found } }
      return nil
    default:
      guard let text = value.scalarText else { return nil }
      let at = path.isEmpty ? main : path
      if at.last == "goto" { return .blockReference(text, value.span) }
      return at.isEmpty ? nil : .value(kind, path: at, text: text, value.span)
    }
  }

  /// The block `id` of the flow.
  func block(_ id: String) -> BlockSyntax? { flow?.blocks.first { $0.id.value == id } }
}

extension DocumentModel {
  /// Where block `id` is named as a target in the flow: `start`, `on-error`, each `next`,
  /// branch and condition `goto`.
  func uses(ofBlock id: String) -> [SourceSpan] {
    guard let flow else { return [] }
    var spans: [SourceSpan] = []
    for reference in [flow.start, flow.onError].compactMap({ $0 }) where reference.value == id { spans.append(reference.span) }
    func gotos(_ value: SyntaxValue) {
      switch value.kind {
      case .record(let fields):
        for field in fields {
          if field.name.value == "goto", field.value.scalarText == id { spans.append(field.value.span) } else { gotos(field.value) }
        }
      case .list(let items): items.forEach(gotos)
      default: break
      }
    }
    for block in flow.blocks {
      if let next = block.next, next.value == id { spans.append(next.span) }
      for branch in block.branches where branch.target.value == id { spans.append(branch.target.span) }
      gotos(block.body)
    }
    return spans.sorted { $0.start < $1.start }
  }
}
