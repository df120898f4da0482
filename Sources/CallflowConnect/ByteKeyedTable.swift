#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A key a ``ByteKeyedTable`` finds by its bytes: keys with the same bytes are the same key.
protocol ByteKey {
  /// Calls `body` with the key's bytes.
  func withKeyBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R
}

extension String: ByteKey {
  /// The UTF-8 bytes: strings are the same key when they are the same code points, as JSON
  /// compares them (not when they are only canonically equivalent, as `==` has it).
  func withKeyBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
    if let result = utf8.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) { return result }
    return ContiguousArray(utf8).withUnsafeBytes(body)
  }
}

/// Values by key, each key found by a hash of its bytes that costs a few instructions a word
/// (a `Dictionary` hashes with SipHash, several times that for the short identifiers and
/// names of a flow). Nothing is listed in hash order, so no result depends on the hash.
///
/// The hash is not keyed: keys made to collide could make one probe sequence long. A table
/// whose probe sequence grows past ``longestProbe`` moves its keys into a `Dictionary`, so a
/// hostile file costs what it would cost there.
struct ByteKeyedTable<Value> {
  /// The longest run of slots an insertion may look at before the table gives up its hash
  /// (64, far beyond what keys that do not collide on purpose come to at half load).
  let longestProbe: Int

  /// The keys, values and slots, in memory of their own behind one reference: a copy of the
  /// table (a lookup's closure takes one) counts one reference, not one for each array. Copied
  /// when a table that shares it is changed.
  private var storage: Storage

  /// A table with room for `capacity` keys before it grows.
  init(capacity: Int = 8, longestProbe: Int = 64) {
    self.longestProbe = longestProbe
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    storage = Storage(capacity: max(capacity, 1), keyByteCapacity: max(capacity, 1) * 8, slotCount: size)
  }

  /// The values, in the order their keys were added.
  var values: [Value] {
    let table = storage.table
    return Array(UnsafeBufferPointer(start: table.pointee.values, count: table.pointee.count))
  }

  /// The value at `place` of ``values``.
  func value(at place: Int) -> Value {
    let table = storage.table
    precondition(place >= 0 && place < table.pointee.count, "a place the table does not have")
    return table.pointee.values[place]
  }

  var count: Int { storage.table.pointee.count }

  /// Whether the keys are in a `Dictionary`, the hash given up.
  var hashGivenUp: Bool { storage.table.pointee.fallback != nil }

  /// The value of `key`, if it has one.
  @inline(__always)
  subscript(key: some ByteKey) -> Value? {
    guard let place = key.withKeyBytes({ place(of: $0) }) else { return nil }
    return storage.table.pointee.values[place]
  }

  @inline(__always)
  func contains(_ key: some ByteKey) -> Bool { key.withKeyBytes { place(of: $0) } != nil }

  /// The place in ``values`` of the key whose bytes are `bytes`, if it is there.
  func place(of bytes: UnsafeRawBufferPointer) -> Int? {
    let table = storage.table
    if let fallback = table.pointee.fallback { return fallback[Array(bytes)] }
    let hash = Self.hash(bytes)
    let (slots, hashes, mask) = (table.pointee.slots, table.pointee.hashes, table.pointee.mask)
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = Int(slots[slot])
      if entry == 0 { return nil }
      if hashes[entry - 1] == hash, Self.isKey(entry - 1, bytes, in: table) { return entry - 1 }
      slot = (slot + 1) & mask
    }
  }

  /// Gives `key` the value `value` unless it has one; returns the place of the key's value
  /// and whether it was added.
  @discardableResult
  mutating func add(_ key: some ByteKey, _ value: Value) -> (place: Int, added: Bool) {
    key.withKeyBytes { add(bytes: $0, value) }
  }

  /// ``add(_:_:)`` for the key whose bytes are `bytes`.
  @discardableResult
  mutating func add(bytes: UnsafeRawBufferPointer, _ value: Value) -> (place: Int, added: Bool) {
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    let table = storage.table
    if table.pointee.fallback != nil {
      let key = Array(bytes)
      if let place = table.pointee.fallback?[key] { return (place, false) }
      table.pointee.fallback?[key] = table.pointee.count
      Self.append(bytes, value, hash: 0, to: table)
      return (table.pointee.count - 1, true)
    }
    let hash = Self.hash(bytes)
    var slot = Int(truncatingIfNeeded: hash) & table.pointee.mask
    var probe = 0
    while true {
      let entry = Int(table.pointee.slots[slot])
      if entry == 0 { break }
      if table.pointee.hashes[entry - 1] == hash, Self.isKey(entry - 1, bytes, in: table) { return (entry - 1, false) }
      slot = (slot + 1) & table.pointee.mask
      probe += 1
    }
    Self.append(bytes, value, hash: hash, to: table)
    let count = table.pointee.count
    if probe > longestProbe {
      var places: [[UInt8]: Int] = [:]
      for place in 0..<count { places[Array(Self.keyBytes(place, in: table))] = place }
      table.pointee.fallback = places
      return (count - 1, true)
    }
    table.pointee.slots[slot] = Int32(truncatingIfNeeded: count)
    if count * 2 > table.pointee.slotCount { Self.growSlots(table) }
    return (count - 1, true)
  }

  /// The bytes of the key at `place`.
  private static func keyBytes(_ place: Int, in table: UnsafeMutablePointer<Table>) -> UnsafeRawBufferPointer {
    let start = place == 0 ? 0 : table.pointee.keyEnds[place - 1]
    return UnsafeRawBufferPointer(start: table.pointee.keyBytes + start, count: table.pointee.keyEnds[place] - start)
  }

  private static func isKey(_ place: Int, _ bytes: UnsafeRawBufferPointer, in table: UnsafeMutablePointer<Table>) -> Bool {
    let stored = keyBytes(place, in: table)
    guard stored.count == bytes.count else { return false }
    guard let base = bytes.baseAddress, let storedBase = stored.baseAddress, !bytes.isEmpty else { return true }
    return memcmp(storedBase, base, bytes.count) == 0
  }

  private static func append(_ bytes: UnsafeRawBufferPointer, _ value: Value, hash: UInt64, to table: UnsafeMutablePointer<Table>) {
    if table.pointee.count == table.pointee.capacity { table.pointee.growEntries() }
    if table.pointee.keyByteCount + bytes.count > table.pointee.keyByteCapacity { table.pointee.growKeyBytes(toHold: bytes.count) }
    let count = table.pointee.count
    (table.pointee.values + count).initialize(to: value)
    table.pointee.hashes[count] = hash
    if let base = bytes.baseAddress, !bytes.isEmpty {
      UnsafeMutableRawPointer(table.pointee.keyBytes + table.pointee.keyByteCount).copyMemory(from: base, byteCount: bytes.count)
    }
    table.pointee.keyByteCount += bytes.count
    table.pointee.keyEnds[count] = table.pointee.keyByteCount
    table.pointee.count = count + 1
  }

  private static func growSlots(_ table: UnsafeMutablePointer<Table>) {
    let size = table.pointee.slotCount * 2
    let slots = UnsafeMutablePointer<Int32>.allocate(capacity: size)
    slots.initialize(repeating: 0, count: size)
    let mask = size - 1
    for place in 0..<table.pointee.count {
      var slot = Int(truncatingIfNeeded: table.pointee.hashes[place]) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(truncatingIfNeeded: place + 1)
    }
    table.pointee.slots.deallocate()
    (table.pointee.slots, table.pointee.slotCount, table.pointee.mask) = (slots, size, mask)
  }

  /// The memory of a table: values, hashes and key ends side by side, the keys' bytes one
  /// after another, and the slots (each the place of a key plus one; zero when empty).
  fileprivate struct Table {
    var count = 0
    var capacity: Int
    var values: UnsafeMutablePointer<Value>
    var hashes: UnsafeMutablePointer<UInt64>
    var keyEnds: UnsafeMutablePointer<Int>
    var keyBytes: UnsafeMutablePointer<UInt8>
    var keyByteCount = 0
    var keyByteCapacity: Int
    var slots: UnsafeMutablePointer<Int32>
    var slotCount: Int
    var mask: Int
    /// The keys' places once the hash gave up, else nil.
    var fallback: [[UInt8]: Int]?

    init(capacity: Int, keyByteCapacity: Int, slotCount: Int) {
      self.capacity = capacity
      self.keyByteCapacity = keyByteCapacity
      self.slotCount = slotCount
      mask = slotCount - 1
      values = .allocate(capacity: capacity)
      hashes = .allocate(capacity: capacity)
      keyEnds = .allocate(capacity: capacity)
      keyBytes = .allocate(capacity: keyByteCapacity)
      slots = .allocate(capacity: slotCount)
      slots.initialize(repeating: 0, count: slotCount)
    }

    mutating func growEntries() {
      let bigger = capacity * 2
      let (newValues, newHashes, newEnds) = (UnsafeMutablePointer<Value>.allocate(capacity: bigger), UnsafeMutablePointer<UInt64>.allocate(capacity: bigger), UnsafeMutablePointer<Int>.allocate(capacity: bigger))
      newValues.moveInitialize(from: values, count: count)
      newHashes.update(from: hashes, count: count)
      newEnds.update(from: keyEnds, count: count)
      values.deallocate()
      hashes.deallocate()
      keyEnds.deallocate()
      (values, hashes, keyEnds, capacity) = (newValues, newHashes, newEnds, bigger)
    }

    mutating func growKeyBytes(toHold more: Int) {
      var bigger = keyByteCapacity * 2
      while bigger < keyByteCount + more { bigger *= 2 }
      let newBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
      newBytes.update(from: keyBytes, count: keyByteCount)
      keyBytes.deallocate()
      (keyBytes, keyByteCapacity) = (newBytes, bigger)
    }

    /// Frees the memory, the values deinitialized.
    func free() {
      values.deinitialize(count: count)
      values.deallocate()
      hashes.deallocate()
      keyEnds.deallocate()
      keyBytes.deallocate()
      slots.deallocate()
    }
  }

  /// The owner of a table's memory. Its memory is reached through a constant pointer, so
  /// that reading it takes no exclusivity check and no reference count.
  private final class Storage: @unchecked Sendable {
    let table: UnsafeMutablePointer<Table>

    init(capacity: Int, keyByteCapacity: Int, slotCount: Int) {
      table = .allocate(capacity: 1)
      table.initialize(to: Table(capacity: capacity, keyByteCapacity: keyByteCapacity, slotCount: slotCount))
    }

    /// Storage of its own with the same keys and values.
    func copy() -> Storage {
      let old = table.pointee
      let copy = Storage(capacity: max(old.count, 1), keyByteCapacity: max(old.keyByteCount, 1), slotCount: old.slotCount)
      let new = copy.table
      new.pointee.values.initialize(from: old.values, count: old.count)
      new.pointee.hashes.update(from: old.hashes, count: old.count)
      new.pointee.keyEnds.update(from: old.keyEnds, count: old.count)
      new.pointee.keyBytes.update(from: old.keyBytes, count: old.keyByteCount)
      new.pointee.slots.update(from: old.slots, count: old.slotCount)
      new.pointee.count = old.count
      new.pointee.keyByteCount = old.keyByteCount
      new.pointee.fallback = old.fallback
      return copy
    }

    deinit {
      table.pointee.free()
      table.deinitialize(count: 1)
      table.deallocate()
    }
  }

  /// A hash of `bytes`, eight at a time: each word mixed in by a multiplication, the result
  /// finished so that its low bits depend on every byte.
  static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(truncatingIfNeeded: bytes.count)
    var k = 0
    let n = bytes.count
    while k + 8 <= n {
      h = (h ^ bytes.loadUnaligned(fromByteOffset: k, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
      h ^= h >> 32
      k += 8
    }
    if k < n, let base = bytes.baseAddress {
      // The last one to seven bytes, copied into a word.
      var word: UInt64 = 0
      withUnsafeMutableBytes(of: &word) { $0.baseAddress?.copyMemory(from: base + k, byteCount: n - k) }
      h = (h ^ UInt64(littleEndian: word)) &* 0x9E37_79B9_7F4A_7C15
    }
    h ^= h >> 29
    h = h &* 0xBF58_476D_1CE4_E5B9
    return h ^ (h >> 32)
  }
}

extension ByteKeyedTable: Sendable where Value: Sendable {}
