import CallflowDiagnostics

/// A JSON value as read, with the span of its text: numbers keep their literal text and
/// object members their order, so that what is read can be written back as it was.
public struct JSONNode: Sendable {
  public enum Kind: Sendable {
    case object([Member])
    case array([JSONNode])
    case string(String)
    /// A number, as written (`5`, `1.50`, `-2e3`).
    case number(String)
    case bool(Bool)
    case null

    /// Whether this is `null`.
    public var isNull: Bool {
      if case .null = self { return true }
      return false
    }
  }

  /// One `"key": value` member of an object.
  public struct Member: Sendable {
    public var key: Located<String>
    public var value: JSONNode

    public init(key: Located<String>, value: JSONNode) {
      self.key = key
      self.value = value
    }
  }

  public var kind: Kind
  public var span: SourceSpan
  /// Where the value's text starts in the bytes it was read from.
  public var offset: Int

  public init(_ kind: Kind, at span: SourceSpan, offset: Int = 0) {
    self.kind = kind
    self.span = span
    self.offset = offset
  }

  /// The members, if this is an object.
  public var members: [Member]? {
    if case .object(let members) = kind { return members }
    return nil
  }

  /// The member named `key` of an object (the first, if the key repeats).
  public subscript(key: String) -> JSONNode? {
    guard case .object(let members) = kind else { return nil }
    return members.first { $0.key.value == key }?.value
  }

  /// The text, if this is a string.
  public var string: String? {
    if case .string(let s) = kind { return s }
    return nil
  }

  /// The items, if this is an array.
  public var items: [JSONNode]? {
    if case .array(let items) = kind { return items }
    return nil
  }

  /// A word for the kind of value, for messages.
  public var kindDescription: String {
    switch kind {
    case .object: "an object"
    case .array: "an array"
    case .string: "a string"
    case .number: "a number"
    case .bool: "a boolean"
    case .null: "null"
    }
  }
}
