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

  /// A finding of the rule with id `rule`. The checker's rules (`CallflowRules`) add an
  /// initializer that takes the rule itself.
  public init(
    rule: String, severity: Severity, _ message: String, at span: SourceSpan, label: String? = nil,
    notes: [Note] = [], fixes: [FixIt] = []
  ) {
    self.rule = rule
    self.severity = severity
    self.message = message
    self.span = span
    self.label = label
    self.notes = notes
    self.fixes = fixes
  }

  /// The order diagnostics are printed in: by file path, position, rule, then message; so the
  /// output does not depend on the order files were given or read in.
  public static func printOrder(in sources: SourceMap) -> @Sendable (Diagnostic, Diagnostic) -> Bool {
    let paths = sources.files.map(\.path)
    return { a, b in
      if a.span.file != b.span.file {
        let (pa, pb) = (paths[safe: a.span.file], paths[safe: b.span.file])
        if pa != pb { return pa < pb }
      }
      if a.span.start != b.span.start { return a.span.start < b.span.start }
      if a.span.end != b.span.end { return a.span.end < b.span.end }
      if a.rule != b.rule { return a.rule < b.rule }
      return a.message < b.message
    }
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

  /// How many diagnostics the bag holds: a mark for ``reassign(since:to:)``.
  public var count: Int { diagnostics.count }

  /// Moves the diagnostics reported since `mark` (an earlier ``count``) under the rule with
  /// id `rule`, at `severity`.
  public mutating func reassign(since mark: Int, toRule rule: String, severity: Severity) {
    for i in mark..<diagnostics.count {
      diagnostics[i].rule = rule
      diagnostics[i].severity = severity
    }
  }
}

extension Array where Element == String {
  fileprivate subscript(safe id: FileID) -> String {
    let i = Int(id.rawValue)
    return i < count ? self[i] : ""
  }
}

extension FixIt {
  /// "did you mean `X`?", replacing `name` with the nearest of `candidates`: one fix, or none
  /// when no candidate is near enough to be a plausible typo.
  public static func didYouMean<S: Sequence>(_ name: Located<String>, among candidates: S) -> [FixIt]
  where S.Element == String {
    guard let near = Suggestions.nearest(to: name.value, in: candidates) else { return [] }
    return [FixIt("did you mean `\(near)`?", replacing: name.span, with: near)]
  }
}
