import CallflowSyntax

/// Amazon Connect's flow types and Callflow's.
public enum ConnectFlowType {
  /// (Connect's `Metadata.type`, the API's `Type`, Callflow's type), one row per type.
  static let rows: [(metadata: String, api: String, callflow: FlowType)] = [
    ("contactFlow", "CONTACT_FLOW", .inbound),
    ("customerQueue", "CUSTOMER_QUEUE", .customerQueue),
    ("customerHold", "CUSTOMER_HOLD", .customerHold),
    ("customerWhisper", "CUSTOMER_WHISPER", .customerWhisper),
    ("agentHold", "AGENT_HOLD", .agentHold),
    ("agentWhisper", "AGENT_WHISPER", .agentWhisper),
    ("outboundWhisper", "OUTBOUND_WHISPER", .outboundWhisper),
    ("agentTransfer", "AGENT_TRANSFER", .agentTransfer),
    ("queueTransfer", "QUEUE_TRANSFER", .transferToQueue),
    ("disconnect", "DISCONNECT", .disconnect),
  ]

  /// Every name Connect writes for a flow type.
  static var names: [String] { rows.flatMap { [$0.metadata, $0.api] } }

  /// Callflow's type of a Connect type name, in either spelling.
  public static func callflow(_ name: String) -> FlowType? {
    rows.first { $0.metadata == name || $0.api == name }?.callflow
  }

  /// Connect's names of a Callflow type: `outbound`, the dialed leg of a customer-first
  /// callback, is a contact flow to Connect; a module has no type of its own.
  public static func connect(_ type: FlowType) -> (metadata: String, api: String)? {
    if type == .outbound { return ("contactFlow", "CONTACT_FLOW") }
    return rows.first { $0.callflow == type }.map { ($0.metadata, $0.api) }
  }
}
