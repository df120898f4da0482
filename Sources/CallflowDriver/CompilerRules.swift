import CallflowDiagnostics
import CallflowRules

/// The findings a compilation cannot do without. A rule the compiler depends on (a value it
/// would drop, a target or reference it would miss: ``Rule/compilerDependency``) stays an
/// error for `build`, `test` and `simulate`, whatever callflow.yaml, `--rule` or a
/// `callflow-ignore` comment say, so that switching a rule off never yields a module that
/// fails to load or behaves otherwise than its source.
enum CompilerRules {
  /// `shown` (the findings after suppressions and rule levels) with every finding of `found`
  /// that a compiler rule made an error put back as an error, saying why it cannot be
  /// switched off here.
  static func enforce(found: [Diagnostic], shown: [Diagnostic]) -> (diagnostics: [Diagnostic], forced: [String]) {
    var result = shown
    var forcedRules: [String] = []
    var kept = Set(shown.filter { $0.severity == .error })
    for finding in found where finding.severity == .error {
      guard !kept.contains(finding), let rule = RuleCatalog.named(finding.rule), let reason = rule.compilerDependency else { continue }
      // The finding was dropped, or shown at a lower severity: show it as the error it is.
      if let lowered = result.firstIndex(where: { same($0, finding) }) { result.remove(at: lowered) }
      var forced = finding
      forced.notes.append(
        Note(
          "`\(rule.id)` stays an error when compiling, whatever callflow.yaml, `--rule` or `callflow-ignore` say: \(reason)"))
      result.append(forced)
      kept.insert(finding)
      forcedRules.append(rule.id)
    }
    return (result, forcedRules)
  }

  private static func same(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
    a.rule == b.rule && a.span == b.span && a.message == b.message
  }
}
