/// Renders diagnostics as GitHub Actions workflow commands, one per line:
/// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`. The message
/// carries the help and the notes (each with its place), as the text output does.
public enum GitHubRenderer {
  /// The files of a project that every flow depends on. A finding in one of them is also
  /// annotated at each place in another file its notes point to: a pull request that changes
  /// a flow sees, on its own lines, what it broke in `center.yaml`.
  public static let sharedFileNames: Set<String> = ["center.yaml"]

  public static func render(_ diagnostics: [Diagnostic], sources: SourceMap) -> String {
    var out = ""
    for d in diagnostics {
      let command: String
      switch d.severity {
      case .error: command = "error"
      case .warning: command = "warning"
      case .info: command = "notice"
      }
      var lines = [d.message]
      for fix in d.fixes { lines.append("help: " + fix.message) }
      for note in d.notes { lines.append("note: " + (note.span.map { place($0, sources) + ": " } ?? "") + note.message) }
      out += annotation(command, at: d.span, rule: d.rule, lines: lines, sources: sources)
      guard let name = sources.path(d.span.file).split(separator: "/").last, sharedFileNames.contains(String(name)) else { continue }
      var echoed = Set<SourceSpan>()
      for note in d.notes {
        guard let span = note.span, span.file != d.span.file, echoed.insert(span).inserted else { continue }
        let echo = [d.message, "note: " + note.message, "reported at " + place(d.span, sources)]
        out += annotation(command, at: span, rule: d.rule, lines: echo, sources: sources)
      }
    }
    return out
  }

  private static func annotation(_ command: String, at span: SourceSpan, rule: String, lines: [String], sources: SourceMap) -> String {
    let properties = [
      "file=" + property(sources.path(span.file)),
      "line=\(span.start.line)", "col=\(span.start.column)",
      "endLine=\(span.end.line)", "endColumn=\(span.end.column)",
      "title=" + property(rule),
    ]
    // Control characters are shown escaped; the lines are joined with the runner's newline.
    return "::\(command) \(properties.joined(separator: ","))::\(data(lines.map { Escaping.visible($0) }.joined(separator: "\n")))\n"
  }

  private static func place(_ span: SourceSpan, _ sources: SourceMap) -> String {
    "\(sources.path(span.file)):\(span.start.line):\(span.start.column)"
  }

  /// Escapes a command's message, as the runner reads it back.
  static func data(_ text: String) -> String {
    text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
      .replacingOccurrences(of: "\n", with: "%0A")
  }

  /// Escapes a command's property value.
  static func property(_ text: String) -> String {
    data(Escaping.visible(text)).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
  }
}

extension String {
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: Substring(target), omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
