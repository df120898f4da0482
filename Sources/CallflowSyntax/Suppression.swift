import CallflowDiagnostics
import CallflowRules

/// A `callflow-ignore: RULE, RULE` comment: it silences those rules' diagnostics that start
/// on its own line or on the line below it. Text after ` -- ` is the reason, for readers.
public struct Suppression: Sendable {
  public var rules: [Located<String>]
  public var line: Int
  public var span: SourceSpan

  static let marker = "callflow-ignore:"

  /// The suppression a comment holds, if it holds one.
  public init?(_ comment: Comment) {
    let text = comment.text.trimmingLeadingSpaces
    guard text.hasPrefix(Self.marker) else { return nil }
    let list = text.dropFirst(Self.marker.count).components(separatedBy: " -- ")[0]
    // Columns of each rule name: after the comment marker (`#` or `//`) and the leading text.
    let markerWidth = comment.span.end.column - comment.span.start.column - comment.text.unicodeScalars.count
    var column = comment.span.start.column + markerWidth + (comment.text.unicodeScalars.count - text.unicodeScalars.count)
      + Self.marker.count
    var rules: [Located<String>] = []
    for part in list.split(separator: ",", omittingEmptySubsequences: false) {
      let leading = part.prefix { $0 == " " }.count
      let name = part.trimmingCharacters(in: .whitespaces)
      if !name.isEmpty {
        let start = SourceLocation(line: comment.span.start.line, column: column + leading)
        let end = SourceLocation(line: start.line, column: start.column + name.unicodeScalars.count)
        rules.append(Located(name, at: SourceSpan(file: comment.span.file, start: start, end: end)))
      }
      column += part.unicodeScalars.count + 1
    }
    self.rules = rules
    self.line = comment.span.start.line
    self.span = comment.span
  }

  /// `diagnostics` less those the suppressions silence, plus `unused-suppression` for each
  /// rule named that silenced nothing or is no rule.
  public static func apply(_ suppressions: [Suppression], to diagnostics: [Diagnostic]) -> [Diagnostic] {
    guard !suppressions.isEmpty else { return diagnostics }
    var used = Set<SourceSpan>()
    var kept: [Diagnostic] = []
    for diagnostic in diagnostics {
      let line = diagnostic.span.start.line
      let silencedBy = suppressions.lazy.filter {
        $0.span.file == diagnostic.span.file && ($0.line == line || $0.line == line - 1)
      }.flatMap(\.rules).first { $0.value == diagnostic.rule }
      if let rule = silencedBy, diagnostic.rule != UnusedSuppressionRule().id {
        used.insert(rule.span)
      } else {
        kept.append(diagnostic)
      }
    }
    for suppression in suppressions {
      for rule in suppression.rules where !used.contains(rule.span) {
        if RuleCatalog.named(rule.value) == nil {
          kept.append(
            Diagnostic(
              .unusedSuppression, "`\(rule.value)` is not a rule", at: rule.span,
              fixes: FixIt.didYouMean(rule, among: RuleCatalog.ids)))
        } else {
          kept.append(
            Diagnostic(
              .unusedSuppression, "this `callflow-ignore` suppresses no `\(rule.value)` diagnostic", at: rule.span,
              notes: [Note("a suppression applies to its own line and the line below it; remove it if the problem is gone")]))
        }
      }
    }
    return kept
  }
}

extension String {
  fileprivate var trimmingLeadingSpaces: String { String(drop { $0 == " " || $0 == "\t" }) }
}

extension FlowSyntax {
  /// Every comment of the flow, in source order.
  public var allComments: [Comment] {
    (comments + blocks.flatMap(\.comments) + trailingComments).sorted { $0.span < $1.span }
  }
}
