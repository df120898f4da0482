/// An attribute reference such as `$.StoredCustomerInput` or `$.Attributes.tier`.
public struct AttributePath: Hashable, Sendable, CustomStringConvertible {
  /// The segments after `$.`: `["Attributes", "tier"]`.
  public var segments: [String] {
    didSet { description = Self.text(of: segments) }
  }

  /// The path as written, `$.Attributes.tier`: kept, as the rules key their facts by it.
  public private(set) var description: String

  public init(segments: [String]) {
    self.segments = segments
    self.description = Self.text(of: segments)
  }

  private init(segments: [String], text: String) {
    self.segments = segments
    self.description = text
  }

  private static func text(of segments: [String]) -> String { "$." + segments.joined(separator: ".") }

  public static func == (a: AttributePath, b: AttributePath) -> Bool { a.segments == b.segments }
  public func hash(into hasher: inout Hasher) { hasher.combine(segments) }

  /// Whether `segment` (its UTF-8 bytes) is a name: a letter or `_`, then letters, digits, `_`
  /// and `-`. Names are nearly always ASCII, read byte by byte; another letter is judged by
  /// its Unicode properties.
  private static func isName(_ segment: UnsafeBufferPointer<UInt8>) -> Bool {
    guard segment.allSatisfy({ $0 < 0x80 }) else {
      return isName(String(decoding: segment, as: UTF8.self).unicodeScalars.lazy.map(\.value))
    }
    return isName(segment.lazy.map(UInt32.init))
  }

  /// Whether the code points `values` make a name.
  private static func isName(_ values: some Sequence<UInt32>) -> Bool {
    var first = true
    for v in values {
      let letter =
        (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F
        || (v >= 0x80 && Unicode.Scalar(v)?.properties.isAlphabetic == true)
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
    var text = text
    // The segments split at each `.` of the bytes after `$.`, each judged in place.
    let split = text.withUTF8 { bytes -> Result<[String], ValueError> in
      var segments: [String] = []
      segments.reserveCapacity(2)
      var start = 2
      while true {
        var end = start
        while end < bytes.count && bytes[end] != UInt8(ascii: ".") { end += 1 }
        let segment = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard isName(segment) else {
          let name = String(decoding: segment, as: UTF8.self)
          return .failure(ValueError("`\(name)` is not a valid attribute name in `\(String(decoding: bytes, as: UTF8.self))`"))
        }
        segments.append(String(decoding: segment, as: UTF8.self))
        guard end < bytes.count else { break }
        start = end + 1
      }
      return .success(segments)
    }
    switch split {
    case .failure(let problem):
      return .failure(problem)
    case .success(let segments):
      let path = AttributePath(segments: segments, text: text)
      if let problem = AttributeCatalog.problem(with: path) { return .failure(problem) }
      return .success(path)
    }
  }
}
