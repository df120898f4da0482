import CallflowVM
import Foundation
import Testing

/// A contact's attributes: names set, replaced and removed in place, compared in any order,
/// and saved as the JSON object a dictionary of them was saved as.
@Suite struct AttributesTests {
  /// Merging writes sets each in turn, as the subscript does: names held in the same order,
  /// in another order, names not held, and a name that looks the same in other bytes.
  @Test func mergingSetsEachWriteInTurn() {
    let held: Attributes = ["$.CustomerEndpoint.Address": "+14255550100", "$.Metrics.PositionInQueue": "4", "$.Metrics.ContactsInQueue": "9"]
    let composed = "$.Attributes.caf\u{E9}"
    let decomposed = "$.Attributes.cafe\u{301}"
    let cases: [[(String, String)]] = [
      [("$.Metrics.PositionInQueue", "3"), ("$.Metrics.ContactsInQueue", "8")],
      [("$.Metrics.ContactsInQueue", "7"), ("$.Metrics.PositionInQueue", "2")],
      [("$.Metrics.PositionInQueue", "1"), ("$.Metrics.OldestContactAge", "60"), ("$.Metrics.ContactsInQueue", "6")],
      [("$.Attributes.new", "x"), ("$.CustomerEndpoint.Address", "+14255550111"), (composed, "1"), (decomposed, "2")],
      [],
    ]
    for writes in cases {
      var merged = held
      merged[composed] = "0"
      var expected = merged
      var given = Attributes()
      for (name, value) in writes {
        given[name] = value
        expected[name] = value
      }
      merged.merge(given)
      #expect(merged == expected && merged.keys == expected.keys, "\(writes)")
      #expect(merged.map(\.value) == expected.map(\.value), "\(writes)")
    }
  }

  /// Removing every attribute, and replacing them all, in the storage held: no name of
  /// before is left, and a copy made before keeps its own.
  @Test func everyAttributeIsRemovedOrReplacedAtOnce() {
    var attributes: Attributes = ["$.Attributes.a": "1", "$.Attributes.b": "2", "$.Attributes.c": "3"]
    let before = attributes
    attributes.removeAll(keepingCapacity: true)
    #expect(attributes.isEmpty && attributes["$.Attributes.a"] == nil && before.count == 3)
    attributes = before
    attributes.removeAll()
    #expect(attributes.isEmpty && before["$.Attributes.c"] == "3")
    attributes = before
    attributes.replaceAll(distinctNames: ["$.Metrics.AgentsOnline", "$.Attributes.a"], values: { "\($0 + 7)" })
    #expect(attributes.keys == ["$.Metrics.AgentsOnline", "$.Attributes.a"] && attributes["$.Attributes.a"] == "8")
    attributes.replaceAll(with: before)
    #expect(attributes == before && attributes.keys == before.keys)
    attributes.replaceAll(with: Attributes())
    #expect(attributes.isEmpty && before.count == 3)
  }

  @Test func namesAreSetReplacedAndRemovedInTheirPlace() {
    var attributes = Attributes()
    #expect(attributes.isEmpty && attributes["$.Attributes.tier"] == nil)
    attributes["$.CustomerEndpoint.Address"] = "+14255550100"
    attributes["$.Attributes.tier"] = "gold"
    attributes["$.StoredCustomerInput"] = "7"
    attributes["$.Attributes.tier"] = "silver"
    #expect(attributes.count == 3 && attributes["$.Attributes.tier"] == "silver")
    #expect(attributes.keys == ["$.CustomerEndpoint.Address", "$.Attributes.tier", "$.StoredCustomerInput"])
    #expect(attributes[position: 1] == Attributes.Element(key: "$.Attributes.tier", value: "silver"))
    attributes.setValue("bronze", atPosition: 1)
    attributes["$.CustomerEndpoint.Address"] = nil
    attributes["$.Attributes.absent"] = nil
    #expect(attributes.keys == ["$.Attributes.tier", "$.StoredCustomerInput"] && attributes["$.Attributes.tier"] == "bronze")
    #expect(attributes.map(\.value) == ["bronze", "7"])
    // Made at once from names that differ: in their order, each with its value.
    let made = Attributes(distinctNames: ["$.Metrics.AgentsOnline", "$.Metrics.AgentsAvailable"], values: { "\($0 + 3)" })
    #expect(made.keys == ["$.Metrics.AgentsOnline", "$.Metrics.AgentsAvailable"] && made["$.Metrics.AgentsAvailable"] == "4")
    // A name given twice in a literal keeps its last value.
    let literal: Attributes = ["$.Attributes.a": "1", "$.Attributes.b": "2", "$.Attributes.a": "3"]
    #expect(literal.keys == ["$.Attributes.a", "$.Attributes.b"] && literal["$.Attributes.a"] == "3")
  }

  @Test func equalWhenTheSameNamesHaveTheSameValuesInAnyOrder() {
    let a: Attributes = ["$.Attributes.a": "1", "$.Attributes.b": "2"]
    #expect(a == ["$.Attributes.b": "2", "$.Attributes.a": "1"])
    #expect(a != ["$.Attributes.a": "1", "$.Attributes.b": "3"])
    #expect(a != ["$.Attributes.a": "1"] && a != ["$.Attributes.a": "1", "$.Attributes.b": "2", "$.Attributes.c": "3"])
    #expect(Attributes(["$.Attributes.b": "2", "$.Attributes.a": "1"]).keys == ["$.Attributes.a", "$.Attributes.b"])
    #expect(a.dictionary == ["$.Attributes.a": "1", "$.Attributes.b": "2"])
    #expect(a.description == #"["$.Attributes.a": "1", "$.Attributes.b": "2"]"# && Attributes().description == "[:]")
  }

  /// Names of the same length are compared as text; a name of another UTF-8 length is another
  /// name, even one Unicode takes as the same text (`é` as one code point or two).
  @Test func namesOfAnotherLengthAreOtherNames() {
    var attributes = Attributes()
    attributes["$.Attributes.caf\u{E9}"] = "one"
    attributes["$.Attributes.cafe\u{301}"] = "two"
    #expect(attributes.count == 2)
    #expect(attributes["$.Attributes.caf\u{E9}"] == "one" && attributes["$.Attributes.cafe\u{301}"] == "two")
    // The bytes differ at the end only: the lengths tell them apart.
    #expect(attributes["$.Attributes.caf"] == nil && attributes["$.Attributes.cafe"] == nil)
  }

  @Test func savedAsAJSONObjectAsADictionaryWas() throws {
    let attributes: Attributes = ["$.StoredCustomerInput": "+14255550123", "$.Attributes.tier": "gold"]
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = String(decoding: try encoder.encode(attributes), as: UTF8.self)
    #expect(json == #"{"$.Attributes.tier":"gold","$.StoredCustomerInput":"+14255550123"}"#)
    #expect(try JSONDecoder().decode(Attributes.self, from: Data(json.utf8)) == attributes)
    // A contact's state saved before attributes had their own type reads back the same.
    let saved = #"{"flow":"main","offset":12,"attributes":{"$.Attributes.tier":"gold"},"waiting":true}"#
    let state = try JSONDecoder().decode(ContactState.self, from: Data(saved.utf8))
    #expect(state.attributes == ["$.Attributes.tier": "gold"] && state.offset == 12 && state.waiting)
    #expect(try JSONDecoder().decode(ContactState.self, from: try JSONEncoder().encode(state)) == state)
  }
}
