import CallflowDiagnostics
import CallflowSyntax

/// Which flow types Amazon Connect allows each action in: the "Flow types" list of the
/// action's block in the Connect administrator guide, widened where published flows show
/// Connect accepting more (Docs/CONNECT.md lists each widening). Actions not listed here are
/// allowed anywhere: Callflow knows no restriction on them.
public enum ConnectPlacement {
  /// Connect's contact flows (`CONTACT_FLOW`): Callflow's inbound, outbound (the dialed leg
  /// of a callback) and disconnect flows.
  static let contact: Set<FlowType> = [.inbound, .outbound, .disconnect]
  static let transfers: Set<FlowType> = [.agentTransfer, .transferToQueue]
  static let everywhere = Set(FlowType.allCases)
  /// Inbound, customer queue and both transfer flows: the list most blocks have.
  static let routing = contact.union([.customerQueue]).union(transfers)

  /// One action type's flow types, and those added from published flows.
  struct Row {
    var allowed: Set<FlowType>
    var published: Set<FlowType> = []
  }

  /// Each action type's flow types (modules take those of inbound flows, see ``allowed``).
  static let rows: [String: Row] = [
    "MessageParticipant": Row(allowed: routing.union([.customerWhisper, .agentWhisper]), published: [.outboundWhisper]),
    "GetParticipantInput": Row(allowed: routing),
    "ConnectParticipantWithLexBot": Row(allowed: routing),
    "InvokeLambdaFunction": Row(
      allowed: routing.union([.customerHold, .customerWhisper, .agentHold, .agentWhisper]), published: [.outboundWhisper]),
    "TransferToFlow": Row(allowed: contact.union(transfers)),
    "UpdateContactTargetQueue": Row(allowed: contact.union(transfers)),
    "TransferContactToQueue": Row(allowed: routing),
    "DequeueContactAndTransferToQueue": Row(allowed: routing),
    "CreateCallbackContact": Row(allowed: routing),
    "DisconnectParticipant": Row(allowed: routing),
    "CheckHoursOfOperation": Row(allowed: routing),
    "CheckMetricData": Row(allowed: routing),
    "TransferParticipantToThirdParty": Row(allowed: routing),
    "UpdateContactCallbackNumber": Row(allowed: routing),
    "Wait": Row(allowed: contact.union([.customerQueue])),
    "UpdateContactRecordingBehavior": Row(allowed: routing.union([.outboundWhisper])),
    "UpdateContactRoutingBehavior": Row(allowed: routing.union([.outboundWhisper])),
    "UpdateContactMediaStreamingBehavior": Row(
      allowed: routing.union([.customerWhisper, .outboundWhisper]), published: [.agentWhisper]),
    "MessageParticipantIteratively": Row(allowed: [.customerQueue, .customerHold, .agentHold]),
    "InvokeFlowModule": Row(allowed: contact),
    "EndFlowModuleExecution": Row(allowed: [.module]),
  ]

  /// `UpdateContactEventHooks` is the block of the flow it sets: its hook decides.
  static let hooks: [String: Row] = [
    "CustomerQueue": Row(allowed: contact.union(transfers)),
    "CustomerHold": Row(allowed: routing.union([.outboundWhisper])),
    "AgentHold": Row(allowed: routing.union([.outboundWhisper])),
    "CustomerWhisper": Row(allowed: routing),
    "AgentWhisper": Row(allowed: routing),
  ]

  /// The flow types Connect allows an action of `type` in (`hook`: the event hook an
  /// `UpdateContactEventHooks` sets), or nil when Callflow knows no restriction.
  public static func allowed(type: String, hook: String?) -> Set<FlowType>? {
    mask(type: type, hook: hook).map { mask in Set(FlowType.allCases.filter { mask & bit($0) != 0 }) }
  }

  /// The rows with what they imply, worked out once, as one bit for each of
  /// `FlowType.allCases` (``bit(_:)``): what the lowering asks of every action.
  static let masks = rows.reduce(into: ByteKeyedTable<UInt64>()) { $0.add($1.key, mask(places($1.value, module: $1.key != "InvokeFlowModule"))) }
  static let hookMasks = hooks.reduce(into: ByteKeyedTable<UInt64>()) { $0.add($1.key, mask(places($1.value, module: true))) }

  /// The bits of the flow types an action of `type` is allowed in, if Callflow knows them.
  static func mask(type: String, hook: String?) -> UInt64? {
    // (The tables are globals, reached in the closures: tables captured would be copied.)
    if type == "UpdateContactEventHooks" {
      return hook?.withKeyBytes { hookMasks.place(of: $0) }.map { hookMasks.value(at: $0) }
    }
    return type.withKeyBytes { masks.place(of: $0) }.map { masks.value(at: $0) }
  }

  /// The bit of `type`.
  static func bit(_ type: FlowType) -> UInt64 {
    guard let ordinal = FlowType.allCases.firstIndex(of: type) else { return 0 }
    return 1 << UInt64(ordinal)
  }

  private static func mask(_ types: Set<FlowType>) -> UInt64 { types.reduce(0) { $0 | bit($1) } }

  private static func places(_ row: Row, module: Bool) -> Set<FlowType> {
    var allowed = row.allowed.union(row.published)
    // A module is invoked from a contact flow and may hold what one holds, but no module.
    if allowed.contains(.inbound) && module { allowed.insert(.module) }
    return allowed
  }

  /// Why Connect refuses an action of `type` in a flow of `flowType`, if it does: the message
  /// and a note listing where the action is allowed.
  public static func problem(type: String, hook: @autoclosure () -> String?, in flowType: FlowType) -> (message: String, note: String)? {
    problem(type: type, hook: hook(), in: flowType, bit: bit(flowType))
  }

  /// ``problem(type:hook:in:)`` given the bit of `flowType` (``bit(_:)``).
  static func problem(type: String, hook: @autoclosure () -> String?, in flowType: FlowType, bit flowBit: UInt64) -> (message: String, note: String)? {
    // The hook is read only for the action that has one.
    let hook = type == "UpdateContactEventHooks" ? hook() : nil
    guard let mask = mask(type: type, hook: hook), mask & flowBit == 0 else { return nil }
    let designer = ConnectAction.designerNames[type].map { " (\($0))" } ?? ""
    let connectName = ConnectFlowType.connect(flowType)?.metadata ?? flowType.rawValue
    let places = FlowType.allCases.filter { mask & bit($0) != 0 }.map(\.rawValue)
    return (
      "Amazon Connect does not allow `\(type)`\(designer)\(hook.map { " of `\($0)`" } ?? "") in \(flowType.article) `\(flowType.rawValue)` flow (`\(connectName)`)",
      "Connect allows it in \(Suggestions.list(places, conjunction: "and")) flows"
    )
  }

  /// The event hook an `UpdateContactEventHooks` action's parameters set.
  static func hook(_ parameters: JSONNode?) -> String? {
    parameters?["EventHooks"]?.members?.first?.key.value
  }

  /// The same, of parameters as written.
  static func hook(_ parameters: ConnectJSON?) -> String? {
    guard case .object(let members)? = parameters, let hooks = members.first(where: { $0.0 == "EventHooks" })?.1,
      case .object(let set) = hooks
    else { return nil }
    return set.first?.0
  }
}

extension ConnectPlacement {
  /// The table of Docs/CONNECT.md: each action type Callflow knows a list for, and its flow
  /// types.
  public static func markdown() -> String {
    func names(_ types: Set<FlowType>) -> String {
      FlowType.allCases.filter(types.contains).map { "`\($0.rawValue)`" }.joined(separator: ", ")
    }
    var lines = [
      "| Connect action (block) | flow types, from the block's reference page | added from published flows |",
      "|---|---|---|",
    ]
    let entries = rows.map { ($0.key, $0.key, $0.value) } + hooks.map { ("UpdateContactEventHooks", "UpdateContactEventHooks` of `\($0.key)", $0.value) }
    for (type, label, row) in entries.sorted(by: { $0.1 < $1.1 }) {
      let designer = ConnectAction.designerNames[type].map { " (\($0))" } ?? ""
      let all = allowed(type: type, hook: type == label ? nil : String(label.split(separator: "`").last ?? ""))?.subtracting(row.published) ?? row.allowed
      lines.append("| `\(label)`\(designer) | \(all == everywhere ? "all" : names(all)) | \(row.published.isEmpty ? "" : names(row.published)) |")
    }
    return lines.joined(separator: "\n")
  }
}
