import CallflowDiagnostics
import CallflowSyntax

extension DiagnosticBag {
  /// The scalar of `field`, or a report that it should be one.
  public mutating func scalarName(_ field: SyntaxField, what: String) -> Located<String>? {
    switch field.value.kind {
    case .scalar(let text, _): return Located(text, at: field.value.span)
    case .null:
      report(.invalidValue, "`\(field.name.value)` needs a value: \(what)", at: field.name.span)
    default:
      report(.invalidValue, "`\(field.name.value)` should be \(what), not \(field.value.kindDescription)", at: field.value.span)
    }
    return nil
  }

  public mutating func reportUnknownKey(_ key: Located<String>, expected: [String], in place: String, extraNote: String? = nil) {
    let fixes = FixIt.didYouMean(key, among: expected)
    let notes = fixes.isEmpty ? [Note(extraNote ?? "expected one of \(Suggestions.list(expected, conjunction: "or"))")] : []
    report(.unknownParameter, "unknown key `\(key.value)` in \(place)", at: key.span, notes: notes, fixes: fixes)
  }
}
