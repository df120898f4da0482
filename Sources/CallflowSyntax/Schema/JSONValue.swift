import CallflowDiagnostics

/// A JSON value with object keys kept in the order they were given, printed with two-space
/// indentation: deterministic output for generated files.
public indirect enum JSONValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral {
  case string(String)
  case number(Int)
  /// A number with a fraction, printed to at most two decimals.
  case decimal(Double)
  case bool(Bool)
  case null
  case array([JSONValue])
  case object([(String, JSONValue)])

  public init(stringLiteral value: String) { self = .string(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }

  public static func == (a: JSONValue, b: JSONValue) -> Bool { a.printed() == b.printed() }

  /// The value as JSON text.
  public func printed(indent: Int = 0) -> String {
    let pad = String(repeating: "  ", count: indent)
    switch self {
    case .string(let s): return Self.quote(s)
    case .number(let n): return String(n)
    case .decimal(let x):
      guard x.isFinite else { return "null" }
      let rounded = (x * 100).rounded() / 100
      return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    case .array(let items):
      if items.isEmpty { return "[]" }
      if items.allSatisfy({ if case .string = $0 { true } else { false } }) {
        return "[" + items.map { $0.printed() }.joined(separator: ", ") + "]"
      }
      return "[\n" + items.map { pad + "  " + $0.printed(indent: indent + 1) }.joined(separator: ",\n") + "\n" + pad + "]"
    case .object(let fields):
      if fields.isEmpty { return "{}" }
      return "{\n"
        + fields.map { pad + "  " + Self.quote($0.0) + ": " + $0.1.printed(indent: indent + 1) }.joined(separator: ",\n")
        + "\n" + pad + "}"
    }
  }

  static func quote(_ s: String) -> String {
    var writer = JSONWriter()
    writer.string(s)
    return writer.output
  }
}
