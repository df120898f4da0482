/// Counts shown at the end of a run and in the JSON `summary` object.
public struct DiagnosticSummary: Hashable, Sendable {
  public var files: Int
  public var flows: Int
  public var errors: Int
  public var warnings: Int
  public var infos: Int

  public init(files: Int, flows: Int, diagnostics: [Diagnostic]) {
    self.files = files
    self.flows = flows
    errors = diagnostics.count { $0.severity == .error }
    warnings = diagnostics.count { $0.severity == .warning }
    infos = diagnostics.count { $0.severity == .info }
  }
}

/// Renders diagnostics as the one JSON document pinned in CLI.md:
/// `{"diagnostics": [...], "summary": {...}}`, keys in a fixed order, lines and columns from 1,
/// `endColumn` exclusive.
public enum JSONRenderer {
  public static func render(_ diagnostics: [Diagnostic], summary: DiagnosticSummary, sources: SourceMap) -> String {
    var w = JSONWriter()
    w.raw("{\"diagnostics\": [")
    for (i, d) in diagnostics.enumerated() {
      w.raw(i == 0 ? "\n  {" : ",\n  {")
      location(d.span, sources, &w)
      w.raw(", \"severity\": "); w.string(d.severity.rawValue)
      w.raw(", \"rule\": "); w.string(d.rule)
      w.raw(", \"message\": "); w.string(d.message)
      w.raw(", \"notes\": [")
      for (j, note) in d.notes.enumerated() {
        w.raw(j == 0 ? "{" : ", {")
        w.raw("\"message\": "); w.string(note.message)
        if let span = note.span { w.raw(", "); location(span, sources, &w) }
        w.raw("}")
      }
      w.raw("], \"fixes\": [")
      for (j, fix) in d.fixes.enumerated() {
        w.raw(j == 0 ? "{" : ", {")
        w.raw("\"message\": "); w.string(fix.message)
        w.raw(", \"replacement\": "); w.string(fix.replacement)
        w.raw(", "); location(fix.span, sources, &w)
        w.raw("}")
      }
      w.raw("]}")
    }
    w.raw(diagnostics.isEmpty ? "], " : "\n], ")
    w.raw("\"summary\": {\"files\": \(summary.files), \"flows\": \(summary.flows), ")
    w.raw("\"errors\": \(summary.errors), \"warnings\": \(summary.warnings), \"infos\": \(summary.infos)}}\n")
    return w.output
  }

  private static func location(_ span: SourceSpan, _ sources: SourceMap, _ w: inout JSONWriter) {
    w.raw("\"file\": "); w.string(sources.path(span.file))
    w.raw(", \"line\": \(span.start.line), \"column\": \(span.start.column)")
    w.raw(", \"endLine\": \(span.end.line), \"endColumn\": \(span.end.column)")
  }
}

/// Appends JSON text; strings are escaped as RFC 8259 requires.
public struct JSONWriter: Sendable {
  public private(set) var output = ""

  public init() {}

  public mutating func raw(_ text: String) { output += text }

  public mutating func string(_ value: String) {
    output += Escaping.quoted(value, mark: "\"") { scalar in
      scalar.value < 0x20 || scalar.value == 0x7F ? "\\u" + Escaping.hex(scalar.value, width: 4) : nil
    }
  }
}
