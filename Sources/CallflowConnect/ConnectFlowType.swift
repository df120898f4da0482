import CallflowDiagnostics
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

/// One action of a Connect flow as read: where it is, its identifier and its type.
public struct ConnectAction: Sendable {
  public var span: SourceSpan
  public var identifier: String
  public var type: String

  /// The name the Connect designer gives the action's block, when Callflow knows it.
  public var designerName: String? { Self.designerNames[type] }

  /// How the action is named in diagnostics: its identifier, and its block in the designer.
  public var description: String {
    "Amazon Connect action `\(identifier)` (\(designerName.map { "\($0), " } ?? "")`\(type)`)"
  }

  /// The Connect designer's names of the blocks of common action types.
  static let designerNames: [String: String] = [
    "MessageParticipant": "Play prompt", "GetParticipantInput": "Get customer input", "UpdateContactAttributes": "Set contact attributes",
    "Compare": "Check contact attributes", "InvokeLambdaFunction": "Invoke AWS Lambda function", "TransferToFlow": "Transfer to flow",
    "UpdateContactTargetQueue": "Set working queue", "TransferContactToQueue": "Transfer to queue", "DisconnectParticipant": "Disconnect / hang up",
    "CheckHoursOfOperation": "Check hours of operation", "Loop": "Loop", "Wait": "Wait", "UpdateContactCallbackNumber": "Set callback number",
    "UpdateFlowLoggingBehavior": "Set logging behavior", "UpdateContactRecordingBehavior": "Set recording and analytics behavior",
    "UpdateContactTextToSpeechVoice": "Set voice", "MessageParticipantIteratively": "Loop prompts", "ShowView": "Show view",
    "InvokeFlowModule": "Invoke module", "EndFlowModuleExecution": "Return", "EndFlowExecution": "End flow / Resume",
    "ConnectParticipantWithLexBot": "Get customer input", "CheckMetricData": "Check staffing", "GetMetricData": "Get queue metrics",
    "GetCustomerProfile": "Customer profiles", "UpdateContactEventHooks": "Set event hook", "UpdateContactRoutingBehavior": "Change routing priority / age",
    "UpdateContactMediaStreamingBehavior": "Start / stop media streaming", "UpdateContactData": "Set contact data",
    "TransferParticipantToThirdParty": "Transfer to phone number",
  ]
}
