/// The keys of one mapping, found by a fingerprint of their text: a table of item indexes with
/// open addressing, reused from mapping to mapping. For mappings too large to search linearly
/// for a key given twice (a flow's blocks), without hashing each key with `Hasher`.
struct KeyTable: Sendable {
  private var slots: [Slot] = []
  private var mask = 0

  private struct Slot: Sendable {
    var fingerprint: UInt64
    var index: Int
  }

  /// Empties the table and sizes it for `count` keys.
  mutating func reset(for count: Int) {
    var size = 16
    while size < 2 * count { size *= 2 }
    if slots.count == size {
      for i in slots.indices { slots[i].fingerprint = 0 }
    } else {
      slots = Array(repeating: Slot(fingerprint: 0, index: 0), count: size)
    }
    mask = size - 1
  }

  /// The index of the key with this text found before, or `nil` after recording it at `index`.
  /// `textAt` gives the text of a key recorded before, by its index.
  mutating func insert(_ text: String, at index: Int, textAt: (Int) -> String?) -> Int? {
    let fingerprint = Self.fingerprint(text)
    var slot = Int(truncatingIfNeeded: fingerprint >> 7) & mask
    while slots[slot].fingerprint != 0 {
      if slots[slot].fingerprint == fingerprint, textAt(slots[slot].index) == text { return slots[slot].index }
      slot = (slot + 1) & mask
    }
    slots[slot] = Slot(fingerprint: fingerprint, index: index)
    return nil
  }

  /// Where each process starts its fingerprints, drawn at random as `Hasher` draws its seed:
  /// a file's keys cannot be chosen to share one fingerprint (FNV-1a's collisions depend on
  /// the state it starts from) and turn the table into a list.
  private static let seed = UInt64.random(in: .min ... .max)

  /// A text's 64-bit FNV-1a hash from the process's seed, with its lowest bit set (0 marks an
  /// empty slot).
  static func fingerprint(_ text: String) -> UInt64 {
    var text = text
    return text.withUTF8 { bytes in
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
      for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
      return hash | 1
    }
  }
}
