import CallflowVM
import Testing

@testable import CallflowSimulator

/// How the simulator stores a contact: compact fields that read back what was written, extras
/// in a table whose copies do not share changes, rows that ended contacts give back emptied
/// for the next, and an ended contact that keeps only what its record needs.
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

  /// Extras with every field set.
  static func busy() -> ContactExtras {
    var e = ContactExtras()
    e.queueFlow = "queue-music"
    e.agentWhisper = "agent-whisper"
    e.outboundWhisper = "outbound-whisper"
    e.callbackNumber = "+12065550101"
    e.workingQueue = "Callbacks"
    e.requeues = 3
    e.requeuedAt = 9
    e.pendingResult = HostResult(.next)
    e.attributes["$.Attributes.tier"] = "gold"
    e.path.append(PathStep(flow: "f", block: "b", line: 3, time: 0))
    return e
  }

  static func isEmptyButFor(_ e: ContactExtras, attributes: Attributes, pathSteps: Int) -> Bool {
    e.queueFlow == nil && e.agentWhisper == nil && e.outboundWhisper == nil && e.callbackNumber == nil && e.workingQueue == nil
      && e.requeues == 0 && e.requeuedAt == -1 && e.pendingResult == nil && e.attributes == attributes && e.path.count == pathSteps
  }

  /// A copy of the table (as in a copy of the simulator) changed leaves the original as it was.
  @Test func aChangedCopyLeavesTheOriginalAsItWas() {
    var original = ExtrasTable()
    let row = original.make()
    original[row].queueFlow = "queue-music"
    original[row].attributes["$.Attributes.tier"] = "gold"
    var copy = original
    copy[row].queueFlow = "other"
    copy[row].attributes["$.Attributes.tier"] = "silver"
    copy[row].path.append(PathStep(flow: "f", block: "b", line: 3, time: 0))
    copy.giveBack(row)
    #expect(original[row].queueFlow == "queue-music")
    #expect(original[row].attributes == ["$.Attributes.tier": "gold"])
    #expect(original[row].path.isEmpty)
    #expect(original.make() == 1 && copy.make() == row)
  }

  /// An ended contact's extras keep only what its record is asked to keep.
  @Test func emptiedExtrasKeepOnlyWhatTheRecordIsAskedToKeep() {
    var dropped = Self.busy()
    dropped.empty()
    #expect(Self.isEmptyButFor(dropped, attributes: [:], pathSteps: 0))
    var kept = Self.busy()
    kept.empty(keepAttributes: true, keepPath: true)
    #expect(Self.isEmptyButFor(kept, attributes: ["$.Attributes.tier": "gold"], pathSteps: 1))
    var attributesOnly = Self.busy()
    attributesOnly.empty(keepAttributes: true)
    #expect(Self.isEmptyButFor(attributesOnly, attributes: ["$.Attributes.tier": "gold"], pathSteps: 0))
    var pathOnly = Self.busy()
    pathOnly.empty(keepPath: true)
    #expect(Self.isEmptyButFor(pathOnly, attributes: [:], pathSteps: 1))
  }

  /// A row given back is the next one made, emptied; the table grows only when none is free.
  @Test func aRowGivenBackIsMadeAgainEmptied() {
    var table = ExtrasTable()
    let first = table.make()
    let second = table.make()
    table[first] = Self.busy()
    table[second] = Self.busy()
    table.giveBack(first)
    table.giveBack(second)
    #expect(table.make() == second && table.make() == first && table.count == 2)
    #expect(Self.isEmptyButFor(table[first], attributes: [:], pathSteps: 0))
    #expect(Self.isEmptyButFor(table[second], attributes: [:], pathSteps: 0))
    #expect(table.make() == 2 && table.count == 3)
  }
}
