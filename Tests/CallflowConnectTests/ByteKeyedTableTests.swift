import Foundation
import Testing

@testable import CallflowConnect

/// The table the Connect lowering finds identifiers, names and likenesses in.
@Suite struct ByteKeyedTableTests {
  @Test func theFirstValueOfAKeyStays() {
    var table = ByteKeyedTable<Int>()
    #expect(table.add("b1", 1) == (0, true))
    #expect(table.add("b2", 2) == (1, true))
    #expect(table.add("b1", 3) == (0, false))
    #expect(table["b1"] == 1)
    #expect(table.values == [1, 2])
    #expect(table["b3"] == nil)
    #expect(table.contains("b2"))
    #expect(!table.contains(""))
    #expect(table.add("", 5) == (2, true))
    #expect(table[""] == 5)
    #expect(table.count == 3)
  }

  /// Keys are their bytes: `é` written as one scalar and as `e` and a combining accent are two
  /// identifiers, as Connect compares them (Swift's `==` has them equal).
  @Test func keysAreTheirBytesNotTheirCanonicalForm() {
    let composed = "caf\u{E9}"
    let decomposed = "cafe\u{301}"
    #expect(composed == decomposed)
    var table = ByteKeyedTable<Int>()
    table.add(composed, 1)
    #expect(table[decomposed] == nil)
    table.add(decomposed, 2)
    #expect(table[composed] == 1)
    #expect(table[decomposed] == 2)
  }

  /// Keys of every length up to two words and beyond, in their thousands: each is found, and
  /// no key that was not added is.
  @Test func manyKeysOfEveryLengthAreFound() {
    var table = ByteKeyedTable<Int>(capacity: 4)
    let keys = (0..<5_000).map { n in String(repeating: "x", count: n % 23) + "\(n)" }
    for (n, key) in keys.enumerated() { #expect(table.add(key, n).added) }
    #expect(!table.hashGivenUp)
    for (n, key) in keys.enumerated() where table[key] != n { Issue.record("\(key) is not found as \(n)") }
    #expect(table["x5000"] == nil)
    #expect(table[UUID().uuidString] == nil)
  }

  /// A table whose probes grow too long gives up its hash for a `Dictionary`, and keeps
  /// every key and value it had.
  @Test func longProbesMoveTheKeysIntoADictionary() {
    var table = ByteKeyedTable<String>(capacity: 4, longestProbe: 0)
    var n = 0
    while !table.hashGivenUp {
      table.add("key\(n)", "value\(n)")
      n += 1
    }
    let added = n
    for k in 0..<200 { table.add("more\(k)", "more value \(k)") }
    #expect(table.add("key0", "again") == (0, false))
    for k in 0..<added { #expect(table["key\(k)"] == "value\(k)") }
    for k in 0..<200 { #expect(table["more\(k)"] == "more value \(k)") }
    #expect(table["key\(added)"] == nil)
    #expect(table.count == added + 200)
  }

  /// A table is a value: a copy changed later is changed alone, keys, values and growth.
  @Test func aCopyIsChangedAlone() {
    var table = ByteKeyedTable<String>(capacity: 1)
    table.add("a", "first")
    let copy = table
    for k in 0..<100 { table.add("key \(k) of a table that grows", "value \(k)") }
    var other = copy
    other.add("b", "second")
    #expect(copy.count == 1 && copy["a"] == "first" && copy["b"] == nil && copy["key 0 of a table that grows"] == nil)
    #expect(other.values == ["first", "second"])
    #expect(table.count == 101 && table["b"] == nil && table["key 99 of a table that grows"] == "value 99")
    #expect(table.value(at: 0) == "first")
  }

  /// The hash takes every byte: keys that differ in one byte anywhere hash apart.
  @Test func theHashTakesEveryByte() {
    let base = Array("0123456789abcdefghij".utf8)
    let hash = base.withUnsafeBytes { ByteKeyedTable<Int>.hash($0) }
    for k in base.indices {
      var changed = base
      changed[k] ^= 1
      #expect(changed.withUnsafeBytes { ByteKeyedTable<Int>.hash($0) } != hash, "byte \(k)")
    }
    #expect(base.prefix(19).withUnsafeBytes { ByteKeyedTable<Int>.hash($0) } != hash)
  }
}
