/// Renders diagnostics as a compiler does: the `file:line:col: severity: message [rule]`
/// line, the source line with a caret and tildes under the span, help lines, then notes
/// with their own source lines.
public struct TextRenderer: Sendable {
  public var colors: Bool

  public init(colors: Bool) { self.colors = colors }

  /// The text of all `diagnostics`, in the order given, each followed by a blank line.
  public func render(_ diagnostics: [Diagnostic], sources: SourceMap) -> String {
    var out = ""
    var cache = LineCache(sources: sources)
    for diagnostic in diagnostics {
      render(diagnostic, into: &out, cache: &cache)
      out += "\n"
    }
    return out
  }

  private func render(_ d: Diagnostic, into out: inout String, cache: inout LineCache) {
    let spans = [d.span] + d.notes.compactMap(\.span)
    let gutter = String(spans.map { $0.end.line }.max() ?? 1).count

    out += header(d.span, cache.sources, severityWord: d.severity.rawValue, color: color(of: d.severity))
    out += style(Escaping.visible(d.message), bold) + " " + style("[\(d.rule)]", dim) + "\n"
    snippet(d.span, label: d.label, underline: color(of: d.severity), gutter: gutter, into: &out, cache: &cache)
    for fix in d.fixes {
      out += pad(gutter) + " " + style("= help:", cyan) + " " + Escaping.visible(fix.message) + "\n"
    }
    for note in d.notes where note.span == nil {
      out += pad(gutter) + " " + style("= note:", cyan) + " " + Escaping.visible(note.message) + "\n"
    }
    for note in d.notes {
      guard let span = note.span else { continue }
      out += header(span, cache.sources, severityWord: "note", color: green)
      out += Escaping.visible(note.message) + "\n"
      snippet(span, label: nil, underline: green, gutter: gutter, into: &out, cache: &cache)
    }
  }

  private func header(_ span: SourceSpan, _ sources: SourceMap, severityWord: String, color: String) -> String {
    style("\(Escaping.visible(sources.path(span.file))):\(span.start.line):\(span.start.column):", bold) + " "
      + style(severityWord + ":", bold + color) + " "
  }

  private func snippet(
    _ span: SourceSpan, label: String?, underline: String, gutter: Int,
    into out: inout String, cache: inout LineCache
  ) {
    guard let fullLine = cache.line(span.start.line, of: span.file) else { return }
    let all = Array(fullLine.unicodeScalars)
    var startIndex = min(max(span.start.column - 1, 0), all.count)
    var width: Int
    if span.end.line == span.start.line {
      width = max(1, span.end.column - span.start.column)
    } else {
      width = max(1, all.count - startIndex)
    }
    // A long line (a minified JSON export) is shown around the span, cut with `…`.
    var scalars = all[...]
    var cutAtEnd = false
    if all.count > Self.longLine {
      let from = max(0, startIndex - Self.before)
      let to = min(all.count, max(startIndex + min(width, Self.longLine / 2) + Self.before, from + Self.longLine))
      scalars = all[from..<to]
      cutAtEnd = to < all.count
      width = max(1, min(width, to - startIndex))
      startIndex = startIndex - from
      if from > 0 {
        scalars = ["…"] + scalars
        startIndex += 1
      }
    }
    // Control and reordering characters are shown escaped; the caret moves with them.
    var line = ""
    var prefix = ""
    var shownWidth = 0
    for (k, scalar) in scalars.enumerated() {
      let shown = scalar == "\t" || !Escaping.needsEscape(scalar) ? String(scalar) : Escaping.visible(String(scalar))
      line += shown
      if k < startIndex {
        prefix += scalar == "\t" ? "\t" : String(repeating: " ", count: shown.unicodeScalars.count)
      } else if k < startIndex + width {
        shownWidth += shown.unicodeScalars.count
      }
    }
    if cutAtEnd { line += "…" }
    width = max(1, shownWidth + max(0, startIndex + width - scalars.count))
    let marker = "^" + String(repeating: "~", count: width - 1)
    let bar = style("|", blue)
    out += pad(gutter) + " " + bar + "\n"
    out += style(String(span.start.line).leftPadded(to: gutter), blue) + " " + bar + " " + line + "\n"
    out += pad(gutter) + " " + bar + " " + prefix + style(marker, bold + underline)
    if let label { out += " " + style(Escaping.visible(label), bold + underline) }
    out += "\n"
  }

  /// Lines longer than this many characters are cut around the span.
  static let longLine = 160
  /// How much of a cut line is shown before the span.
  static let before = 60

  private func pad(_ n: Int) -> String { String(repeating: " ", count: n) }

  private func color(of severity: Severity) -> String {
    switch severity {
    case .error: red
    case .warning: yellow
    case .info: cyan
    }
  }

  private func style(_ text: String, _ sgr: String) -> String {
    colors ? sgr + text + "\u{1B}[0m" : text
  }

  private let bold = "\u{1B}[1m"
  private let dim = "\u{1B}[2m"
  private let red = "\u{1B}[31m"
  private let green = "\u{1B}[32m"
  private let yellow = "\u{1B}[33m"
  private let blue = "\u{1B}[34m"
  private let cyan = "\u{1B}[36m"
}

/// Splits each file into lines once, the first time a diagnostic in it is rendered.
struct LineCache {
  let sources: SourceMap
  private var lines: [FileID: [Substring]] = [:]

  init(sources: SourceMap) { self.sources = sources }

  mutating func line(_ number: Int, of file: FileID) -> String? {
    if lines[file] == nil {
      guard let source = sources[file] else { return nil }
      let text = String(decoding: source.bytes, as: UTF8.self)
      lines[file] = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }
    guard let fileLines = lines[file], number >= 1, number <= fileLines.count else { return nil }
    return String(fileLines[number - 1])
  }
}

extension String {
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
