import CallflowDiagnostics
import CallflowSyntax

/// Builds a tree from the reader's events: ``YAMLNode``s for tools that want every YAML
/// detail, or the front end's ``SyntaxValue``s directly.
protocol YAMLTreeBuilder: Sendable {
  associatedtype Node: Sendable
  func scalar(_ scalar: YAMLScalar, tag: String?, span: SourceSpan) -> Node
  func sequence(_ items: consuming [Node], tag: String?, span: SourceSpan) -> Node
  /// A mapping from its keys and values, alternating, keys unique.
  func mapping(_ items: consuming [Node], tag: String?, span: SourceSpan, _ bag: inout DiagnosticBag) -> Node
  /// The text of a scalar key, or `nil` for a key that is not a scalar.
  func keyText(_ node: Node) -> String?
  func span(_ node: Node) -> SourceSpan
}

/// Builds the located YAML tree, styles and tags kept.
struct YAMLNodeBuilder: YAMLTreeBuilder {
  func scalar(_ scalar: YAMLScalar, tag: String?, span: SourceSpan) -> YAMLNode {
    YAMLNode(.scalar(scalar), at: span, tag: tag)
  }

  func sequence(_ items: consuming [YAMLNode], tag: String?, span: SourceSpan) -> YAMLNode {
    YAMLNode(.sequence(items), at: span, tag: tag)
  }

  func mapping(_ items: consuming [YAMLNode], tag: String?, span: SourceSpan, _ bag: inout DiagnosticBag) -> YAMLNode {
    var pairs: [YAMLPair] = []
    pairs.reserveCapacity(items.count / 2)
    var i = 0
    while i + 1 < items.count {
      pairs.append(YAMLPair(key: items[i], value: items[i + 1]))
      i += 2
    }
    return YAMLNode(.mapping(pairs), at: span, tag: tag)
  }

  func keyText(_ node: YAMLNode) -> String? {
    if case .scalar(let scalar) = node.content { return scalar.text }
    return nil
  }

  func span(_ node: YAMLNode) -> SourceSpan { node.span }
}

/// Builds the front end's ``SyntaxValue`` tree: plain scalars are bare, quoted, block and
/// `!!str` scalars are quoted, plain nulls are nothing; keys that are not scalars are
/// reported and left out.
struct SyntaxValueBuilder: YAMLTreeBuilder {
  static let stringTag = "tag:yaml.org,2002:str"

  func scalar(_ scalar: YAMLScalar, tag: String?, span: SourceSpan) -> SyntaxValue {
    if tag == nil && scalar.isNull { return SyntaxValue(.null, at: span) }
    let form: ScalarForm = scalar.style == .plain && tag != Self.stringTag ? .bare : .quoted
    return SyntaxValue(.scalar(scalar.text, form), at: span)
  }

  func sequence(_ items: consuming [SyntaxValue], tag: String?, span: SourceSpan) -> SyntaxValue {
    SyntaxValue(.list(items), at: span)
  }

  func mapping(_ items: consuming [SyntaxValue], tag: String?, span: SourceSpan, _ bag: inout DiagnosticBag) -> SyntaxValue {
    // Keys and values are moved out of `items` from the end (no copy of any), then the fields
    // put back in order; keys that are not scalars are reported in order.
    if items.count % 2 == 1 { items.removeLast() }
    var fields: [SyntaxField] = []
    fields.reserveCapacity(items.count / 2)
    var badKeys: [SourceSpan] = []
    while let value = items.popLast(), let key = items.popLast() {
      if case .scalar(let text, _) = key.kind {
        fields.append(SyntaxField(name: Located(text, at: key.span), value: value))
      } else if case .null = key.kind {
        fields.append(SyntaxField(name: Located("", at: key.span), value: value))
      } else {
        badKeys.append(key.span)
      }
    }
    fields.reverse()
    for key in badKeys.reversed() { bag.report(.invalidValue, "a key must be a plain name, not a list or a mapping", at: key) }
    return SyntaxValue(.record(fields), at: span)
  }

  func keyText(_ node: SyntaxValue) -> String? {
    switch node.kind {
    case .scalar(let text, _): text
    case .null: ""
    default: nil
    }
  }

  func span(_ node: SyntaxValue) -> SourceSpan { node.span }
}
