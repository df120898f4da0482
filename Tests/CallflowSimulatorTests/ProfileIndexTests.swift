import CallflowBytecode
import CallflowSemantics
import CallflowVM
import Testing

@testable import CallflowSimulator

/// The simulator's index of customer profiles answers every lookup as a pass over the
/// profiles does: one match, several, none, by a name matching either of its fields.
@Suite struct ProfileIndexTests {
  /// Four profiles: two share a phone, one has the same first and last name, one has a
  /// field whose value is not text.
  static let module: Module = {
    var module = Module()
    let texts = [
      "phone", "first-name", "last-name", "account-id", "+14255550100", "+14255550122", "Ana", "Silva", "Rui", "Lee", "A-1", "A-3", "A-4",
    ]
    module.constants = texts.map { .text(.text, $0) } + [.integer(7)]
    func k(_ text: String) -> Int { texts.firstIndex(of: text) ?? -1 }
    module.resources.profiles = [
      [(k("phone"), k("+14255550100")), (k("first-name"), k("Ana")), (k("account-id"), k("A-1"))],
      [(k("phone"), k("+14255550122")), (k("first-name"), k("Ana")), (k("last-name"), k("Silva")), (k("account-id"), k("A-3"))],
      [(k("phone"), k("+14255550122")), (k("first-name"), k("Rui")), (k("last-name"), k("Silva")), (k("account-id"), k("A-4"))],
      [(k("first-name"), k("Lee")), (k("last-name"), k("Lee")), (k("account-id"), texts.count)],
    ]
    return module
  }()

  @Test(arguments: [
    ("phone", "+14255550100"), ("phone", "+14255550122"), ("phone", "+19999999999"), ("phone", ""), ("name", "Ana"), ("name", "Silva"),
    ("name", "Rui"), ("name", "Lee"), ("name", "+14255550100"), ("account-id", "A-4"), ("account-id", "7"), ("first-name", "Rui"),
    ("email", "Ana"),
  ])
  func answersAsAPassOverTheProfiles(key: String, value: String) {
    let expected = HostChecks.lookupResult(HostChecks.lookup(key: key, value: value, in: Self.module))
    let answer = ProfileIndex(key: key, in: Self.module).answer(for: value)
    #expect(answer.outcome == expected.outcome)
    #expect(answer.writes == expected.writes)
  }

  /// The answers themselves, so that the comparison above cannot pass by both being wrong.
  @Test func answersOneManyOrNone() {
    let phone = ProfileIndex(key: "phone", in: Self.module)
    #expect(phone.answer(for: "+14255550100").outcome == .next)
    #expect(phone.answer(for: "+14255550100").writes["$.Customer.account-id"] == "A-1")
    #expect(phone.answer(for: "+14255550122").outcome == .branch(.multiple))
    #expect(phone.answer(for: "+1").outcome == .branch(.notFound))
    let name = ProfileIndex(key: "name", in: Self.module)
    // First and last name the same: one profile, matched once.
    #expect(name.answer(for: "Lee").outcome == .next)
    #expect(name.answer(for: "Lee").writes == ["$.Customer.first-name": "Lee", "$.Customer.last-name": "Lee"])
    #expect(name.answer(for: "Ana").outcome == .branch(.multiple))
    #expect(name.answer(for: "Rui").writes["$.Customer.account-id"] == "A-4")
  }
}
