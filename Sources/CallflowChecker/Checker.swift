import CallflowDiagnostics
import CallflowSyntax

/// The checker: types each flow against the block catalog and the project, runs the graph
/// rules, then the rules that look across files.
public enum Checker {
  /// Checks one flow against the project's index. Safe to call for many flows at once.
  public static func check(_ flow: FlowSyntax, index: ProjectIndex) -> (flow: CheckedFlow, diagnostics: [Diagnostic]) {
    var checker = FlowChecker(syntax: flow, index: index)
    let (checked, diagnostics) = checker.check()
    return (checked, diagnostics)
  }

  /// The project-wide rules, once every flow is checked.
  public static func checkProject(_ flows: [CheckedFlow], index: ProjectIndex) -> [Diagnostic] {
    var checker = ProjectChecker(index: index, flows: flows)
    checker.run()
    return checker.bag.diagnostics
  }
}
