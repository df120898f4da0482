import CallflowDiagnostics
import CallflowRules
import Testing

/// The rule catalog: one type per rule, each registered once, with its page.
@Suite struct RuleCatalogTests {
  @Test func idsAreUniqueAndWrittenAsUsersWriteThem() {
    let ids = RuleCatalog.ids
    #expect(Set(ids).count == ids.count)
    for id in ids {
      #expect(!id.isEmpty && id.allSatisfy { ("a"..."z").contains($0) || $0 == "-" }, "\(id)")
      #expect(RuleCatalog.named(id)?.id == id)
    }
    #expect(RuleCatalog.named("no-such-rule") == nil)
  }

  /// Each rule type is its own type, so a rule cannot be registered twice under two names.
  @Test func eachRuleIsItsOwnType() {
    let types = RuleCatalog.all.map { String(describing: type(of: $0)) }
    #expect(Set(types).count == types.count)
    #expect(types.allSatisfy { $0.hasSuffix("Rule") })
  }

  /// The page is embedded in the binary: titled by the rule, with its severity line, a reason
  /// and both examples.
  @Test(arguments: RuleCatalog.ids)
  func pageIsEmbeddedWithItsExamples(_ id: String) throws {
    let rule = try #require(RuleCatalog.named(id))
    #expect(rule.documentation.hasPrefix("# `\(id)`\n\n**Severity:** \(rule.severityText) · **Section:** \(rule.section.rawValue)\n"))
    #expect(rule.documentation.contains("\n## Why it matters\n"))
    #expect(!rule.failingExample.isEmpty)
    #expect(!rule.passingExample.isEmpty)
    #expect(rule.failingExample.allSatisfy { !$0.isEmpty })
  }

  /// The rules the compiler depends on are errors by default, and say why.
  @Test func compilerRulesAreErrors() {
    let compiler = RuleCatalog.all.filter { $0.compilerDependency != nil }
    #expect(compiler.map(\.id) == [
      "yaml-syntax", "dsl-syntax", "connect-syntax", "duplicate-key", "unknown-block-kind", "unknown-parameter", "missing-parameter",
      "invalid-value", "unknown-branch", "undefined-target", "missing-start", "undefined-reference", "duplicate-flow-name",
      "unresolved-substitution",
    ])
    for rule in compiler { #expect(rule.severity == .error, "\(rule.id)") }
    // Their pages say so, in the same words as the note `build` adds; the others' do not.
    for rule in RuleCatalog.all {
      let page = rule.documentation.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      #expect(page.contains("The compiler depends on this rule:") == (rule.compilerDependency != nil), "\(rule.id)")
      if let reason = rule.compilerDependency { #expect(page.contains("because \(reason)."), "\(rule.id)") }
    }
  }

  /// A finding of a rule carries its id and default severity; reassigning moves it under
  /// another rule with that rule's severity.
  @Test func findingsCarryTheirRule() {
    let span = SourceSpan(file: FileID(0), at: SourceLocation(line: 1, column: 1))
    var bag = DiagnosticBag()
    bag.report(.unreachableBlock, "nothing reaches it", at: span)
    #expect(bag.diagnostics.map(\.rule) == ["unreachable-block"])
    #expect(bag.diagnostics.map(\.severity) == [.warning])
    let mark = bag.count
    bag.report(.invalidValue, "too many", at: span)
    bag.reassign(since: mark, to: CallbackRetriesRangeRule())
    #expect(bag.diagnostics.map(\.rule) == ["unreachable-block", "callback-retries-range"])
    #expect(bag.diagnostics.map(\.severity) == [.warning, .error])
  }

  @Test func theCatalogTableListsEveryRuleBySection() {
    let table = RuleCatalog.markdown()
    for section in RuleSection.allCases { #expect(table.contains("### \(section.rawValue)\n")) }
    for rule in RuleCatalog.all { #expect(table.contains("| [`\(rule.id)`](rules/\(rule.id).md) | \(rule.severityText) | \(rule.summary) |")) }
    #expect(table.hasSuffix("configuration says: `yaml-syntax`, `dsl-syntax`, `connect-syntax`, `duplicate-key`, `unknown-block-kind`, `unknown-parameter`, `missing-parameter`, `invalid-value`, `unknown-branch`, `undefined-target`, `missing-start`, `undefined-reference`, `duplicate-flow-name`, `unresolved-substitution`.\n"))
  }
}
