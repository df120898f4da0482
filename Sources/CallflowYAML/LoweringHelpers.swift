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

extension SyntaxValue {
  /// The record's fields, moved out of the value, which is left nothing (`.null`); `nil`, and
  /// the value unchanged, when it is not a record. Taken out, the fields are this caller's
  /// alone, so that each can be moved on rather than copied.
  mutating func takeFields() -> [SyntaxField]? {
    guard case .record(let fields) = kind else { return nil }
    kind = .null
    return fields
  }
}

extension Array where Element == SyntaxField {
  /// The field at `index`, moved out of the array: an empty field (no name, nothing) is left
  /// in its place, so that what the field holds is handed on without a copy.
  mutating func take(_ index: Int) -> SyntaxField {
    withUnsafeMutableBufferPointer { fields in
      let place = fields.baseAddress.unsafelyUnwrapped + index
      let span = place.pointee.name.span
      let field = place.move()
      place.initialize(to: SyntaxField(name: Located("", at: span), value: SyntaxValue(.null, at: span)))
      return field
    }
  }
}
