/// A secondary message: context at another span ("first defined here") or, without a span,
/// a help line ("expected one of ...").
public struct Note: Hashable, Sendable {
  public var message: String
  public var span: SourceSpan?

  public init(_ message: String, at span: SourceSpan? = nil) {
    self.message = message
    self.span = span
  }
}

/// A suggested edit: replace the text of `span` with `replacement`.
public struct FixIt: Hashable, Sendable {
  public var message: String
  public var span: SourceSpan
  public var replacement: String

  public init(_ message: String, replacing span: SourceSpan, with replacement: String) {
    self.message = message
    self.span = span
    self.replacement = replacement
  }
}

/// One finding: what is wrong, where, under which rule, and how to fix it.
public struct Diagnostic: Hashable, Sendable {
  public var rule: String
  public var severity: Severity
  public var message: String
  public var span: SourceSpan
  /// A short label printed under the primary span.
  public var label: String?
  public var notes: [Note]
  public var fixes: [FixIt]

  public init(
    _ rule: Rule, _ message: String, at span: SourceSpan, label: String? = nil,
    notes: [Note] = [], fixes: [FixIt] = [], severity: Severity? = nil
  ) {
    self.rule = rule.id
    self.severity = severity ?? rule.severity
    self.message = message
    self.span = span
    self.label = label
    self.notes = notes
    self.fixes = fixes
  }

  /// The order diagnostics are printed in: by file, position, rule, then message.
  public static func printOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
    if a.span != b.span { return a.span < b.span }
    if a.rule != b.rule { return a.rule < b.rule }
    return a.message < b.message
  }
}

/// Collects diagnostics while a stage runs.
public struct DiagnosticBag: Sendable {
  public private(set) var diagnostics: [Diagnostic] = []

  public init() {}

  public mutating func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

  public mutating func append(contentsOf other: [Diagnostic]) {
    diagnostics.append(contentsOf: other)
  }

  /// Reports `message` under `rule` at `span`.
  public mutating func report(
    _ rule: Rule, _ message: String, at span: SourceSpan, label: String? = nil,
    notes: [Note] = [], fixes: [FixIt] = []
  ) {
    diagnostics.append(Diagnostic(rule, message, at: span, label: label, notes: notes, fixes: fixes))
  }

  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
