/// An attribute reference such as `$.StoredCustomerInput` or `$.Attributes.tier`.
public struct AttributePath: Hashable, Sendable, CustomStringConvertible {
  /// The segments after `$.`: `["Attributes", "tier"]`.
  public var segments: [String]

  public init(segments: [String]) { self.segments = segments }

  public var description: String { "$." + segments.joined(separator: ".") }

  /// Whether `text` is written as an attribute reference (starts with `$.`).
  public static func looksLikeAttribute(_ text: String) -> Bool { text.hasPrefix("$.") || text == "$" }

  /// The path `text` denotes, checked against ``AttributeCatalog``, or why it is not one.
  public static func parse(_ text: String) -> Result<AttributePath, ValueError> {
    guard text.hasPrefix("$.") else {
      return .failure(ValueError("an attribute reference starts with `$.`, as in `$.StoredCustomerInput`"))
    }
    let segments = text.dropFirst(2).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    for segment in segments {
      guard let first = segment.unicodeScalars.first,
        first.properties.isAlphabetic || first == "_",
        segment.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" })
      else {
        return .failure(ValueError("`\(segment)` is not a valid attribute name in `\(text)`"))
      }
    }
    let path = AttributePath(segments: segments)
    if let problem = AttributeCatalog.problem(with: path) { return .failure(problem) }
    return .success(path)
  }
}
