import CallflowDiagnostics

/// The section of the rule catalog a rule belongs to.
public enum RuleSection: String, CaseIterable, Sendable {
  case syntax = "Syntax and structure"
  case references = "Types and references"
  case callbacks = "Callbacks"
}

/// A checker rule: one type per rule, with the pinned id users write in configuration and
/// suppressions, its default severity, its section, a one-line summary and its page of
/// documentation (`Docs/rules/<id>.md`, embedded in the binary), whose failing and passing
/// examples are run as the rule's tests. Every rule is listed once, in ``RuleCatalog/all``.
public protocol Rule: Sendable {
  /// The pinned id: `callback-retries-range`.
  var id: String { get }
  /// The default severity.
  var severity: Severity { get }
  var section: RuleSection { get }
  /// What the rule catches, in one line.
  var summary: String { get }
  /// When some findings of the rule take another severity: "warning above 5".
  var otherSeverity: String? { get }
  /// Why `callflow build` cannot compile a project with a finding of this rule, for the rules
  /// the compiler depends on (a value it would drop, a reference no host could load); `nil`
  /// for the rules a project may switch off or down.
  var compilerDependency: String? { get }
  /// The rule's page of documentation, as UTF-8 Markdown.
  var page: [UInt8] { get }
}

extension Rule {
  public var otherSeverity: String? { nil }
  public var compilerDependency: String? { nil }

  /// The rule's page of documentation, as in `Docs/rules/<rule>.md`.
  public var documentation: String { String(decoding: page, as: UTF8.self) }

  /// The default severity as the docs state it: "error; warning above 5".
  public var severityText: String { otherSeverity.map { "\(severity.rawValue); \($0)" } ?? severity.rawValue }

  /// What the renderers need to know of the rule.
  public var info: RuleInfo { RuleInfo(id: id, severity: severity, summary: summary, documentation: documentation) }

  /// The failing example of the page: the flow files it shows, each headed by its
  /// `# file:` comment, and the output `callflow check` gives for them.
  public var failingExample: [String] { codeBlocks(under: "Failing example") }
  /// The passing example of the page: the same flows, corrected.
  public var passingExample: [String] { codeBlocks(under: "Passing example") }

  /// The fenced code blocks of the page's section headed `heading`, without their fences.
  func codeBlocks(under heading: String) -> [String] {
    var blocks: [String] = []
    var inSection = false
    var current: [Substring]?
    for line in documentation.split(separator: "\n", omittingEmptySubsequences: false) {
      if current == nil, line.hasPrefix("## ") {
        inSection = line == "## \(heading)"
        continue
      }
      guard inSection, line.hasPrefix("```") else {
        if current != nil { current?.append(line) }
        continue
      }
      if let body = current {
        blocks.append(body.joined(separator: "\n") + "\n")
        current = nil
      } else {
        current = []
      }
    }
    return blocks
  }
}

extension Diagnostic {
  /// A finding of `rule`, at its default severity unless `severity` is given.
  public init(
    _ rule: some Rule, _ message: String, at span: SourceSpan, label: String? = nil,
    notes: [Note] = [], fixes: [FixIt] = [], severity: Severity? = nil
  ) {
    self.init(
      rule: rule.id, severity: severity ?? rule.severity, message, at: span, label: label, notes: notes, fixes: fixes)
  }
}

extension DiagnosticBag {
  /// Reports `message` under `rule` at `span`.
  public mutating func report(
    _ rule: some Rule, _ message: String, at span: SourceSpan, label: String? = nil,
    notes: [Note] = [], fixes: [FixIt] = []
  ) {
    append(Diagnostic(rule, message, at: span, label: label, notes: notes, fixes: fixes))
  }

  /// Moves the diagnostics reported since `mark` (an earlier ``count``) under `rule`, with
  /// its default severity.
  public mutating func reassign(since mark: Int, to rule: some Rule) {
    reassign(since: mark, toRule: rule.id, severity: rule.severity)
  }
}
