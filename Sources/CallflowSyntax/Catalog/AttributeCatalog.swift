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
  }

  /// The roots, in documentation order, with what follows them and what they hold.
  public static let roots: [(name: String, shape: Shape, summary: String)] = [
    ("StoredCustomerInput", .leaf, "the value the last `store-input` collected"),
    ("CustomerEndpoint", .fields(["Address"]), "the caller's number (may be withheld)"),
    ("SystemEndpoint", .fields(["Address"]), "the number the caller dialled"),
    ("Attributes", .named, "user attributes written by `set-attributes`"),
    ("Metrics", .fields(metricFields), "queue metrics written by `get-queue-metrics`"),
    ("Customer", .named, "profile fields written by `customer-profile-lookup`"),
    ("Queue", .fields(["Name"]), "the contact's current queue"),
    ("Channel", .leaf, "VOICE, CHAT, TASK or EMAIL"),
    ("InitiationMethod", .leaf, "INBOUND, CALLBACK, OUTBOUND, TRANSFER, ..."),
    ("ContactId", .leaf, "this contact's id"),
    ("InitialContactId", .leaf, "the id of the first contact in this chain"),
  ]

  private static let shapes: [String: Shape] = Dictionary(uniqueKeysWithValues: roots.map { ($0.name, $0.shape) })

  /// The fields `get-queue-metrics` writes under `$.Metrics`.
  public static let metricFields = [
    "PositionInQueue", "ContactsInQueue", "OldestContactAge", "AgentsAvailable", "AgentsOnline",
  ]

  /// Why `path` names nothing the platform knows, with the nearest known name, or `nil`.
  static func problem(with path: AttributePath) -> ValueError? {
    guard let rootName = path.segments.first else {
      return ValueError("`$.` must be followed by an attribute name")
    }
    guard let shape = shapes[rootName] else {
      let hint = Suggestions.nearest(to: rootName, in: roots.map(\.name)).map { "; did you mean `$.\($0)`?" } ?? ""
      return ValueError("`$.\(rootName)` is not an attribute the platform provides\(hint)")
    }
    let rest = path.segments.dropFirst()
    switch shape {
    case .leaf:
      if !rest.isEmpty { return ValueError("`$.\(rootName)` has no fields") }
    case .named:
      if rest.count != 1 { return ValueError("write `$.\(rootName).<name>`, with exactly one name") }
    case .fields(let fields):
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
