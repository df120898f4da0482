import CallflowSyntax

/// A block's arguments by parameter, in the order the module gives them. A block has a
/// handful: looking one up by comparing keys is cheaper than hashing them into a dictionary,
/// which each host call would build and free.
public struct HostArguments: Equatable, Sendable, ExpressibleByDictionaryLiteral {
  /// One argument. A struct, not a tuple: an array of tuples is copied and freed through the
  /// run time's generic tuple code.
  private struct Pair: Sendable {
    var key: ParameterKey
    var value: ArgumentValue
  }

  private var pairs: [Pair]

  public init(dictionaryLiteral elements: (ParameterKey, ArgumentValue)...) {
    pairs = []
    for (key, value) in elements { self[key] = value }
  }

  init(capacity: Int) {
    pairs = []
    pairs.reserveCapacity(capacity)
  }

  /// The argument `key`; setting one replaces it.
  public subscript(key: ParameterKey) -> ArgumentValue? {
    // By index: a pair copied out for its key alone would count references to both parts.
    get {
      for k in pairs.indices where pairs[k].key == key { return pairs[k].value }
      return nil
    }
    set {
      if let i = pairs.firstIndex(where: { $0.key == key }) {
        if let newValue { pairs[i].value = newValue } else { pairs.remove(at: i) }
      } else if let newValue {
        pairs.append(Pair(key: key, value: newValue))
      }
    }
  }

  /// The text of argument `key` (``ArgumentValue/text``), read in place.
  public func text(_ key: ParameterKey) -> String? {
    for k in pairs.indices where pairs[k].key == key {
      // Text, the common case, matched in place: the value is not copied to be read.
      if case .text(let t) = pairs[k].value { return t }
      return pairs[k].value.text
    }
    return nil
  }

  /// Whether argument `key` is a list holding `item`, read in place: a list copied out to be
  /// searched counts a reference to it.
  public func list(_ key: ParameterKey, contains item: String) -> Bool {
    for k in pairs.indices where pairs[k].key == key {
      guard case .list(let items) = pairs[k].value else { return false }
      return items.contains(item)
    }
    return false
  }

  /// The parameters given.
  public var keys: [ParameterKey] { pairs.map(\.key) }

  public var isEmpty: Bool { pairs.isEmpty }

  /// Whether a parameter given satisfies `predicate`.
  public func containsKey(where predicate: (ParameterKey) -> Bool) -> Bool { pairs.contains { predicate($0.key) } }

  public static func == (a: HostArguments, b: HostArguments) -> Bool {
    a.pairs.count == b.pairs.count && a.pairs.allSatisfy { b[$0.key] == $0.value }
  }
}
