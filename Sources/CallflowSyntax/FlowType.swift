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

  /// One line for the reference documentation.
  public var summary: String {
    switch self {
    case .inbound: "a contact flow, entered from a phone number; callback creation flows are of this type"
    case .customerQueue: "runs while a contact waits in a queue (in-queue flow)"
    case .outbound: "the dialed leg of a customer-first callback (C3)"
    case .agentWhisper: "played to the agent before the customer is joined"
    case .outboundWhisper: "played to the customer on pick-up before the agent"
    case .transferToQueue: "a quick-connect transfer to a queue"
    }
  }

  static let all = Set(allCases)

  /// "a" or "an", as the type's name is read: "an `inbound` flow", "a `customer-queue` flow".
  public var article: String { "aeiou".contains(rawValue.prefix(1)) ? "an" : "a" }
  static let contact: Set<FlowType> = [.inbound, .customerQueue, .outbound, .transferToQueue]
}
