import CallflowDiagnostics

/// The attribute namespace a flow can read: what the platform provides and what blocks write.
public enum AttributeCatalog {
  /// What may follow a root segment.
  public enum Shape: Sendable {
    /// Nothing: the root is the whole reference (`$.StoredCustomerInput`).
    case leaf
    /// One of these fields (`$.CustomerEndpoint.Address`).
    case fields([String])
    /// Any one name (`$.Attributes.<name>`).
    case named
    /// Any path of one name or more (`$.External.customer.tier`): what an Amazon Connect
    /// Lambda function, Lex bot or view returns.
    case path
  }

  /// Where an attribute's value comes from, which decides whether it can be unset.
  public enum Provenance: Sendable {
    /// The platform sets it on every contact.
    case platform
    /// A block of the flow writes it; it lives while this flow runs (`$.StoredCustomerInput`).
    case flow
    /// A block writes it, and it stays with the contact into the flows that run after
    /// (`$.Attributes.*`, `$.Customer.*`).
    case contact
  }

  /// One attribute root of the namespace.
  public struct Root: Sendable {
    public let name: String
    public let shape: Shape
    public let provenance: Provenance
    public let summary: String
  }

  /// The roots, in documentation order, with what follows them and what they hold.
  public static let roots: [Root] = [
    Root(name: "StoredCustomerInput", shape: .leaf, provenance: .flow, summary: "the value the last `store-input` collected"),
    Root(name: "CustomerEndpoint", shape: .fields(["Address", "Type"]), provenance: .platform, summary: "the caller's number (may be withheld)"),
    Root(name: "SystemEndpoint", shape: .fields(["Address", "Type"]), provenance: .platform, summary: "the number the caller dialled"),
    Root(name: "Attributes", shape: .named, provenance: .contact, summary: "user attributes written by `set-attributes`"),
    Root(name: "Metrics", shape: .fields(metricFields), provenance: .flow, summary: "queue metrics written by `get-queue-metrics`"),
    Root(name: "Customer", shape: .named, provenance: .contact, summary: "profile fields written by `customer-profile-lookup` on its `next` branch"),
    Root(
      name: "Queue", shape: .fields(["Name", "ARN", "OutboundCallerId"]), provenance: .platform,
      summary: "the contact's current queue: its name, ARN and outbound caller ID (`OutboundCallerId.Address`, `.Type`)"),
    Root(name: "Channel", shape: .leaf, provenance: .platform, summary: "VOICE, CHAT, TASK or EMAIL"),
    Root(name: "InitiationMethod", shape: .leaf, provenance: .platform, summary: "INBOUND, CALLBACK, OUTBOUND, TRANSFER, ..."),
    Root(name: "ContactId", shape: .leaf, provenance: .platform, summary: "this contact's id"),
    Root(name: "InitialContactId", shape: .leaf, provenance: .platform, summary: "the id of the first contact in this chain"),
    Root(name: "PreviousContactId", shape: .leaf, provenance: .platform, summary: "the id of the contact this one was transferred from"),
    Root(name: "CustomerId", shape: .leaf, provenance: .platform, summary: "the customer's id, when one is known (Amazon Connect)"),
    Root(name: "InstanceARN", shape: .leaf, provenance: .platform, summary: "the ARN of the Amazon Connect instance"),
    Root(name: "TextToSpeechVoiceId", shape: .leaf, provenance: .platform, summary: "the voice prompts are spoken in (Amazon Connect)"),
    // Amazon Connect's namespaces that blocks Callflow keeps as `connect-action` write.
    Root(name: "External", shape: .path, provenance: .platform, summary: "what the last Lambda function returned (Amazon Connect)"),
    Root(name: "Lex", shape: .path, provenance: .platform, summary: "the last Lex bot's intent, slots and session (Amazon Connect)"),
    Root(name: "FlowAttributes", shape: .named, provenance: .platform, summary: "flow attributes, local to the flow (Amazon Connect)"),
    Root(name: "Views", shape: .path, provenance: .platform, summary: "what the last view returned (Amazon Connect)"),
    Root(name: "MediaStreams", shape: .path, provenance: .platform, summary: "the contact's media streams (Amazon Connect)"),
    Root(name: "Case", shape: .path, provenance: .platform, summary: "the case fields Cases blocks read (Amazon Connect)"),
    Root(name: "Agent", shape: .path, provenance: .platform, summary: "the agent's user name, name and ARN (Amazon Connect)"),
    Root(name: "Tags", shape: .named, provenance: .platform, summary: "the contact's tags (Amazon Connect)"),
    Root(name: "LanguageCode", shape: .leaf, provenance: .platform, summary: "the contact's language (Amazon Connect)"),
    Root(name: "Name", shape: .leaf, provenance: .platform, summary: "the contact's name (Amazon Connect)"),
  ]

  /// The root named `name`. A scan: the names are short, so comparing them is cheaper than
  /// hashing one.
  static func root(named name: String) -> Root? { roots.first { $0.name == name } }

  /// Where the attribute `path` comes from (`platform` for a root not in the catalog).
  public static func provenance(of path: AttributePath) -> Provenance {
    path.segments.first.flatMap { root(named: $0)?.provenance } ?? .platform
  }

  /// Whether a block that writes `pattern` (an exact path, or a root ending in `.*`) sets `path`.
  public static func pattern(_ pattern: String, covers path: String) -> Bool {
    if pattern.hasSuffix(".*") { return path.hasPrefix(pattern.dropLast()) }
    return pattern == path
  }

  /// The value `store-input` collects.
  public static let storedInput = "$.StoredCustomerInput"
  /// The caller's own number.
  public static let callerAddress = "$.CustomerEndpoint.Address"
  /// The number the caller dialled.
  public static let dialledAddress = "$.SystemEndpoint.Address"

  /// The fields `get-queue-metrics` writes under `$.Metrics`.
  public static let metricFields = [
    "PositionInQueue", "ContactsInQueue", "OldestContactAge", "AgentsAvailable", "AgentsOnline",
  ]

  /// Why `path` names nothing the platform knows, with the nearest known name, or `nil`.
  static func problem(with path: AttributePath) -> ValueError? {
    guard let rootName = path.segments.first else {
      return ValueError("`$.` must be followed by an attribute name")
    }
    guard let shape = root(named: rootName)?.shape else {
      let hint = Suggestions.nearest(to: rootName, in: roots.map(\.name)).map { "; did you mean `$.\($0)`?" } ?? ""
      return ValueError("`$.\(rootName)` is not an attribute the platform provides\(hint)")
    }
    let rest = path.segments.dropFirst()
    switch shape {
    case .leaf:
      if !rest.isEmpty { return ValueError("`$.\(rootName)` has no fields") }
    case .named:
      if rest.count != 1 { return ValueError("write `$.\(rootName).<name>`, with exactly one name") }
    case .path:
      if rest.isEmpty { return ValueError("write `$.\(rootName).<name>`, with a name after it") }
    case .fields(let fields):
      // Amazon Connect's queue metrics are paths: `$.Metrics.Queue.Size`, `$.Metrics.Agents.Online.Count`.
      if rootName == "Metrics", rest.count > 1, let first = rest.first, ["Queue", "Agents"].contains(first) { return nil }
      // The queue's outbound caller ID: `$.Queue.OutboundCallerId.Address` (and `.Type`).
      if rootName == "Queue", rest.count == 2, rest.first == "OutboundCallerId", let field = rest.last, ["Address", "Type"].contains(field) { return nil }
      guard rest.count == 1, let field = rest.first else {
        return ValueError("write `$.\(rootName).<field>`, one of \(Suggestions.list(fields, conjunction: "or"))")
      }
      if !fields.contains(field) {
        let hint = Suggestions.nearest(to: field, in: fields).map { "; did you mean `\($0)`?" } ?? ""
        return ValueError("`\(field)` is not a field of `$.\(rootName)`\(hint)")
      }
    }
    return nil
  }
}
