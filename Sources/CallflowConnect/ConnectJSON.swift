import CallflowDiagnostics

/// A JSON value to write: objects keep their members' order, numbers their literal text.
/// Two values are equal when they mean the same JSON (members in any order).
public enum ConnectJSON: Sendable, Equatable {
  case object([(String, ConnectJSON)])
  case array([ConnectJSON])
  case string(String)
  case number(String)
  case bool(Bool)
  case null

  public static func == (a: ConnectJSON, b: ConnectJSON) -> Bool {
    switch (a, b) {
    case (.object(let x), .object(let y)):
      guard x.count == y.count else { return false }
      // Actions have a handful of members: a scan beats hashing them; in the same order, each
      // is found at once.
      if x.count <= 16 {
        for (i, (k, v)) in x.enumerated() {
          if y[i].0 == k {
            guard y[i].1 == v else { return false }
          } else {
            guard let other = y.first(where: { $0.0 == k }), other.1 == v else { return false }
          }
        }
        return true
      }
      var byKey: [String: ConnectJSON] = [:]
      for (k, v) in y { byKey[k] = v }
      return x.allSatisfy { k, v in byKey[k].map { $0 == v } ?? false }
    case (.array(let x), .array(let y)): return x == y
    case (.string(let x), .string(let y)): return x == y
    case (.number(let x), .number(let y)): return x == y || (Double(x) != nil && Double(x) == Double(y))
    case (.bool(let x), .bool(let y)): return x == y
    case (.null, .null): return true
    default: return false
    }
  }

  /// Whether `node` is this value: the same JSON, members in any order. Compared as read,
  /// without building the node's value.
  public func matches(_ node: JSONNode) -> Bool {
    switch self {
    case .object(let x):
      guard node.isObject, x.count == node.count else { return false }
      for (k, v) in x {
        guard let other = node[k], v.matches(other) else { return false }
      }
      return true
    case .array(let x):
      guard node.tag == .array, x.count == node.count else { return false }
      for (a, b) in zip(x, node.itemSequence) where !a.matches(b) { return false }
      return true
    case .string(let x): return node.isString(x)
    case .number(let x):
      guard node.tag == .number, let y = node.number else { return false }
      return x == y || (Double(x) != nil && Double(x) == Double(y))
    case .bool(let x): return node.tag == (x ? .true : .false)
    case .null: return node.tag == .null
    }
  }

  /// The member `key` of an object.
  public subscript(key: String) -> ConnectJSON? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }

  /// The value read from `node`.
  public init(_ node: JSONNode) {
    switch node.kind {
    case .object(let members): self = .object(members.map { ($0.key.value, ConnectJSON($0.value)) })
    case .array(let items): self = .array(items.map(ConnectJSON.init))
    case .string(let s): self = .string(s)
    case .number(let n): self = .number(n)
    case .bool(let b): self = .bool(b)
    case .null: self = .null
    }
  }

  /// The value as JSON text, indented by two spaces, members in their order.
  public func printed(indent: Int = 0) -> String {
    var out = ""
    write(into: &out, indent: indent)
    return out
  }

  /// The value as JSON text on one line, with no spaces.
  public func compact() -> String {
    var out = ""
    write(into: &out, indent: nil)
    return out
  }

  private func write(into out: inout String, indent: Int?) {
    switch self {
    case .string(let s): Self.quote(s, into: &out)
    case .number(let n): out += n
    case .bool(let b): out += b ? "true" : "false"
    case .null: out += "null"
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "["
      for (k, item) in items.enumerated() {
        if k > 0 { out += "," }
        if let indent { out += "\n" + String(repeating: "  ", count: indent + 1) }
        item.write(into: &out, indent: indent.map { $0 + 1 })
      }
      if let indent { out += "\n" + String(repeating: "  ", count: indent) }
      out += "]"
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      out += "{"
      for (k, (key, value)) in members.enumerated() {
        if k > 0 { out += "," }
        if let indent { out += "\n" + String(repeating: "  ", count: indent + 1) }
        Self.quote(key, into: &out)
        out += indent == nil ? ":" : ": "
        value.write(into: &out, indent: indent.map { $0 + 1 })
      }
      if let indent { out += "\n" + String(repeating: "  ", count: indent) }
      out += "}"
    }
  }

  /// `s` as a JSON string: `"` and `\` escaped, control characters as `\b`, `\f` or `\u00XX`.
  static func quote(_ s: String, into out: inout String) {
    out += Escaping.quoted(s, mark: "\"") { scalar in
      switch scalar {
      case "\u{08}": "\\b"
      case "\u{0C}": "\\f"
      default: scalar.value < 0x20 ? "\\u" + Escaping.hex(scalar.value, width: 4).uppercased() : nil
      }
    }
  }
}
