/// An attribute reference such as `$.StoredCustomerInput` or `$.Attributes.tier`.
public struct AttributePath: Hashable, Sendable, CustomStringConvertible {
  /// The segments after `$.`: `["Attributes", "tier"]`.
  public var segments: [String]

  public init(segments: [String]) { self.segments = segments }

  public var description: String { "$." + segments.joined(separator: ".") }

  /// Whether `segment` is a name: a letter or `_`, then letters, digits, `_` and `-`.
  private static func isName(_ segment: String) -> Bool {
    var first = true
    for scalar in segment.unicodeScalars {
      let v = scalar.value
      let letter = (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F || (v >= 0x80 && scalar.properties.isAlphabetic)
      if first {
        guard letter else { return false }
        first = false
      } else if !(letter || (v >= 0x30 && v <= 0x39) || v == 0x2D) {
        return false
      }
    }
    return !first
  }

  /// Whether `text` is written as an attribute reference (starts with `$.`).
  public static func looksLikeAttribute(_ text: String) -> Bool { text.hasPrefix("$.") || text == "$" }

  /// The path `text` denotes, checked against ``AttributeCatalog``, or why it is not one.
  public static func parse(_ text: String) -> Result<AttributePath, ValueError> {
    guard text.hasPrefix("$.") else {
      return .failure(ValueError("an attribute reference starts with `$.`, as in `$.StoredCustomerInput`"))
    }
    var segments: [String] = []
    segments.reserveCapacity(2)
    let utf8 = text.utf8
    var start = utf8.index(utf8.startIndex, offsetBy: 2)
    while true {
      let end = utf8[start...].firstIndex(of: UInt8(ascii: ".")) ?? utf8.endIndex
      let name = String(text[start..<end])
      guard isName(name) else {
        return .failure(ValueError("`\(name)` is not a valid attribute name in `\(text)`"))
      }
      segments.append(name)
      guard end < utf8.endIndex else { break }
      start = utf8.index(after: end)
    }
    let path = AttributePath(segments: segments)
    if let problem = AttributeCatalog.problem(with: path) { return .failure(problem) }
    return .success(path)
  }
}
