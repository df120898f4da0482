import CallflowDiagnostics

/// How a client counts characters in a line (`positionEncoding`): UTF-16 code units unless
/// both sides agree on another. Callflow's columns count Unicode scalars, which is UTF-32.
public enum PositionEncoding: String, Sendable {
  case utf8 = "utf-8"
  case utf16 = "utf-16"
  case utf32 = "utf-32"

  /// The encoding to use with a client that offers `offered` (in its order of preference):
  /// UTF-32 where offered (no conversion), else UTF-16, which every client supports.
  public static func negotiate(_ offered: [String]) -> PositionEncoding {
    offered.contains(Self.utf32.rawValue) ? .utf32 : .utf16
  }

  func width(_ scalar: Unicode.Scalar) -> Int {
    switch self {
    case .utf8: UTF8.width(scalar)
    case .utf16: UTF16.width(scalar)
    case .utf32: 1
    }
  }
}

/// A document's lines, found once: converts between Callflow's locations (lines and columns
/// from 1, columns in Unicode scalars) and the protocol's positions (from 0, in the
/// negotiated encoding).
public struct TextPositions: Sendable {
  public let text: [UInt8]
  /// The byte offset where each line starts.
  private var lineStarts: [Int] = [0]

  public init(_ text: [UInt8]) {
    self.text = text
    var i = 0
    while i < text.count {
      if text[i] == 10 {
        lineStarts.append(i + 1)
      } else if text[i] == 13 {
        if i + 1 < text.count, text[i + 1] == 10 { i += 1 }
        lineStarts.append(i + 1)
      }
      i += 1
    }
  }

  public var lineCount: Int { lineStarts.count }

  /// The bytes of line `index` (from 0), without its line break.
  func line(_ index: Int) -> ArraySlice<UInt8> {
    guard index >= 0, index < lineStarts.count else { return [] }
    var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : text.count
    while end > lineStarts[index], text[end - 1] == 10 || text[end - 1] == 13 { end -= 1 }
    return text[lineStarts[index]..<end]
  }

  /// The protocol position of `location`; a column past the line's end is its end.
  public func position(_ location: SourceLocation, _ encoding: PositionEncoding) -> (line: Int, character: Int) {
    let index = max(0, location.line - 1)
    var character = 0
    var column = 1
    for scalar in String(decoding: line(index), as: UTF8.self).unicodeScalars {
      guard column < location.column else { break }
      character += encoding.width(scalar)
      column += 1
    }
    return (index, character)
  }

  /// The location of a protocol position; a line or character out of range is clamped to
  /// the document's last line or the line's end.
  public func location(line: Int, character: Int, _ encoding: PositionEncoding) -> SourceLocation {
    let index = min(max(0, line), lineCount - 1)
    var units = 0
    var column = 1
    for scalar in String(decoding: self.line(index), as: UTF8.self).unicodeScalars {
      let width = encoding.width(scalar)
      guard units + width <= character else { break }
      units += width
      column += 1
    }
    return SourceLocation(line: index + 1, column: column)
  }

  /// The protocol range of `span`, as a JSON object.
  public func range(_ span: SourceSpan, _ encoding: PositionEncoding) -> LSPAny {
    let from = position(span.start, encoding)
    let to = position(span.end, encoding)
    return ["start": ["line": .int(from.line), "character": .int(from.character)], "end": ["line": .int(to.line), "character": .int(to.character)]]
  }
}
