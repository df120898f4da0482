import ArgumentParser
import CallflowDiagnostics
import CallflowRules

struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Print a rule's documentation: why it matters, a failing and a passing example.",
    discussion: "Without a rule, lists every rule with its default severity. The pages are also in Docs/rules/."
  )

  @Argument(help: "A rule id, as printed in brackets after a diagnostic (e.g. callback-retries-range).")
  var rule: String?

  func validate() throws {
    guard let rule, RuleCatalog.named(rule) == nil else { return }
    let hint = Suggestions.nearest(to: rule, in: RuleCatalog.ids).map { "; did you mean '\($0)'?" } ?? ""
    throw ValidationError("there is no rule '\(rule)'\(hint) (`callflow explain` lists them)")
  }

  func run() {
    guard let id = rule, let rule = RuleCatalog.named(id) else {
      Terminal.standardOutput(Self.list())
      return
    }
    Terminal.standardOutput(rule.documentation)
  }

  /// Every rule by section, one line each.
  static func list() -> String {
    let width = RuleCatalog.ids.map(\.count).max() ?? 0
    var out = ""
    for section in RuleSection.allCases {
      out += "\(section.rawValue):\n"
      for rule in RuleCatalog.all where rule.section == section {
        let padding = String(repeating: " ", count: width - rule.id.count)
        out += "  \(rule.id)\(padding)  \(rule.severity.rawValue.padding(7))  \(rule.summary)\n"
      }
    }
    return out
  }
}

extension String {
  fileprivate func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
