/// Duration syntax: one or more `<integer><unit>` parts with units `d`, `h`, `m`, `s` in that
/// order, each at most once: `99s`, `10m`, `2h`, `7d`, `1m30s`.
public enum DurationSyntax {
  /// The number of seconds `text` denotes, or why it is not a duration.
  public static func parse(_ text: String) -> Result<Int, ValueError> {
    let units: [(Character, Int)] = [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)]
    var total = 0
    var nextUnit = 0
    var digits = ""
    guard !text.isEmpty else { return .failure(ValueError("an empty duration")) }
    for ch in text {
      if ch.isASCII, ch.isNumber {
        digits.append(ch)
        continue
      }
      guard let unitIndex = units.firstIndex(where: { $0.0 == ch }) else {
        return .failure(ValueError("`\(ch)` is not a duration unit (use `d`, `h`, `m` or `s`)"))
      }
      guard !digits.isEmpty else {
        return .failure(ValueError("`\(ch)` must follow a number"))
      }
      guard unitIndex >= nextUnit else {
        return .failure(ValueError("units must go from largest to smallest, each once (`1m30s`)"))
      }
      guard let n = Int(digits), n <= 1_000_000_000 else {
        return .failure(ValueError("the number \(digits) is too large"))
      }
      total += n * units[unitIndex].1
      nextUnit = unitIndex + 1
      digits = ""
    }
    guard digits.isEmpty else {
      return .failure(ValueError("`\(digits)` has no unit (write `\(digits)s` for seconds)"))
    }
    return .success(total)
  }

  /// The canonical text of a number of seconds: `90` gives `1m30s`, `0` gives `0s`.
  public static func format(_ seconds: Int) -> String {
    if seconds == 0 { return "0s" }
    var rest = seconds
    var out = seconds < 0 ? "-" : ""
    rest = abs(rest)
    for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] where rest >= size {
      out += "\(rest / size)\(unit)"
      rest %= size
    }
    return out
  }

  /// Reads a duration in words for messages: `90` gives "1 minute 30 seconds".
  public static func words(_ seconds: Int) -> String {
    if seconds == 0 { return "0 seconds" }
    var parts: [String] = []
    var rest = seconds
    for (unit, size) in [("day", 86_400), ("hour", 3_600), ("minute", 60), ("second", 1)] where rest >= size {
      let n = rest / size
      parts.append("\(n) \(unit)\(n == 1 ? "" : "s")")
      rest %= size
    }
    return parts.joined(separator: " ")
  }
}

/// Why a scalar is not a value of the expected type, in the user's words.
public struct ValueError: Error, Hashable, Sendable {
  public var message: String
  public init(_ message: String) { self.message = message }
}
