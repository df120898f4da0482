/// Duration syntax: one or more `<integer><unit>` parts with units `d`, `h`, `m`, `s` in that
/// order, each at most once: `99s`, `10m`, `2h`, `7d`, `1m30s`.
public enum DurationSyntax {
  /// The number of seconds `text` denotes, or why it is not a duration.
  /// `5 minutes`, `90 sec`, `2 hours` written the short way (`5m`), or `nil`.
  static func spelledOut(_ text: String) -> String? {
    let digits = text.prefix { $0.isASCII && $0.isNumber }
    let word = text.dropFirst(digits.count).drop { $0 == " " }.lowercased()
    guard !digits.isEmpty, !word.isEmpty, word.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
    let words: [(unit: String, names: [String])] = [
      ("d", ["day", "days"]), ("h", ["hour", "hours", "hr", "hrs"]),
      ("m", ["minute", "minutes", "min", "mins"]), ("s", ["second", "seconds", "sec", "secs"]),
    ]
    return words.first { $0.names.contains(word) }.map { "\(digits)\($0.unit)" }
  }

  public static func parse(_ text: String) -> Result<Int, ValueError> {
    guard !text.isEmpty else { return .failure(ValueError("an empty duration")) }
    let bytes = Array(text.utf8)
    var total = 0
    var nextUnit = 0
    var digitsStart = 0
    var i = 0
    while i < bytes.count {
      let byte = bytes[i]
      if byte >= 0x30, byte <= 0x39 {
        i += 1
        continue
      }
      let digits = bytes[digitsStart..<i]
      guard let unitIndex = units.firstIndex(where: { $0.letter == byte }) else {
        if let short = spelledOut(text) {
          return .failure(ValueError("write `\(short)`: durations are numbers with the units `d`, `h`, `m` and `s`, no spaces"))
        }
        // Every byte before this one is ASCII, so this byte starts the offending character.
        let shown = String(decoding: bytes[i...], as: UTF8.self).unicodeScalars.first
        return .failure(ValueError("`\(shown.map(String.init) ?? "?")` is not a duration unit (use `d`, `h`, `m` or `s`)"))
      }
      guard !digits.isEmpty else {
        return .failure(ValueError("`\(Character(Unicode.Scalar(byte)))` must follow a number"))
      }
      guard unitIndex >= nextUnit else {
        return .failure(ValueError("units must go from largest to smallest, each once (`1m30s`)"))
      }
      let digitText = String(decoding: digits, as: UTF8.self)
      guard digits.count <= 10, let n = Int(digitText), n <= 1_000_000_000 else {
        return .failure(ValueError("the number \(digitText) is too large"))
      }
      total += n * units[unitIndex].seconds
      nextUnit = unitIndex + 1
      i += 1
      digitsStart = i
    }
    guard digitsStart == bytes.count else {
      let rest = String(decoding: bytes[digitsStart...], as: UTF8.self)
      return .failure(ValueError("`\(rest)` has no unit (write `\(rest)s` for seconds)"))
    }
    return .success(total)
  }

  private static let units: [(letter: UInt8, seconds: Int)] = [
    (UInt8(ascii: "d"), 86_400), (UInt8(ascii: "h"), 3_600), (UInt8(ascii: "m"), 60), (UInt8(ascii: "s"), 1),
  ]

  /// The canonical text of a number of seconds: `90` gives `1m30s`, `0` gives `0s`.
  public static func format(_ seconds: Int) -> String {
    if seconds == 0 { return "0s" }
    var rest = seconds.magnitude
    var out = seconds < 0 ? "-" : ""
    for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] as [(String, UInt)] where rest >= size {
      out += "\(rest / size)\(unit)"
      rest %= size
    }
    return out
  }
}

/// Why a scalar is not a value of the expected type, in the user's words.
public struct ValueError: Error, Hashable, Sendable {
  public var message: String
  public init(_ message: String) { self.message = message }
}
