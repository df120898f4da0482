/// A contact's attributes by reference (`$.Attributes.tier`, `$.StoredCustomerInput`), each
/// name with its value.
///
/// A contact has a handful, so they are kept as pairs in the order their names were first
/// set and looked up by comparing names, which costs less than hashing them; copying and
/// freeing a contact's attributes cost less than a dictionary's too. Two names are one when
/// their UTF-8 lengths are equal and so are they as `String`s: byte for byte for names in
/// ASCII, as every name of the catalog is; a name written with other code points of another
/// length (`é` as one code point, or as `e` and an accent) is another name, as keys are in
/// YAML and JSON. Two sets of attributes are equal when they hold the same names with the
/// same values, in any order. Coded as a JSON object of names and values.
public struct Attributes: Equatable, Sendable, ExpressibleByDictionaryLiteral, Sequence, CustomStringConvertible {
  /// One attribute: its name (as a dictionary's key) and its value. A struct, not a tuple:
  /// an array of tuples is copied and freed through the run time's generic tuple code.
  public struct Element: Equatable, Sendable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
      self.key = key
      self.value = value
    }
  }

  private var pairs: [Element]

  /// No attributes.
  public init() { pairs = [] }

  /// The attributes of `dictionary`, in the order of their names.
  public init(_ dictionary: [String: String]) {
    pairs = dictionary.sorted { $0.key < $1.key }.map { Element(key: $0.key, value: $0.value) }
  }

  /// Each of `names`, which differ, with its value: `value(k)` for the `k`th name, in that
  /// order. Made at once, with no name compared.
  public init(distinctNames names: [String], values value: (Int) -> String) {
    pairs = []
    replaceAll(distinctNames: names, values: value)
  }

  /// Replaces every attribute with each of `names`, which differ, with its value, as
  /// ``init(distinctNames:values:)`` makes them, in the storage these attributes had.
  public mutating func replaceAll(distinctNames names: [String], values value: (Int) -> String) {
    assert(Set(names).count == names.count, "the names of attributes made at once differ")
    removeAll(keepingCapacity: true)
    pairs.reserveCapacity(names.count)
    for k in names.indices { pairs.append(Element(key: names[k], value: value(k))) }
  }

  /// Removes every attribute, keeping the storage when asked.
  public mutating func removeAll(keepingCapacity keep: Bool = false) {
    guard keep else {
      pairs = []
      return
    }
    // One by one from the end: `removeAll(keepingCapacity:)` went through the generic
    // `replaceSubrange`, which cost more than the handful of attributes a contact has.
    while pairs.popLast() != nil {}
  }

  /// Replaces every attribute with those of `other`, in the storage these attributes had.
  public mutating func replaceAll(with other: Attributes) {
    removeAll(keepingCapacity: true)
    pairs.reserveCapacity(other.pairs.count)
    // One by one: `append(contentsOf:)` went through the generic `replaceSubrange`.
    for k in other.pairs.indices { pairs.append(other.pairs[k]) }
  }

  /// Each name set to its value in turn: a name given twice keeps its last value.
  public init(dictionaryLiteral elements: (String, String)...) {
    pairs = []
    pairs.reserveCapacity(elements.count)
    for (key, value) in elements { self[key] = value }
  }

  /// The value of attribute `key`; setting `nil` removes it.
  public subscript(key: String) -> String? {
    get {
      // By index: a pair copied out for its name alone would count references to both parts.
      guard let k = position(of: key) else { return nil }
      return pairs[k].value
    }
    set {
      if let k = position(of: key) {
        if let newValue { pairs[k].value = newValue } else { pairs.remove(at: k) }
      } else if let newValue {
        pairs.append(Element(key: key, value: newValue))
      }
    }
  }

  /// Sets each of `writes` in turn, as ``subscript(_:)`` would. A host writes the same names
  /// in the same order again and again (a queue's metrics every few minutes), so each name is
  /// first compared with the one after the last found, then looked for.
  public mutating func merge(_ writes: Attributes) {
    var next = 0
    for k in writes.pairs.indices {
      let key = writes.pairs[k].key
      if next < pairs.count, isNamed(next, key, length: key.utf8.count) {
        pairs[next].value = writes.pairs[k].value
      } else if let found = position(of: key) {
        pairs[found].value = writes.pairs[k].value
        next = found
      } else {
        pairs.append(writes.pairs[k])
        next = pairs.count - 1
      }
      next += 1
    }
  }

  /// The first name, in order, that `refused` is true of.
  func firstName(where refused: (String) -> Bool) -> String? {
    for k in pairs.indices where refused(pairs[k].key) { return pairs[k].key }
    return nil
  }

  /// The position of attribute `key`. Names of other lengths (most of those held) are told
  /// apart without comparing their bytes.
  private func position(of key: String) -> Int? {
    let length = key.utf8.count
    for k in pairs.indices where isNamed(k, key, length: length) { return k }
    return nil
  }

  /// Whether the pair at `k` is named `key`, whose UTF-8 is `length` bytes long: a name of
  /// another length is told apart without comparing its bytes.
  private func isNamed(_ k: Int, _ key: String, length: Int) -> Bool {
    pairs[k].key.utf8.count == length && pairs[k].key == key
  }

  /// The attribute at `position`, in the order names were first set.
  public subscript(position position: Int) -> Element { pairs[position] }

  /// Sets the value of the attribute at `position` (``subscript(position:)``), keeping its name.
  public mutating func setValue(_ value: String, atPosition position: Int) { pairs[position].value = value }

  public var count: Int { pairs.count }
  public var isEmpty: Bool { pairs.isEmpty }
  /// The names, in the order they were first set.
  public var keys: [String] { pairs.map(\.key) }
  /// The attributes as a dictionary.
  public var dictionary: [String: String] { Dictionary(pairs.lazy.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }) }

  /// Makes room for `count` attributes at once.
  public mutating func reserveCapacity(_ count: Int) { pairs.reserveCapacity(count) }

  public func makeIterator() -> IndexingIterator<[Element]> { pairs.makeIterator() }

  public static func == (a: Attributes, b: Attributes) -> Bool {
    a.pairs.count == b.pairs.count && a.pairs.allSatisfy { b[$0.key] == $0.value }
  }

  /// As a dictionary literal, in the order of the names: `["$.Attributes.tier": "gold"]`.
  public var description: String {
    guard !pairs.isEmpty else { return "[:]" }
    return "[" + pairs.sorted { $0.key < $1.key }.map { "\($0.key.debugDescription): \($0.value.debugDescription)" }.joined(separator: ", ") + "]"
  }
}

extension Attributes: Codable {
  public init(from decoder: any Decoder) throws {
    self.init(try [String: String](from: decoder))
  }

  public func encode(to encoder: any Encoder) throws {
    try dictionary.encode(to: encoder)
  }
}
