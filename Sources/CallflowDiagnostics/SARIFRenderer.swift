/// Renders diagnostics as SARIF 2.1.0, as GitHub code scanning takes it: one run of the
/// `callflow` tool with its rule catalog, and one result per diagnostic.
public enum SARIFRenderer {
  /// `rules` is the tool's rule catalog, in the order SARIF's `ruleIndex` counts.
  public static func render(_ diagnostics: [Diagnostic], sources: SourceMap, rules: [RuleInfo], version: String) -> String {
    var w = JSONWriter()
    w.raw("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n")
    w.raw("  \"runs\": [{\n    \"tool\": {\"driver\": {\"name\": \"callflow\", \"version\": ")
    w.string(version)
    w.raw(", \"rules\": [")
    for (i, rule) in rules.enumerated() {
      w.raw(i == 0 ? "\n      {" : ",\n      {")
      w.raw("\"id\": "); w.string(rule.id)
      w.raw(", \"name\": "); w.string(pascalCase(rule.id))
      w.raw(", \"shortDescription\": {\"text\": "); w.string(rule.summary)
      w.raw("}, \"help\": {\"text\": "); w.string("\(rule.summary). See `callflow explain \(rule.id)` or Docs/rules/\(rule.id).md.")
      // The rule's page: why it matters, a failing and a passing example.
      if !rule.documentation.isEmpty { w.raw(", \"markdown\": "); w.string(rule.documentation) }
      w.raw("}, \"defaultConfiguration\": {\"level\": "); w.string(level(rule.severity))
      w.raw("}}")
    }
    w.raw("\n    ]}},\n    \"results\": [")
    let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
    for (i, d) in diagnostics.enumerated() {
      w.raw(i == 0 ? "\n      {" : ",\n      {")
      w.raw("\"ruleId\": "); w.string(d.rule)
      if let ruleIndex = index[d.rule] { w.raw(", \"ruleIndex\": \(ruleIndex)") }
      w.raw(", \"level\": "); w.string(level(d.severity))
      var text = d.message
      for fix in d.fixes { text += "\nhelp: " + fix.message }
      for note in d.notes where note.span == nil { text += "\nnote: " + note.message }
      w.raw(", \"message\": {\"text\": "); w.string(text)
      w.raw("}, \"locations\": ["); location(d.span, sources, &w); w.raw("]")
      let related = d.notes.compactMap { note in note.span.map { (note.message, $0) } }
      if !related.isEmpty {
        w.raw(", \"relatedLocations\": [")
        for (j, (message, span)) in related.enumerated() {
          if j > 0 { w.raw(", ") }
          location(span, sources, &w, id: j, message: message)
        }
        w.raw("]")
      }
      w.raw("}")
    }
    w.raw(diagnostics.isEmpty ? "]\n  }]\n}\n" : "\n    ]\n  }]\n}\n")
    return w.output
  }

  private static func location(_ span: SourceSpan, _ sources: SourceMap, _ w: inout JSONWriter, id: Int? = nil, message: String? = nil) {
    w.raw("{")
    if let id { w.raw("\"id\": \(id), ") }
    w.raw("\"physicalLocation\": {\"artifactLocation\": {\"uri\": "); w.string(uri(sources.path(span.file)))
    w.raw("}, \"region\": {\"startLine\": \(span.start.line), \"startColumn\": \(span.start.column)")
    w.raw(", \"endLine\": \(span.end.line), \"endColumn\": \(max(span.end.column, span.start.column + (span.end.line == span.start.line ? 1 : 0)))}}")
    if let message { w.raw(", \"message\": {\"text\": "); w.string(message); w.raw("}") }
    w.raw("}")
  }

  /// A relative path as a URI reference: percent-encoded but for the path characters.
  static func uri(_ path: String) -> String {
    var out = ""
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return out
  }

  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .info: "note"
    }
  }

  static func pascalCase(_ id: String) -> String {
    id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }
}
