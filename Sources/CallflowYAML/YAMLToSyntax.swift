import CallflowDiagnostics
import CallflowSyntax

extension YAMLNode {
  /// The node as a front-end-neutral ``SyntaxValue``. Keys that are not scalars are reported
  /// as `invalid-value` and left out.
  public func syntaxValue(_ bag: inout DiagnosticBag) -> SyntaxValue {
    switch content {
    case .scalar(let scalar):
      if scalar.isNull && tag == nil { return SyntaxValue(.null, at: span) }
      let explicitString = tag == "tag:yaml.org,2002:str"
      let form: ScalarForm = scalar.style == .plain && !explicitString ? .bare : .quoted
      return SyntaxValue(.scalar(scalar.text, form), at: span)
    case .sequence(let items):
      return SyntaxValue(.list(items.map { $0.syntaxValue(&bag) }), at: span)
    case .mapping(let pairs):
      var fields: [SyntaxField] = []
      fields.reserveCapacity(pairs.count)
      for pair in pairs {
        guard case .scalar(let key) = pair.key.content else {
          bag.report(.invalidValue, "a key must be a plain name, not a list or a mapping", at: pair.key.span)
          continue
        }
        fields.append(SyntaxField(name: Located(key.text, at: pair.key.span), value: pair.value.syntaxValue(&bag)))
      }
      return SyntaxValue(.record(fields), at: span)
    }
  }
}
