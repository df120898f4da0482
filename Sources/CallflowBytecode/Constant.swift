/// The kinds of entry in a module's constant pool, with their tag byte.
public enum ConstantKind: String, CaseIterable, Hashable, Sendable {
  case text
  case integer
  case duration
  case phone
  case attribute
  case word
  case queue
  case flow
  case prompt
  case hours
  case name
  case list

  /// The tag that starts the entry in the pool.
  public var tag: UInt8 {
    switch self {
    case .text: 1
    case .integer: 2
    case .duration: 3
    case .phone: 4
    case .attribute: 5
    case .word: 6
    case .queue: 7
    case .flow: 8
    case .prompt: 9
    case .hours: 10
    case .name: 11
    case .list: 12
    }
  }

  /// What follows the tag.
  public var payload: String {
    switch self {
    case .integer: "signed LEB128"
    case .duration: "unsigned LEB128, seconds"
    case .list: "unsigned LEB128 count, then that many constant indexes, each below this entry's"
    default: "unsigned LEB128 byte count, then that many bytes of UTF-8"
    }
  }

  private static let byTag: [UInt8: ConstantKind] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.tag, $0) })

  /// The kind tagged `tag`, if there is one.
  public static func decode(_ tag: UInt8) -> ConstantKind? { byTag[tag] }
}

/// An entry of the constant pool.
public enum Constant: Hashable, Sendable {
  /// Text of one of the text-like kinds (everything but integers, durations and lists).
  case text(ConstantKind, String)
  case integer(Int)
  /// Seconds.
  case duration(Int)
  /// Indexes of earlier constants.
  case list([Int])

  public var kind: ConstantKind {
    switch self {
    case .text(let kind, _): kind
    case .integer: .integer
    case .duration: .duration
    case .list: .list
    }
  }
}
