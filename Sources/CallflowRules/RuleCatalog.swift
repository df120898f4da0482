import CallflowDiagnostics

/// Every rule of the checker, in catalog order: the one list that configuration, `--rule`,
/// suppressions, `callflow explain`, the SARIF rule table and the docs read. Adding a rule is
/// adding its type (one file), its page in `Docs/rules/` and its line here.
public enum RuleCatalog {
  public static let all: [any Rule] = [
    YAMLSyntaxRule(), DSLSyntaxRule(), ConnectSyntaxRule(), ConnectLimitsRule(), DuplicateKeyRule(), UnknownBlockKindRule(), UnknownParameterRule(),
    MissingParameterRule(), InvalidValueRule(), UnknownBranchRule(), UndefinedTargetRule(), MissingStartRule(),
    DeadEndRule(), UnconnectedBranchRule(), UnreachableBlockRule(), LoopWithoutWaitRule(), UnusedSuppressionRule(),
    BlockNotAllowedRule(), UndefinedReferenceRule(), FlowTypeMismatchRule(), AttributeUnsetRule(), FlowTransferLoopRule(),
    DuplicateFlowNameRule(), UnresolvedSubstitutionRule(), PhoneNumberUnassignedRule(), QueueUnroutedRule(),
    CreationFlowNoTransferRule(), CallbackRetriesRangeRule(), CallbackIntervalRangeRule(), CustomerFirstRetriesRule(),
    CustomerFirstOutboundFlowRule(), VoicemailUnhandledRule(), CallbackNumberUnvalidatedRule(), CallbackNumberUnsetRule(),
    WorkingQueueUnsetRule(), CallbackQueueUnroutedRule(), CallbackQueueCallerIDRule(), CallbackLosesPositionRule(),
    CallbackPriorityAboveInboundRule(), CallbackTypestateRule(), CallbackBlockPlacementRule(), QueuePollTooFastRule(),
    DuplicateCallbackUncheckedRule(), ProfileMultipleUnhandledRule(), CallbackSettingIgnoredRule(),
    CallbackRetriesOutlastExpiryRule(),
  ]

  /// The rule with this id, if there is one.
  public static func named(_ id: String) -> (any Rule)? { byID[id] }

  /// Every rule's id, in catalog order.
  public static let ids: [String] = all.map(\.id)

  /// What the renderers need of every rule, in catalog order.
  public static var infos: [RuleInfo] { all.map(\.info) }

  private static let byID: [String: any Rule] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

  /// The rule catalog as Markdown tables, one per section, for the docs.
  public static func markdown() -> String {
    var out = ""
    for section in RuleSection.allCases {
      out += "### \(section.rawValue)\n\n| rule | severity | what it catches |\n|---|---|---|\n"
      for rule in all where rule.section == section {
        out += "| [`\(rule.id)`](rules/\(rule.id).md) | \(rule.severityText) | \(rule.summary) |\n"
      }
      out += "\n"
    }
    let compiler = all.filter { $0.compilerDependency != nil }.map { "`\($0.id)`" }
    out += "The rules the compiler depends on stay errors for `build`, `test` and `simulate`, whatever the "
    out += "configuration says: " + compiler.joined(separator: ", ") + ".\n"
    return out
  }
}
