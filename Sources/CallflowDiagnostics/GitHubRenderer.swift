/// Renders diagnostics as GitHub Actions workflow commands, one per line:
/// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`.
public enum GitHubRenderer {
  public static func render(_ diagnostics: [Diagnostic], sources: SourceMap) -> String {
    var out = ""
    for d in diagnostics {
      let command: String
      switch d.severity {
      case .error: command = "error"
      case .warning: command = "warning"
      case .info: command = "notice"
      }
      let properties = [
        "file=" + property(sources.path(d.span.file)),
        "line=\(d.span.start.line)", "col=\(d.span.start.column)",
        "endLine=\(d.span.end.line)", "endColumn=\(d.span.end.column)",
        "title=" + property(d.rule),
      ]
      var message = d.message
      for fix in d.fixes { message += "\nhelp: " + fix.message }
      out += "::\(command) \(properties.joined(separator: ","))::\(data(message))\n"
    }
    return out
  }

  /// Escapes a command's message, as the runner reads it back.
  static func data(_ text: String) -> String {
    text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
      .replacingOccurrences(of: "\n", with: "%0A")
  }

  /// Escapes a command's property value.
  static func property(_ text: String) -> String {
    data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
  }
}

extension String {
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: Substring(target), omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
