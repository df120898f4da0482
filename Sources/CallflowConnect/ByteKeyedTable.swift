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

  /// The values, in the order their keys were added.
  private(set) var values: [Value] = []
  private var hashes: [UInt64] = []
  /// The keys' bytes one after another, and where each ends.
  private var keyBytes: [UInt8] = []
  private var keyEnds: [Int] = []
  /// Each slot the place of a key, plus one; zero when empty.
  private var slots: [Int32]
  private var mask: Int
  /// The keys' places once the hash gave up, else nil.
  private var fallback: [[UInt8]: Int]?

  /// A table with room for `capacity` keys before it grows.
  init(capacity: Int = 8, longestProbe: Int = 64) {
    self.longestProbe = longestProbe
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = Array(repeating: 0, count: size)
    mask = size - 1
    values.reserveCapacity(capacity)
    hashes.reserveCapacity(capacity)
    keyEnds.reserveCapacity(capacity)
    keyBytes.reserveCapacity(capacity * 8)
  }

  var count: Int { values.count }

  /// Whether the keys are in a `Dictionary`, the hash given up.
  var hashGivenUp: Bool { fallback != nil }

  /// The value of `key`, if it has one.
  subscript(key: some ByteKey) -> Value? {
    guard let place = key.withKeyBytes({ place(of: $0) }) else { return nil }
    return values[place]
  }

  func contains(_ key: some ByteKey) -> Bool { key.withKeyBytes { place(of: $0) } != nil }

  /// The place in ``values`` of the key whose bytes are `bytes`, if it is there.
  func place(of bytes: UnsafeRawBufferPointer) -> Int? {
    if let fallback { return fallback[Array(bytes)] }
    let hash = Self.hash(bytes)
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = Int(slots[slot])
      if entry == 0 { return nil }
      if hashes[entry - 1] == hash, isKey(entry - 1, bytes) { return entry - 1 }
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
    if fallback != nil {
      let key = Array(bytes)
      if let place = fallback?[key] { return (place, false) }
      fallback?[key] = values.count
      append(bytes, value, hash: 0)
      return (values.count - 1, true)
    }
    let hash = Self.hash(bytes)
    var slot = Int(truncatingIfNeeded: hash) & mask
    var probe = 0
    while true {
      let entry = Int(slots[slot])
      if entry == 0 { break }
      if hashes[entry - 1] == hash, isKey(entry - 1, bytes) { return (entry - 1, false) }
      slot = (slot + 1) & mask
      probe += 1
    }
    append(bytes, value, hash: hash)
    if probe > longestProbe {
      var places: [[UInt8]: Int] = [:]
      for place in values.indices { places[Array(keyBytes[(place == 0 ? 0 : keyEnds[place - 1])..<keyEnds[place]])] = place }
      fallback = places
      return (values.count - 1, true)
    }
    slots[slot] = Int32(truncatingIfNeeded: values.count)
    if values.count * 2 > slots.count { grow() }
    return (values.count - 1, true)
  }

  private func isKey(_ place: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
    let start = place == 0 ? 0 : keyEnds[place - 1]
    guard keyEnds[place] - start == bytes.count else { return false }
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
    return keyBytes.withUnsafeBufferPointer { stored in
      guard let storedBase = stored.baseAddress else { return false }
      return memcmp(storedBase + start, base, bytes.count) == 0
    }
  }

  private mutating func append(_ bytes: UnsafeRawBufferPointer, _ value: Value, hash: UInt64) {
    values.append(value)
    hashes.append(hash)
    keyBytes.append(contentsOf: bytes)
    keyEnds.append(keyBytes.count)
  }

  private mutating func grow() {
    slots = Array(repeating: 0, count: slots.count * 2)
    mask = slots.count - 1
    for (place, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(truncatingIfNeeded: place + 1)
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
