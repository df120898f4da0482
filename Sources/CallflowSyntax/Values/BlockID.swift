/// Block ids: lowercase Latin letters, digits and `-` (`ask-number`).
public enum BlockIDSyntax {
  /// Whether `text` is a valid block id.
  public static func isValid(_ text: String) -> Bool {
    !text.isEmpty && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }
}
