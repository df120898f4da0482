import CallflowDiagnostics
import CallflowSyntax

/// Builds a tree from the reader's events: ``YAMLNode``s for tools that want every YAML
/// detail, or the front end's ``SyntaxValue``s directly.
protocol YAMLTreeBuilder: Sendable {
  associatedtype Node: Sendable
  /// The scalar of these UTF-8 bytes (libyaml's, valid UTF-8), written in `style`; its text
  /// made or looked up in `texts`.
  func scalar(_ bytes: UnsafeRawBufferPointer, style: YAMLScalarStyle, tag: String?, span: SourceSpan, texts: ScalarTexts) -> Node
  /// A sequence of `items`, moved out of them.
  func sequence(_ items: UnsafeMutableBufferPointer<Node>, tag: String?, span: SourceSpan) -> Node
  /// A mapping from its keys and values, alternating (an even count), keys unique, moved out
  /// of `items`.
  func mapping(_ items: UnsafeMutableBufferPointer<Node>, tag: String?, span: SourceSpan, _ bag: inout DiagnosticBag) -> Node
  /// The text of the scalar key at `node`, or `nil` for a key that is not a scalar: read
  /// where the key is, not from a copy of it.
  func keyText(at node: UnsafePointer<Node>) -> String?
  func span(_ node: borrowing Node) -> SourceSpan
}

/// Builds the located YAML tree, styles and tags kept.
struct YAMLNodeBuilder: YAMLTreeBuilder {
  func scalar(_ bytes: UnsafeRawBufferPointer, style: YAMLScalarStyle, tag: String?, span: SourceSpan, texts: ScalarTexts) -> YAMLNode {
    YAMLNode(.scalar(YAMLScalar(text: texts.text(bytes), style: style)), at: span, tag: tag)
  }

  func sequence(_ items: UnsafeMutableBufferPointer<YAMLNode>, tag: String?, span: SourceSpan) -> YAMLNode {
    YAMLNode(.sequence(Array(moving: items)), at: span, tag: tag)
  }

  func mapping(_ items: UnsafeMutableBufferPointer<YAMLNode>, tag: String?, span: SourceSpan, _ bag: inout DiagnosticBag) -> YAMLNode {
    var pairs: [YAMLPair] = []
    pairs.reserveCapacity(items.count / 2)
    var i = 0
    while i + 1 < items.count {
      pairs.append(YAMLPair(key: items.moveElement(from: i), value: items.moveElement(from: i + 1)))
      i += 2
    }
    return YAMLNode(.mapping(pairs), at: span, tag: tag)
  }

  func keyText(at node: UnsafePointer<YAMLNode>) -> String? {
    if case .scalar(let scalar) = node.pointee.content { return scalar.text }
    return nil
  }

  func span(_ node: borrowing YAMLNode) -> SourceSpan { node.span }
}

/// Builds the front end's ``SyntaxValue`` tree: plain scalars are bare, quoted, block and
/// `!!str` scalars are quoted, plain nulls are nothing; keys that are not scalars are
/// reported and left out.
struct SyntaxValueBuilder: YAMLTreeBuilder {
  static let stringTag = "tag:yaml.org,2002:str"

  func scalar(_ bytes: UnsafeRawBufferPointer, style: YAMLScalarStyle, tag: String?, span: SourceSpan, texts: ScalarTexts) -> SyntaxValue {
    // A null is told from its bytes, before any text is made of them.
    if tag == nil && style == .plain && YAMLScalar.isNull(bytes) { return SyntaxValue(.null, at: span) }
    let form: ScalarForm = style == .plain && tag != Self.stringTag ? .bare : .quoted
    return SyntaxValue(.scalar(texts.text(bytes), form), at: span)
  }

  func sequence(_ items: UnsafeMutableBufferPointer<SyntaxValue>, tag: String?, span: SourceSpan) -> SyntaxValue {
    SyntaxValue(.list(Array(moving: items)), at: span)
  }

  func mapping(_ items: UnsafeMutableBufferPointer<SyntaxValue>, tag: String?, span: SourceSpan, _ bag: inout DiagnosticBag) -> SyntaxValue {
    // Keys and values are moved out of `items` (no copy of any); the pairs whose key is not a
    // scalar are left out and reported, in order.
    var badKeys: [SourceSpan] = []
    // Reserved and appended to (``Array/init(moving:)`` says why).
    var fields: [SyntaxField] = []
    fields.reserveCapacity(items.count / 2)
    var i = 0
    while i + 1 < items.count {
      let key = items.moveElement(from: i)
      let value = items.moveElement(from: i + 1)
      i += 2
      switch key.kind {
      case .scalar(let text, _): fields.append(SyntaxField(name: Located(text, at: key.span), value: value))
      case .null: fields.append(SyntaxField(name: Located("", at: key.span), value: value))
      case .list, .record: badKeys.append(key.span)
      }
    }
    for key in badKeys { bag.report(.invalidValue, "a key must be a plain name, not a list or a mapping", at: key) }
    return SyntaxValue(.record(fields), at: span)
  }

  func keyText(at node: UnsafePointer<SyntaxValue>) -> String? {
    switch node.pointee.kind {
    case .scalar(let text, _): text
    case .null: ""
    default: nil
    }
  }

  func span(_ node: borrowing SyntaxValue) -> SourceSpan { node.span }
}
