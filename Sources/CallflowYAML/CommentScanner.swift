import CallflowDiagnostics
import CallflowSyntax

/// Finds the comments of a YAML file. libyaml does not report comments, so the scanner reads
/// the source itself: a `#` at the start of a line or after white space starts a comment,
/// unless it lies inside a scalar or key of the parsed document (whose spans are known).
enum CommentScanner {
  static func comments(in source: SourceFile, file: FileID, document: SyntaxValue?) -> [Comment] {
    guard source.bytes.contains(UInt8(ascii: "#")) else { return [] }
    var occupied: [Int: [(Int, Int)]] = [:]  // line -> column ranges [start, end)
    if let document { mark(document, in: &occupied) }
    var comments: [Comment] = []
    let text = String(decoding: source.bytes, as: UTF8.self)
    var line = 0
    for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" }) {
      line += 1
      guard rawLine.contains("#") else { continue }
      var column = 0
      var previous: Character = " "
      let ranges = occupied[line] ?? []
      for ch in rawLine {
        column += ch.unicodeScalars.count
        if ch == "#", previous == " " || previous == "\t" || column == 1,
          !ranges.contains(where: { column >= $0.0 && column < $0.1 })
        {
          let after = String(String.UnicodeScalarView(rawLine.unicodeScalars.dropFirst(column)))
          let commentText = after.hasSuffix("\r") ? String(after.dropLast()) : after
          let endColumn = column + commentText.unicodeScalars.count + 1
          comments.append(
            Comment(
              commentText,
              at: SourceSpan(
                file: file, start: SourceLocation(line: line, column: column),
                end: SourceLocation(line: line, column: endColumn))))
          break
        }
        previous = ch
      }
    }
    return comments
  }

  /// Records the columns every scalar and key covers, line by line.
  private static func mark(_ value: SyntaxValue, in occupied: inout [Int: [(Int, Int)]]) {
    switch value.kind {
    case .null: return
    case .scalar: cover(value.span, &occupied)
    case .list(let items): for item in items { mark(item, in: &occupied) }
    case .record(let fields):
      for field in fields {
        cover(field.name.span, &occupied)
        mark(field.value, in: &occupied)
      }
    }
  }

  private static func cover(_ span: SourceSpan, _ occupied: inout [Int: [(Int, Int)]]) {
    if span.start.line == span.end.line {
      occupied[span.start.line, default: []].append((span.start.column, span.end.column))
      return
    }
    occupied[span.start.line, default: []].append((span.start.column, Int.max))
    if span.start.line + 1 <= span.end.line - 1 {
      for line in (span.start.line + 1)...(span.end.line - 1) { occupied[line, default: []].append((1, Int.max)) }
    }
    occupied[span.end.line, default: []].append((1, span.end.column))
  }
}
