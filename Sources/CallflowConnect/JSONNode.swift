import CallflowDiagnostics

/// A JSON value as read, with the span of its text: numbers keep their literal text and
/// object members their order, so that what is read can be written back as it was.
///
/// A value is a place in a ``JSONTape``, the values of one text laid out flat: reading a
/// file allocates one array for all its values, and freeing it is one free, not one per value.
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

  let tape: JSONTape
  let index: Int

  init(tape: JSONTape, index: Int) {
    self.tape = tape
    self.index = index
  }

  /// A value made in code rather than read: its text is its own.
  public init(_ kind: Kind, at span: SourceSpan, offset: Int = 0) {
    var builder = JSONTape.Builder()
    builder.append(kind, at: span, offset: offset)
    self.init(tape: builder.tape(), index: 0)
  }

  private var entry: JSONTape.Entry { tape.entries[index] }

  /// The value, its members or items made into nodes.
  public var kind: Kind {
    let e = entry
    switch e.tag {
    case .object: return .object(members ?? [])
    case .array: return .array(items ?? [])
    case .string: return .string(tape.text(e))
    case .number: return .number(tape.text(e))
    case .true: return .bool(true)
    case .false: return .bool(false)
    case .null: return .null
    }
  }

  public var span: SourceSpan { entry.span }

  /// Where the value's text starts in the bytes it was read from.
  public var offset: Int { Int(entry.offset) }

  /// Whether this is an object.
  public var isObject: Bool { entry.tag == .object }

  /// The text of an object or array as it was read, or nil for a value made in code.
  var sourceText: UnsafeBufferPointer<UInt8>? {
    let e = entry
    guard e.tag == .object || e.tag == .array, e.end > e.start, Int(e.end) <= tape.readCount else { return nil }
    return UnsafeBufferPointer(rebasing: tape.text[Int(e.start)..<Int(e.end)])
  }

  /// Whether this is `null`.
  public var isNull: Bool { entry.tag == .null }

  /// How many members (of an object) or items (of an array) the value has.
  public var count: Int { Int(entry.count) }

  /// The members, if this is an object.
  public var members: [Member]? {
    guard tag == .object else { return nil }
    var result: [Member] = []
    result.reserveCapacity(count)
    forEachMember { key, value in
      result.append(Member(key: tape.located(key), value: value))
      return true
    }
    return result
  }

  /// The member named `key` of an object (the first, if the key repeats).
  public subscript(key: String) -> JSONNode? {
    guard tag == .object else { return nil }
    var key = key
    return key.withUTF8 { member(named: $0) }
  }

  /// The member named `key` of an object, its name compared off the bytes (the first, if the
  /// key repeats).
  subscript(member key: StaticString) -> JSONNode? {
    member(named: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
  }

  /// The member whose name is the bytes `name`.
  private func member(named name: UnsafeBufferPointer<UInt8>) -> JSONNode? {
    let e = entry
    guard e.tag == .object else { return nil }
    var k = index + 1
    for _ in 0..<e.count {
      if tape.text(at: k, is: name) { return JSONNode(tape: tape, index: k + 1) }
      k = tape.afterMember(k)
    }
    return nil
  }

  /// The first member of an object whose name `refused` holds for, with the span of its name.
  public func firstKey(where refused: (String) -> Bool) -> Located<String>? {
    var found: Located<String>?
    forEachMember { key, _ in
      let name = tape.located(key)
      guard refused(name.value) else { return true }
      found = name
      return false
    }
    return found
  }

  /// The members of an object named `a`, `b`, `c` and `d` (each nil when absent), and the
  /// first member named none of them, in one walk over the members.
  func members(
    _ a: StaticString, _ b: StaticString, _ c: StaticString? = nil, _ d: StaticString? = nil
  ) -> (JSONNode?, JSONNode?, JSONNode?, JSONNode?, unknown: Located<String>?) {
    func bytes(_ key: StaticString) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount) }
    // The places of the values found, made into nodes at the end (a node holds the tape).
    var found: (Int, Int, Int, Int) = (0, 0, 0, 0)
    var unknown: Located<String>?
    let e = entry
    if e.tag == .object {
      var k = index + 1
      for _ in 0..<e.count {
        if tape.text(at: k, is: bytes(a)) {
          found.0 = k + 1
        } else if tape.text(at: k, is: bytes(b)) {
          found.1 = k + 1
        } else if let c, tape.text(at: k, is: bytes(c)) {
          found.2 = k + 1
        } else if let d, tape.text(at: k, is: bytes(d)) {
          found.3 = k + 1
        } else if unknown == nil {
          unknown = tape.located(k)
        }
        k = tape.afterMember(k)
      }
    }
    func node(_ place: Int) -> JSONNode? { place == 0 ? nil : JSONNode(tape: tape, index: place) }
    return (node(found.0), node(found.1), node(found.2), node(found.3), unknown)
  }

  /// The text, if this is a string.
  public var string: String? {
    let e = entry
    guard e.tag == .string else { return nil }
    return tape.text(e)
  }

  /// The literal text, if this is a number.
  public var number: String? {
    let e = entry
    guard e.tag == .number else { return nil }
    return tape.text(e)
  }

  /// Whether this is the string `text`, compared off its bytes.
  public func isString(_ text: String) -> Bool {
    entry.tag == .string && tape.text(at: index, is: text)
  }

  /// The items of an array (none for another value), one after another without an array
  /// made of them.
  public var itemSequence: Items { Items(tape: tape, position: index + 1, remaining: entry.tag == .array ? Int(entry.count) : 0) }

  /// The items of an array, in order.
  public struct Items: Sequence, IteratorProtocol, Sendable {
    let tape: JSONTape?
    var position: Int
    var remaining: Int

    /// No items.
    static let none = Items(tape: nil, position: 0, remaining: 0)

    public mutating func next() -> JSONNode? {
      guard remaining > 0, let tape else { return nil }
      remaining -= 1
      let node = JSONNode(tape: tape, index: position)
      position += Int(tape.entries[position].size)
      return node
    }
  }

  /// The members of an object (none for another value), one after another without an array
  /// made of them: each its name's entry and its value.
  func forEachMember(_ body: (_ key: Int, _ value: JSONNode) -> Bool) {
    let e = entry
    guard e.tag == .object else { return }
    var k = index + 1
    for _ in 0..<e.count {
      guard body(k, JSONNode(tape: tape, index: k + 1)) else { return }
      k = tape.afterMember(k)
    }
  }

  /// The kind of value, without its contents.
  var tag: JSONTape.Entry.Tag { entry.tag }

  /// The items, if this is an array.
  public var items: [JSONNode]? {
    guard tag == .array else { return nil }
    var result: [JSONNode] = []
    result.reserveCapacity(count)
    result.append(contentsOf: itemSequence)
    return result
  }

  /// A word for the kind of value, for messages.
  public var kindDescription: String {
    switch entry.tag {
    case .object: "an object"
    case .array: "an array"
    case .string: "a string"
    case .number: "a number"
    case .true, .false: "a boolean"
    case .null: "null"
    }
  }
}

/// The values of one JSON text, flat and in the order they are written: a container is
/// followed by its members (each a key, then its value) or items. Immutable once made; its
/// storage is its own, read without reference counting or bounds checks on the way, the
/// indices being the tape's own.
final class JSONTape: @unchecked Sendable {
  struct Entry: Sendable {
    enum Tag: UInt8, Sendable {
      case object, array, string, number, `true`, `false`, null
    }

    var tag: Tag
    /// Whether the text (of a string, number or key) was decoded or made in code, rather than
    /// being the bytes read (builders only: a tape holds both in one buffer).
    var ownText: Bool
    /// Members or items, for a container.
    var count: Int32
    /// How many entries the value takes: itself and everything inside it.
    var size: Int32
    /// Where the value's text starts in the bytes read.
    var offset: Int32
    /// The text of a string (between its quotes) or number.
    var start: Int32
    var end: Int32
    var span: SourceSpan
  }

  /// The entries.
  let entries: UnsafeMutableBufferPointer<Entry>
  /// The memory of the entries.
  private let store: EntryStore
  /// How many bytes of ``text`` are the text read (none for values made in code).
  let readCount: Int
  /// The bytes read, followed by the texts decoded or made in code.
  let text: UnsafeMutableBufferPointer<UInt8>

  /// A tape of the entries of `store`, which it takes, whose texts are in `bytes` or, for
  /// those marked as their own, in `texts`.
  init(bytes: [UInt8], texts: [UInt8], store: EntryStore) {
    let text = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count + texts.count)
    _ = text.initialize(from: bytes)
    _ = UnsafeMutableBufferPointer(rebasing: text[bytes.count...]).initialize(from: texts)
    let entries = UnsafeMutableBufferPointer(start: store.base, count: store.count)
    if !texts.isEmpty {
      let shift = Int32(truncatingIfNeeded: bytes.count)
      for k in entries.indices where entries[k].ownText {
        entries[k].start += shift
        entries[k].end += shift
        entries[k].ownText = false
      }
    }
    self.text = text
    self.entries = entries
    self.store = store
    readCount = bytes.count
  }

  deinit {
    text.deallocate()
  }

  /// Entries in memory of their own, grown by doubling, which a tape takes as they are.
  final class EntryStore: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<Entry>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
      assert(_isPOD(Entry.self), "entries are freed without being deinitialized")
      self.capacity = max(capacity, 16)
      base = .allocate(capacity: self.capacity)
    }

    /// A store of the same entries.
    func copy() -> EntryStore {
      let copy = EntryStore(capacity: count)
      copy.base.initialize(from: base, count: count)
      copy.count = count
      return copy
    }

    // Entries hold no references: their memory is freed without deinitializing them.
    deinit { base.deallocate() }

    func append(_ entry: Entry) {
      if count == capacity {
        let grown = UnsafeMutablePointer<Entry>.allocate(capacity: capacity * 2)
        grown.moveInitialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity *= 2
      }
      (base + count).initialize(to: entry)
      count += 1
    }

    subscript(k: Int) -> Entry {
      get {
        precondition(k >= 0 && k < count)
        return base[k]
      }
      set {
        precondition(k >= 0 && k < count)
        base[k] = newValue
      }
    }
  }

  /// The text of a string, number or key entry.
  func text(_ e: Entry) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: text[Int(e.start)..<Int(e.end)]), as: UTF8.self)
  }

  /// The text of key entry `k`, with its span.
  func located(_ k: Int) -> Located<String> {
    let e = entries[k]
    return Located(text(e), at: e.span)
  }

  /// Whether the text of entry `k` is `text`.
  func text(at k: Int, is text: String) -> Bool {
    var wanted = text
    return wanted.withUTF8 { self.text(at: k, is: $0) }
  }

  /// Whether the text of entry `k` is the bytes `wanted`.
  func text(at k: Int, is wanted: UnsafeBufferPointer<UInt8>) -> Bool {
    let e = entries[k]
    let n = wanted.count
    guard Int(e.end - e.start) == n else { return false }
    // The names flow language has are 8 to 16 bytes long, most of them: two words each, the
    // second ending where the name ends.
    if n >= 8, n <= 16, let base = text.baseAddress, let other = wanted.baseAddress {
      let mine = UnsafeRawPointer(base + Int(e.start))
      let theirs = UnsafeRawPointer(other)
      return mine.loadUnaligned(as: UInt64.self) == theirs.loadUnaligned(as: UInt64.self)
        && mine.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == theirs.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
    }
    var i = Int(e.start)
    for b in wanted {
      guard text[i] == b else { return false }
      i += 1
    }
    return true
  }

  /// Calls `body` with the bytes of the text of entry `k` (a string, number or key).
  func withText<R>(at k: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
    let e = entries[k]
    return body(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: text[Int(e.start)..<Int(e.end)])))
  }

  /// The entry after the member whose key is entry `k`.
  func afterMember(_ k: Int) -> Int { k + 1 + Int(entries[k + 1].size) }

  /// Lays out values as a tape.
  struct Builder {
    var texts: [UInt8] = []
    var entries: EntryStore

    /// A builder with room for `capacity` entries.
    init(capacity: Int = 16) {
      entries = EntryStore(capacity: capacity)
    }

    /// The tape of the values appended, made in code (no bytes were read).
    func tape() -> JSONTape { JSONTape(bytes: [], texts: texts, store: entries.copy()) }

    /// The text of entry `k`, whose bytes not its own are in `bytes`.
    func text(_ k: Int, bytes: [UInt8]) -> String {
      let e = entries[k]
      return String(decoding: (e.ownText ? texts : bytes)[Int(e.start)..<Int(e.end)], as: UTF8.self)
    }

    /// Calls `body` with the bytes of the text of entry `k`, whose bytes not its own are in
    /// `bytes`.
    func withText<R>(_ k: Int, bytes: [UInt8], _ body: (UnsafeRawBufferPointer) -> R) -> R {
      let e = entries[k]
      return (e.ownText ? texts : bytes)[Int(e.start)..<Int(e.end)].withUnsafeBytes(body)
    }

    /// Whether entries `a` and `b` have the same text.
    func sameText(_ a: Int, _ b: Int, bytes: [UInt8]) -> Bool {
      let x = entries[a]
      let y = entries[b]
      guard x.end - x.start == y.end - y.start else { return false }
      return (x.ownText ? texts : bytes)[Int(x.start)..<Int(x.end)].elementsEqual((y.ownText ? texts : bytes)[Int(y.start)..<Int(y.end)])
    }

    /// Appends a container entry to be finished by ``close(_:count:end:)``.
    mutating func open(_ tag: Entry.Tag, offset: Int, span: SourceSpan) -> Int {
      entries.append(Entry(tag: tag, ownText: false, count: 0, size: 1, offset: Int32(truncatingIfNeeded: offset), start: 0, end: 0, span: span))
      return entries.count - 1
    }

    /// Finishes the container at `k`: its member or item count and where it ends (`end`,
    /// the offset after it in the bytes read).
    mutating func close(_ k: Int, count: Int, span: SourceSpan, end: Int = 0) {
      entries[k].start = entries[k].offset
      entries[k].end = Int32(truncatingIfNeeded: end)
      entries[k].count = Int32(truncatingIfNeeded: count)
      entries[k].size = Int32(truncatingIfNeeded: entries.count - k)
      entries[k].span = span
    }

    /// Appends a scalar whose text is `start..<end` of the bytes read.
    mutating func scalar(_ tag: Entry.Tag, offset: Int, start: Int, end: Int, span: SourceSpan) {
      entries.append(
        Entry(
          tag: tag, ownText: false, count: 0, size: 1, offset: Int32(truncatingIfNeeded: offset), start: Int32(truncatingIfNeeded: start),
          end: Int32(truncatingIfNeeded: end), span: span))
    }

    /// Appends a scalar whose text is `text` (decoded, or made in code).
    mutating func scalar(_ tag: Entry.Tag, offset: Int, text: some Collection<UInt8>, span: SourceSpan) {
      let start = texts.count
      texts.append(contentsOf: text)
      entries.append(
        Entry(
          tag: tag, ownText: true, count: 0, size: 1, offset: Int32(truncatingIfNeeded: offset), start: Int32(truncatingIfNeeded: start),
          end: Int32(truncatingIfNeeded: texts.count), span: span))
    }

    /// Appends a value made in code.
    mutating func append(_ kind: JSONNode.Kind, at span: SourceSpan, offset: Int) {
      switch kind {
      case .object(let members):
        let k = open(.object, offset: offset, span: span)
        for member in members {
          scalar(.string, offset: 0, text: member.key.value.utf8, span: member.key.span)
          append(copyOf: member.value)
        }
        close(k, count: members.count, span: span)
      case .array(let items):
        let k = open(.array, offset: offset, span: span)
        for item in items { append(copyOf: item) }
        close(k, count: items.count, span: span)
      case .string(let s): scalar(.string, offset: offset, text: s.utf8, span: span)
      case .number(let n): scalar(.number, offset: offset, text: n.utf8, span: span)
      case .bool(let b): scalar(b ? .true : .false, offset: offset, start: 0, end: 0, span: span)
      case .null: scalar(.null, offset: offset, start: 0, end: 0, span: span)
      }
    }

    /// Appends `node` and everything inside it, their texts copied.
    mutating func append(copyOf node: JSONNode) {
      let source = node.tape
      let range = node.index..<(node.index + Int(source.entries[node.index].size))
      for k in range {
        var e = source.entries[k]
        if e.tag == .string || e.tag == .number {
          let start = texts.count
          texts.append(contentsOf: source.text[Int(e.start)..<Int(e.end)])
          e.ownText = true
          e.start = Int32(truncatingIfNeeded: start)
          e.end = Int32(truncatingIfNeeded: texts.count)
        }
        entries.append(e)
      }
    }
  }
}
