/// A checker rule: the pinned id users write in configuration and suppressions, its default
/// severity and a one-line summary. Every rule is one row of ``Rule/all``.
public struct Rule: Hashable, Sendable {
  /// The section of the rule catalog a rule belongs to.
  public enum Section: String, CaseIterable, Sendable {
    case syntax = "Syntax and structure"
    case references = "Types and references"
  }

  public let id: String
  public let severity: Severity
  public let section: Section
  public let summary: String

  init(_ id: String, _ severity: Severity, _ section: Section, _ summary: String) {
    self.id = id
    self.severity = severity
    self.section = section
    self.summary = summary
  }

  /// The rule with this id, if there is one.
  public static func named(_ id: String) -> Rule? { byID[id] }

  private static let byID: [String: Rule] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
}

extension Rule {
  public static let yamlSyntax = Rule(
    "yaml-syntax", .error, .syntax,
    "malformed YAML; aliases/anchors used as a bomb; a file that is not UTF-8")
  public static let dslSyntax = Rule(
    "dsl-syntax", .error, .syntax, "malformed DSL, with what was expected at that point")
  public static let duplicateKey = Rule(
    "duplicate-key", .error, .syntax,
    "the same key twice in one YAML mapping (including two blocks with one id)")
  public static let unknownBlockKind = Rule(
    "unknown-block-kind", .error, .syntax, "a block kind not in the catalog")
  public static let unknownParameter = Rule(
    "unknown-parameter", .error, .syntax, "a parameter or key the block kind or file does not take")
  public static let missingParameter = Rule(
    "missing-parameter", .error, .syntax, "a required parameter or key is absent")
  public static let invalidValue = Rule(
    "invalid-value", .error, .syntax,
    "a value of the wrong type or out of range: bad duration, bad E.164 literal, unknown enum word")
  public static let unknownBranch = Rule(
    "unknown-branch", .error, .syntax, "a branch name the block kind cannot take")
  public static let undefinedTarget = Rule(
    "undefined-target", .error, .syntax, "a branch points at a block id that does not exist")
  public static let missingStart = Rule(
    "missing-start", .error, .syntax, "no `start`, or `start` names no block")
  public static let deadEnd = Rule(
    "dead-end", .error, .syntax,
    "a non-terminal block whose success path leads nowhere (the contact falls off the flow)")
  public static let unconnectedBranch = Rule(
    "unconnected-branch", .warning, .syntax, "a branch the block can take goes nowhere")
  public static let unreachableBlock = Rule(
    "unreachable-block", .warning, .syntax, "a block no path from `start` reaches")
  public static let loopWithoutWait = Rule(
    "loop-without-wait", .error, .syntax,
    "a cycle that can repeat without a `wait`, `get-input`, `store-input` or bounded `loop`")

  public static let unusedSuppression = Rule(
    "unused-suppression", .warning, .syntax,
    "a `callflow-ignore` comment that suppresses nothing, or names no rule")

  public static let blockNotAllowed = Rule(
    "block-not-allowed", .error, .references, "a block kind the flow's type does not allow")
  public static let undefinedReference = Rule(
    "undefined-reference", .error, .references,
    "a queue, flow, prompt, hours or routing profile that the project does not define")
  public static let flowTypeMismatch = Rule(
    "flow-type-mismatch", .error, .references, "a referenced flow of the wrong type")
  public static let duplicateFlowName = Rule(
    "duplicate-flow-name", .error, .references, "two flows with one name in a project")
  public static let unresolvedSubstitution = Rule(
    "unresolved-substitution", .error, .references,
    "a `${NAME}` that neither the chosen environment nor `--define` provides")
  public static let phoneNumberUnassigned = Rule(
    "phone-number-unassigned", .warning, .references,
    "an `inbound` flow no phone number reaches and no flow references")
  public static let callbackBlockPlacement = Rule(
    "callback-block-placement", .error, .references,
    "`create-callback` outside inbound, customer-queue and outbound flows")

  /// Every rule, in catalog order.
  public static let all: [Rule] = [
    .yamlSyntax, .dslSyntax, .duplicateKey, .unknownBlockKind, .unknownParameter, .missingParameter,
    .invalidValue, .unknownBranch, .undefinedTarget, .missingStart, .deadEnd,
    .unconnectedBranch, .unreachableBlock, .loopWithoutWait, .unusedSuppression,
    .blockNotAllowed, .undefinedReference, .flowTypeMismatch, .duplicateFlowName,
    .unresolvedSubstitution, .phoneNumberUnassigned, .callbackBlockPlacement,
  ]
}

extension Rule {
  /// The rule catalog as Markdown tables, one per section, for the docs.
  public static func markdownCatalog() -> String {
    var out = ""
    for section in Section.allCases {
      out += "### \(section.rawValue)\n\n| rule | severity | what it catches |\n|---|---|---|\n"
      for rule in all where rule.section == section {
        out += "| `\(rule.id)` | \(rule.severity.rawValue) | \(rule.summary) |\n"
      }
      out += "\n"
    }
    return String(out.dropLast())
  }
}
