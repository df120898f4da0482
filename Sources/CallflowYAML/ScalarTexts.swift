/// The texts of a document's short scalars, each made once and then looked up by its bytes.
///
/// A flow repeats its keys (`next`, `prompt`, `timeout`) and its names (block ids, queues)
/// block after block. A text made from bytes is checked as UTF-8 and copied; one looked up
/// here is two words compared. Only texts of up to 15 bytes are kept: Swift stores those in
/// the string itself, so a kept text is handed out with no reference to count, and a slot is
/// replaced or dropped with nothing to release. A slot holds the last text whose bytes hash
/// to it. One reader's, on one thread.
final class ScalarTexts {
  private struct Slot {
    /// The text's bytes as two words (see ``ScalarTexts/words(_:_:)``).
    var words: (UInt64, UInt64)
    /// The text's length in bytes; -1 for a slot never filled.
    var count: Int
    var text: String
  }

  private static let slotCount = 512
  private let slots: UnsafeMutablePointer<Slot>

  init() {
    slots = .allocate(capacity: Self.slotCount)
    slots.initialize(repeating: Slot(words: (0, 0), count: -1, text: ""), count: Self.slotCount)
  }

  deinit {
    // Every text kept is a small string, stored in the slot itself: nothing to release.
    slots.deallocate()
  }

  /// The text of `bytes`, valid UTF-8 (libyaml's).
  @inline(__always)
  func text(_ bytes: UnsafeRawBufferPointer) -> String {
    let count = bytes.count
    guard count <= 15, let base = bytes.baseAddress else { return String(decoding: bytes, as: UTF8.self) }
    let words = Self.words(base, count)
    let mixed = (words.0 ^ (words.1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15
    let slot = slots + (Int(truncatingIfNeeded: mixed >> 55) & (Self.slotCount - 1))
    if slot.pointee.count == count && slot.pointee.words == words { return slot.pointee.text }
    let text = String(decoding: bytes, as: UTF8.self)
    // (Bytes that were not UTF-8 would be repaired into a longer text, not kept in the string.)
    guard text.utf8.count == count else { return text }
    slot.pointee.words = words
    slot.pointee.count = count
    slot.pointee.text = text
    return text
  }

  /// `count` bytes (at most 15) as two words that, with the count, tell them apart from any
  /// other bytes of that count: read in place, the words of 8 bytes or more overlapping, never
  /// past the last byte.
  @inline(__always)
  private static func words(_ base: UnsafeRawPointer, _ count: Int) -> (UInt64, UInt64) {
    switch count {
    case 8...:
      return (base.loadUnaligned(as: UInt64.self), base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
    case 4...:
      return (UInt64(base.loadUnaligned(as: UInt32.self)), UInt64(base.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
    case 1...:
      let first = UInt64(base.load(as: UInt8.self))
      let middle = UInt64(base.load(fromByteOffset: count / 2, as: UInt8.self))
      let last = UInt64(base.load(fromByteOffset: count - 1, as: UInt8.self))
      return (first | middle << 8 | last << 16, 0)
    default:
      return (0, 0)
    }
  }
}
