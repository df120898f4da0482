import CallflowVM
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

  /// The extras of an ended contact go to the next contact emptied, and only when no copy of
  /// the ended contact holds them; a contact that has extras keeps its own.
  @Test func theExtrasOfAnEndedContactAreHandedOnEmptied() throws {
    func busy() -> Contact {
      var c = Self.contact()
      c.queueFlow = "queue-music"
      c.agentWhisper = "agent-whisper"
      c.outboundWhisper = "outbound-whisper"
      c.callbackNumber = "+12065550101"
      c.workingQueue = "Callbacks"
      c.requeues = 3
      c.requeuedAt = 9
      c.pendingResult = HostResult(.next)
      c.attributes["$.Attributes.tier"] = "gold"
      c.path.append(PathStep(flow: "f", block: "b", line: 3, time: 0))
      return c
    }
    var shared = busy()
    let copy = shared
    let heldByCopy = shared.compact(keepAttributes: false, keepPath: false)
    #expect(heldByCopy == nil && copy.queueFlow == "queue-music" && copy.attributes == ["$.Attributes.tier": "gold"])
    var recorded = busy()
    let keptForRecord = recorded.compact(keepAttributes: true, keepPath: false)
    #expect(keptForRecord == nil && recorded.attributes == ["$.Attributes.tier": "gold"])

    var ended = busy()
    let dropped = ended.compact(keepAttributes: false, keepPath: false)
    let spare = try #require(dropped)
    var next = Self.contact()
    next.adopt(spare)
    #expect(next.queueFlow == nil && next.agentWhisper == nil && next.outboundWhisper == nil && next.callbackNumber == nil)
    #expect(next.workingQueue == nil && next.requeues == 0 && next.requeuedAt == -1 && next.pendingResult == nil)
    #expect(next.attributes.isEmpty && next.path.isEmpty && ended.attributes.isEmpty)
    next.setAttributes(AttributeTemplate(["$.CustomerEndpoint.Address", "$.SystemEndpoint.Address"])) { $0 == 0 ? "+12065550102" : "+18005550199" }
    #expect(next.attributes == ["$.CustomerEndpoint.Address": "+12065550102", "$.SystemEndpoint.Address": "+18005550199"])
    next.setAttributes(["$.Attributes.tier": "silver"])
    #expect(next.attributes == ["$.Attributes.tier": "silver"])

    var own = busy()
    own.adopt(ContactExtras())
    #expect(own.queueFlow == "queue-music" && own.attributes == ["$.Attributes.tier": "gold"])
  }
}
