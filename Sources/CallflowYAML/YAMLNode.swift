import CallflowDiagnostics

/// How a YAML scalar was written.
public enum YAMLScalarStyle: Hashable, Sendable {
  case plain, singleQuoted, doubleQuoted, literal, folded
}

/// A YAML scalar: its text and how it was written (so `"1"` stays text and `1` a number).
public struct YAMLScalar: Hashable, Sendable {
  public var text: String
  public var style: YAMLScalarStyle

  public init(text: String, style: YAMLScalarStyle) {
    self.text = text
    self.style = style
  }

  /// Whether the scalar is null under the YAML 1.2 core schema (`~`, `null`, or nothing).
  public var isNull: Bool {
    guard style == .plain else { return false }
    var text = text
    return text.withUTF8 { Self.isNull(UnsafeRawBufferPointer($0)) }
  }

  /// Whether a plain scalar of these UTF-8 bytes is null under the YAML 1.2 core schema:
  /// nothing, `~`, `null`, `Null` or `NULL`.
  static func isNull(_ bytes: UnsafeRawBufferPointer) -> Bool {
    switch bytes.count {
    case 0: return true
    case 1: return bytes[0] == UInt8(ascii: "~")
    case 4:
      let word = UInt32(littleEndian: bytes.loadUnaligned(as: UInt32.self))
      // "null", "Null", "NULL", read as little-endian words.
      return word == 0x6C6C_756E || word == 0x6C6C_754E || word == 0x4C4C_554E
    default: return false
    }
  }
}

/// A node of a YAML document with the span it was written at.
public struct YAMLNode: Sendable {
  public enum Content: Sendable {
    case scalar(YAMLScalar)
    case sequence([YAMLNode])
    case mapping([YAMLPair])
  }

  public var content: Content
  public var span: SourceSpan
  /// The explicit tag, resolved by libyaml (`tag:yaml.org,2002:str` for `!!str`), if any.
  public var tag: String?

  public init(_ content: Content, at span: SourceSpan, tag: String? = nil) {
    self.content = content
    self.span = span
    self.tag = tag
  }
}

/// One key and value of a mapping.
public struct YAMLPair: Sendable {
  public var key: YAMLNode
  public var value: YAMLNode

  public init(key: YAMLNode, value: YAMLNode) {
    self.key = key
    self.value = value
  }
}
