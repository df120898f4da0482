/// E.164 phone number literals: `+`, a country code starting 1-9, at most 15 digits in all.
public enum PhoneNumberSyntax {
  /// Whether `text` looks like an attempt at a phone number literal (starts with `+`).
  public static func looksLikePhoneNumber(_ text: String) -> Bool { text.hasPrefix("+") }

  /// `text` if it is an E.164 number, or why not.
  public static func parseE164(_ text: String) -> Result<String, ValueError> {
    // Read as bytes: every character of a valid number is ASCII, and a simulation checks one
    // for each caller who types theirs.
    var text = text
    let problem: String? = text.withUTF8 { bytes in
      guard bytes.first == UInt8(ascii: "+") else { return "an E.164 number starts with `+` and the country code" }
      let digits = UnsafeBufferPointer(rebasing: bytes.dropFirst())
      guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
        return "an E.164 number has only digits after the `+`, no spaces or dashes"
      }
      guard digits.first != UInt8(ascii: "0") else { return "a country code never starts with 0" }
      guard digits.count >= 2 else { return "an E.164 number needs more than one digit" }
      guard digits.count <= 15 else { return "an E.164 number has at most 15 digits; this one has \(digits.count)" }
      return nil
    }
    if let problem { return .failure(ValueError(problem)) }
    return .success(text)
  }
}
