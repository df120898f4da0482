import CallflowBytecode
import CallflowSemantics
import CallflowSyntax
import CallflowVM
import Testing

/// What blocks mean to every host, answered in one place.
@Suite struct HostChecksTests {
  func call(_ kind: BlockKind, _ arguments: HostArguments) -> HostCall {
    HostCall(kind: kind, arguments: arguments, outcomes: [.next], flow: "f", block: "b", line: 1)!
  }

  /// A call exists only for the blocks the host carries out, with the action of their row.
  @Test func callsCarryTheirRowsAction() {
    #expect(call(.storeInput, [:]).action == .storeInput)
    #expect(call(.checkHours, [:]).action == .checkHours)
    #expect(HostCall(kind: .checkAttribute, arguments: [:], outcomes: [], flow: "f", block: "b", line: 1) == nil)
  }

  @Test func phoneNumbersAndInput() {
    #expect(HostChecks.isE164("+14255550123"))
    #expect(!HostChecks.isE164("4255550123"))
    let phone = call(.storeInput, [.kind: .text("phone-number")])
    #expect(HostChecks.acceptsInput("+14255550123", call: phone))
    #expect(!HostChecks.acceptsInput("12", call: phone))
    let local = call(.storeInput, [.kind: .text("phone-number"), .format: .text("local")])
    #expect(HostChecks.acceptsInput("4255550123", call: local))
    let digits = call(.storeInput, [.kind: .text("digits")])
    #expect(HostChecks.acceptsInput("0042", call: digits))
    #expect(!HostChecks.acceptsInput("42a", call: digits))
    #expect(HostChecks.isValidPhone("4255550123", call: call(.validatePhone, [.format: .text("local")])))
    #expect(!HostChecks.isValidPhone("42", call: call(.validatePhone, [.format: .text("local")])))
  }

  /// Weekdays count from Monday; 1970-01-01 was a Thursday; days before it count down.
  @Test func daysAndHours() {
    #expect(HostChecks.day(ofLocalSeconds: 0) == (0, 3))
    #expect(HostChecks.day(ofLocalSeconds: -1) == (-1, 2))
    #expect(HostChecks.day(ofLocalSeconds: 4 * 86_400) == (4, 0))
    // Monday to Friday, 08:00 to 18:00.
    let office = Resources.Hours(name: 0, timezone: nil, rules: [Resources.Hours.Rule(days: 0b0011111, intervals: [480..<1080])])
    let monday = 4 * 86_400
    #expect(HostChecks.isOpen(office, localSeconds: monday + 8 * 3600))
    #expect(!HostChecks.isOpen(office, localSeconds: monday + 18 * 3600))
    #expect(!HostChecks.isOpen(office, localSeconds: monday + 5 * 86_400 + 9 * 3600))
  }

  @Test func profileLookups() {
    var module = Module()
    module.constants = [.text(.name, "phone"), .text(.text, "+14255550100"), .text(.name, "first-name"), .text(.text, "Ana")]
    module.resources.profiles = [[(0, 1), (2, 3)]]
    let found = HostChecks.lookup(key: "phone", value: "+14255550100", in: module)
    #expect(found.count == 1)
    let result = HostChecks.lookupResult(found)
    #expect(result.outcome == .next)
    #expect(result.writes == ["$.Customer.phone": "+14255550100", "$.Customer.first-name": "Ana"])
    #expect(HostChecks.lookup(key: "name", value: "Ana", in: module).count == 1)
    #expect(HostChecks.lookupResult([]).outcome == .branch(.notFound))
    #expect(HostChecks.lookupResult(found + found).outcome == .branch(.multiple))
  }
}
