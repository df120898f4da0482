/// A checker rule: the pinned id users write in configuration and suppressions, its default
/// severity and a one-line summary. Every rule is one row of ``Rule/all``.
public struct Rule: Hashable, Sendable {
  /// The section of the rule catalog a rule belongs to.
  public enum Section: String, CaseIterable, Sendable {
    case syntax = "Syntax and structure"
    case references = "Types and references"
    case callbacks = "Callbacks"
  }

  public let id: String
  public let severity: Severity
  public let section: Section
  public let summary: String
  /// When some findings of the rule take another severity: "warning above 5".
  public let otherSeverity: String?

  init(_ id: String, _ severity: Severity, _ section: Section, _ summary: String, otherwise: String? = nil) {
    self.id = id
    self.severity = severity
    self.section = section
    self.summary = summary
    self.otherSeverity = otherwise
  }

  /// The default severity as the docs state it: "error; warning above 5".
  public var severityText: String { otherSeverity.map { "\(severity.rawValue); \($0)" } ?? severity.rawValue }

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
  public static let attributeUnset = Rule(
    "attribute-unset", .error, .references,
    "an attribute read on a path where nothing set it (definite assignment over the flow graph)",
    otherwise: "warning for user attributes `$.Attributes.*`")
  public static let flowTransferLoop = Rule(
    "flow-transfer-loop", .error, .references,
    "flows that hand the contact to each other with `transfer-to-flow` in a cycle with no wait or input: it can loop forever")
  public static let duplicateFlowName = Rule(
    "duplicate-flow-name", .error, .references, "two flows with one name in a project")
  public static let unresolvedSubstitution = Rule(
    "unresolved-substitution", .error, .references,
    "a `${NAME}` that neither the chosen environment nor `--define` provides")
  public static let phoneNumberUnassigned = Rule(
    "phone-number-unassigned", .warning, .references,
    "an `inbound` flow no phone number reaches and no flow references")

  public static let creationFlowNoTransfer = Rule(
    "creation-flow-no-transfer", .error, .callbacks,
    "a creation flow with no path to a `transfer-to-queue` (the callback would never be queued)",
    otherwise: "warning where only some paths miss it")
  public static let callbackRetriesRange = Rule(
    "callback-retries-range", .error, .callbacks, "max-retries below 0 or not a whole number",
    otherwise: "warning above 5")
  public static let callbackIntervalRange = Rule(
    "callback-interval-range", .error, .callbacks,
    "initial-delay or retry-interval outside 1 second to 3 days, or expiry over 7 days",
    otherwise: "warning for a retry-interval under 1 minute")
  public static let customerFirstRetries = Rule(
    "customer-first-retries", .error, .callbacks,
    "retries or retry-interval given with dial-mode customer-first (they belong in the outbound flow)")
  public static let customerFirstOutboundFlow = Rule(
    "customer-first-outbound-flow", .error, .callbacks,
    "customer-first without an outbound flow, or an outbound flow without `check-call-progress`, or whose `human` branch reaches no `transfer-to-queue`")
  public static let voicemailUnhandled = Rule(
    "voicemail-unhandled", .warning, .callbacks, "an outbound flow whose voicemail branches are unconnected")
  public static let callbackNumberUnvalidated = Rule(
    "callback-number-unvalidated", .error, .callbacks,
    "a path to `set-callback-number`, `create-callback` or `register-callback` that passes no phone validation",
    otherwise: "warning when the number is the caller's own `$.CustomerEndpoint.Address`")
  public static let callbackNumberUnset = Rule(
    "callback-number-unset", .warning, .callbacks,
    "a callback transfer on a path with no `set-callback-number` (the platform dials the caller's address)")
  public static let workingQueueUnset = Rule(
    "working-queue-unset", .error, .callbacks,
    "a transfer or callback on a path where no queue has been set")
  public static let callbackQueueUnrouted = Rule(
    "callback-queue-unrouted", .error, .callbacks,
    "a queue callbacks go to that no routing profile contains: no agent will ever receive them")
  public static let callbackQueueCallerID = Rule(
    "callback-queue-caller-id", .error, .callbacks, "a queue callbacks go to without an outbound caller ID name and number")
  public static let callbackLosesPosition = Rule(
    "callback-loses-position", .info, .callbacks,
    "a callback queue whose priority differs from the original queue's in a routing profile holding both: callbacks do not keep their place in line")
  public static let callbackPriorityAboveInbound = Rule(
    "callback-priority-above-inbound", .warning, .callbacks,
    "a callback queue with higher priority than an inbound queue in the same routing profile")
  public static let callbackTypestate = Rule(
    "callback-typestate", .error, .callbacks,
    "`start-callback` not followed on every path by `register-callback` or `decline-callback`; either with no pending start; two starts in a row")
  public static let callbackBlockPlacement = Rule(
    "callback-block-placement", .error, .callbacks,
    "`create-callback` outside inbound, customer-queue and outbound flows")
  public static let queuePollTooFast = Rule(
    "queue-poll-too-fast", .warning, .callbacks,
    "a customer-queue loop that reads queue metrics with less than 1 minute of wait per iteration")
  public static let duplicateCallbackUnchecked = Rule(
    "duplicate-callback-unchecked", .info, .callbacks,
    "a creation flow that queues without any `check-attribute` (duplicates are not filtered)")
  public static let profileMultipleUnhandled = Rule(
    "profile-multiple-unhandled", .warning, .callbacks, "a `customer-profile-lookup` whose `multiple` branch is unconnected")
  public static let callbackSettingIgnored = Rule(
    "callback-setting-ignored", .warning, .callbacks,
    "a callback setting the dial mode makes the platform ignore: an `outbound-flow` on an agent-first callback")
  public static let callbackRetriesOutlastExpiry = Rule(
    "callback-retries-outlast-expiry", .warning, .callbacks,
    "initial-delay plus every retry-interval runs past the callback's expiry: the last attempts can never happen")

  /// Every rule, in catalog order.
  public static let all: [Rule] = [
    .yamlSyntax, .dslSyntax, .duplicateKey, .unknownBlockKind, .unknownParameter, .missingParameter,
    .invalidValue, .unknownBranch, .undefinedTarget, .missingStart, .deadEnd,
    .unconnectedBranch, .unreachableBlock, .loopWithoutWait, .unusedSuppression,
    .blockNotAllowed, .undefinedReference, .flowTypeMismatch, .attributeUnset, .flowTransferLoop, .duplicateFlowName,
    .unresolvedSubstitution, .phoneNumberUnassigned,
    .creationFlowNoTransfer, .callbackRetriesRange, .callbackIntervalRange, .customerFirstRetries,
    .customerFirstOutboundFlow, .voicemailUnhandled, .callbackNumberUnvalidated, .callbackNumberUnset,
    .workingQueueUnset, .callbackQueueUnrouted, .callbackQueueCallerID, .callbackLosesPosition,
    .callbackPriorityAboveInbound, .callbackTypestate, .callbackBlockPlacement, .queuePollTooFast,
    .duplicateCallbackUnchecked, .profileMultipleUnhandled, .callbackSettingIgnored, .callbackRetriesOutlastExpiry,
  ]
}

extension Rule {
  /// The rule catalog as Markdown tables, one per section, for the docs.
  public static func markdownCatalog() -> String {
    var out = ""
    for section in Section.allCases {
      out += "### \(section.rawValue)\n\n| rule | severity | what it catches |\n|---|---|---|\n"
      for rule in all where rule.section == section {
        out += "| [`\(rule.id)`](rules/\(rule.id).md) | \(rule.severityText) | \(rule.summary) |\n"
      }
      out += "\n"
    }
    return String(out.dropLast())
  }
}
