#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import CallflowDiagnostics
import CallflowSyntax

/// Finds the comments of a YAML file. libyaml does not report comments, so the scanner reads
/// the source itself: a `#` at the start of a line or after white space starts a comment,
/// unless it lies inside a scalar or key of the parsed document (whose spans are known).
/// Only the lines that hold a `#` are looked at closely, and lines are counted only up to the
/// last `#`: a file without comments costs one search of its bytes for `#`.
enum CommentScanner {
  static func comments(in source: SourceFile, file: FileID, document: SyntaxValue?) -> [Comment] {
    let bytes = source.bytes
    let hashLines = linesWithHash(bytes)
    guard !hashLines.isEmpty else { return [] }

    var occupied: [Int: [(Int, Int)]] = [:]  // line -> columns [start, end) of scalars and keys
    if let document { mark(document, lines: hashLines, sorted: hashLines.keys.sorted(), in: &occupied) }

    var comments: [Comment] = []
    for (line, range) in hashLines.sorted(by: { $0.key < $1.key }) {
      var end = range.upperBound
      if end > range.lowerBound, bytes[end - 1] == 0x0D { end -= 1 }
      let scalars = Array(String(decoding: bytes[range.lowerBound..<end], as: UTF8.self).unicodeScalars)
      let ranges = occupied[line] ?? []
      for (i, scalar) in scalars.enumerated() where scalar == "#" {
        let column = i + 1
        guard i == 0 || scalars[i - 1] == " " || scalars[i - 1] == "\t" else { continue }
        guard !ranges.contains(where: { column >= $0.0 && column < $0.1 }) else { continue }
        // libyaml also ends a line at a lone carriage return, NEL, LS and PS: what follows
        // one is not comment.
        let rest = scalars[(i + 1)...]
        let stop = rest.firstIndex { $0 == "\r" || $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" } ?? rest.endIndex
        var text = String.UnicodeScalarView()
        text.append(contentsOf: rest[..<stop])
        comments.append(
          Comment(
            String(text),
            at: SourceSpan(
              file: file, start: SourceLocation(line: line, column: column),
              end: SourceLocation(line: line, column: stop + 1))))
        break
      }
    }
    return comments
  }

  /// The lines holding a `#`, as byte ranges without their line break. The bytes are
  /// searched for `#` (most files have a comment or two, or none); lines are counted only up
  /// to the last one.
  static func linesWithHash(_ bytes: [UInt8]) -> [Int: Range<Int>] {
    var lines: [Int: Range<Int>] = [:]
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let count = buffer.count
      var line = 1
      var lineStart = 0
      var counted = 0
      var from = 0
      while from < count, let hit = memchr(base + from, Int32(UInt8(ascii: "#")), count - from) {
        let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        for i in counted..<at where buffer[i] == 0x0A {
          line += 1
          lineStart = i + 1
        }
        counted = at
        let end = memchr(base + at, 0x0A, count - at).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
        lines[line] = lineStart..<end
        from = end
      }
    }
    return lines
  }

  /// Records the columns that scalars and keys cover, on the lines that hold a `#`. A
  /// collection's span covers its children, so subtrees that touch none of those lines are
  /// skipped whole.
  private static func mark(
    _ value: SyntaxValue, lines: [Int: Range<Int>], sorted: [Int], in occupied: inout [Int: [(Int, Int)]]
  ) {
    guard touches(value.span, sorted) else { return }
    switch value.kind {
    case .null: return
    case .scalar: cover(value.span, lines, &occupied)
    case .list(let items): for item in items { mark(item, lines: lines, sorted: sorted, in: &occupied) }
    case .record(let fields):
      for field in fields {
        if touches(field.name.span, sorted) { cover(field.name.span, lines, &occupied) }
        mark(field.value, lines: lines, sorted: sorted, in: &occupied)
      }
    }
  }

  /// Whether a line of `sorted` lies within the span's lines.
  private static func touches(_ span: SourceSpan, _ sorted: [Int]) -> Bool {
    var low = 0
    var high = sorted.count
    while low < high {
      let mid = (low + high) / 2
      if sorted[mid] < span.start.line { low = mid + 1 } else { high = mid }
    }
    return low < sorted.count && sorted[low] <= span.end.line
  }

  private static func cover(_ span: SourceSpan, _ lines: [Int: Range<Int>], _ occupied: inout [Int: [(Int, Int)]]) {
    let first = span.start.line
    let last = span.end.line
    if first == last {
      if lines[first] != nil { occupied[first, default: []].append((span.start.column, span.end.column)) }
      return
    }
    if lines[first] != nil { occupied[first, default: []].append((span.start.column, Int.max)) }
    if last - first > 1 {
      for line in lines.keys where line > first && line < last { occupied[line, default: []].append((1, Int.max)) }
    }
    if lines[last] != nil { occupied[last, default: []].append((1, span.end.column)) }
  }
}
