import CallflowVM
import Testing

@testable import CallflowSimulator

/// Attributes filled from a template are those the names and values make, in the names' order,
/// each filling its own, whatever was filled before.
@Suite struct AttributeTemplateTests {
  @Test func fillsEachNameWithItsValue() {
    let names = ["$.Metrics.PositionInQueue", "$.Metrics.ContactsInQueue", "$.Metrics.OldestContactAge", "$.Metrics.AgentsAvailable", "$.Metrics.AgentsOnline"]
    let template = AttributeTemplate(names)
    for round in 0..<3 {
      let values = names.indices.map { "\(round * 10 + $0)" }
      let filled = template.filled { values[$0] }
      #expect(filled.dictionary == Dictionary(uniqueKeysWithValues: zip(names, values)))
      #expect(filled.keys == names)
    }
    // A filled copy changed afterwards changes neither the template nor another copy.
    var first = template.filled { "a\($0)" }
    let second = template.filled { "b\($0)" }
    first["$.Metrics.AgentsOnline"] = "changed"
    first["$.Attributes.extra"] = "added"
    #expect(second.dictionary == Dictionary(uniqueKeysWithValues: names.indices.map { (names[$0], "b\($0)") }))
    #expect(template.filled { _ in "" }.count == names.count)
  }

  @Test func twoNamesInEitherOrder() {
    let endpoints = AttributeTemplate(["$.CustomerEndpoint.Address", "$.SystemEndpoint.Address"])
    let attributes = endpoints.filled { $0 == 0 ? "+14255550100" : "+18005550199" }
    #expect(attributes == ["$.CustomerEndpoint.Address": "+14255550100", "$.SystemEndpoint.Address": "+18005550199"])
    let reversed = AttributeTemplate(["$.SystemEndpoint.Address", "$.CustomerEndpoint.Address"])
    #expect(reversed.filled { $0 == 0 ? "+18005550199" : "+14255550100" } == attributes)
  }
}
