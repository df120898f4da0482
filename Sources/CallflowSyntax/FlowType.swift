/// The type of a flow: where in a contact's life it runs, and so which blocks it may use.
public enum FlowType: String, CaseIterable, Hashable, Sendable {
  /// A contact flow; also the type a callback creation flow must have.
  case inbound
  /// Runs while a contact waits in a queue.
  case customerQueue = "customer-queue"
  /// The dialed leg (C3) of a customer-first callback.
  case outbound
  /// What the agent hears before being joined to the customer.
  case agentWhisper = "agent-whisper"
  /// What the customer hears on pick-up before the agent.
  case outboundWhisper = "outbound-whisper"
  /// A quick-connect transfer flow.
  case transferToQueue = "transfer-to-queue"
  /// Played to the customer while an agent has them on hold.
  case customerHold = "customer-hold"
  /// Played to the agent while they are on hold.
  case agentHold = "agent-hold"
  /// What the customer hears before being joined to the agent.
  case customerWhisper = "customer-whisper"
  /// A quick-connect transfer to an agent.
  case agentTransfer = "agent-transfer"
  /// Runs when the contact has been disconnected (an Amazon Connect disconnect flow).
  case disconnect
  /// A flow module: a reusable part other flows invoke.
  case module

  /// One line for the reference documentation.
  public var summary: String {
    switch self {
    case .inbound: "a contact flow, entered from a phone number; callback creation flows are of this type"
    case .customerQueue: "runs while a contact waits in a queue (in-queue flow)"
    case .outbound: "the dialed leg of a customer-first callback (C3)"
    case .agentWhisper: "played to the agent before the customer is joined"
    case .outboundWhisper: "played to the customer on pick-up before the agent"
    case .transferToQueue: "a quick-connect transfer to a queue"
    case .customerHold: "played to the customer while on hold"
    case .agentHold: "played to the agent while on hold"
    case .customerWhisper: "played to the customer before the agent is joined"
    case .agentTransfer: "a quick-connect transfer to an agent"
    case .disconnect: "runs after the contact is disconnected"
    case .module: "a flow module, invoked from other flows"
    }
  }

  static let all = Set(allCases)

  /// "a" or "an", as the type's name is read: "an `inbound` flow", "a `customer-queue` flow".
  public var article: String { "aeiou".contains(rawValue.prefix(1)) ? "an" : "a" }
  static let contact: Set<FlowType> = [.inbound, .customerQueue, .outbound, .transferToQueue, .agentTransfer, .module]
  /// The flows that play to someone and then return to what ran them.
  static let returning: Set<FlowType> = [
    .customerQueue, .agentWhisper, .outboundWhisper, .transferToQueue, .customerHold, .agentHold, .customerWhisper,
    .agentTransfer, .disconnect, .module,
  ]
}
