import Testing

@testable import CallflowSimulator

/// How the simulator stores a contact: compact fields that read back what was written, extras
/// that copies of a contact do not share once one of them changes, and an ended contact that
/// keeps only what its record needs.
@Suite struct ContactStorageTests {
  static func contact() -> Contact {
    Contact(method: .inbound, label: 7, initial: 3, customer: "+12065550100", system: "+18005550199", initiated: 1_767_589_200, routingTime: 1_767_589_200)
  }

  @Test func compactFieldsReadBackWhatWasWrittenAndNoneIsNil() {
    var c = Self.contact()
    #expect(c.previous == nil && c.queue == nil && c.enqueued == nil && c.disconnected == nil)
    c.previous = 0
    c.queue = 2
    c.enqueued = 0
    c.connected = 4_102_444_800  // 2100-01-01: past 32 bits of seconds
    c.connecting = 95
    c.priority = 1
    #expect(c.previous == 0 && c.queue == 2 && c.enqueued == 0 && c.connected == 4_102_444_800)
    #expect(c.connecting == 95 && c.priority == 1 && c.label == 7 && c.initial == 3)
    c.queue = nil
    c.enqueued = nil
    #expect(c.queue == nil && c.enqueued == nil)
  }

  @Test func aChangedCopyLeavesTheOriginalAsItWas() {
    var original = Self.contact()
    original.queueFlow = "queue-music"
    original.attributes["$.Attributes.tier"] = "gold"
    var copy = original
    copy.queueFlow = "other"
    copy.attributes["$.Attributes.tier"] = "silver"
    copy.path.append(PathStep(flow: "f", block: "b", line: 3, time: 0))
    #expect(original.queueFlow == "queue-music")
    #expect(original.attributes == ["$.Attributes.tier": "gold"])
    #expect(original.path.isEmpty)
    #expect(copy.queueFlow == "other" && copy.attributes["$.Attributes.tier"] == "silver" && copy.path.count == 1)
  }

  @Test func anEndedContactKeepsOnlyWhatItsRecordIsAskedToKeep() {
    var c = Self.contact()
    c.queueFlow = "queue-music"
    c.callbackNumber = "+12065550101"
    c.attributes["$.Attributes.tier"] = "gold"
    c.path.append(PathStep(flow: "f", block: "b", line: 3, time: 0))
    var dropped = c
    dropped.compact(keepAttributes: false, keepPath: false)
    #expect(dropped.queueFlow == nil && dropped.callbackNumber == nil && dropped.attributes.isEmpty && dropped.path.isEmpty)
    var kept = c
    kept.compact(keepAttributes: true, keepPath: true)
    #expect(kept.queueFlow == nil && kept.callbackNumber == nil)
    #expect(kept.attributes == ["$.Attributes.tier": "gold"] && kept.path.count == 1)
    #expect(c.queueFlow == "queue-music")
  }
}
