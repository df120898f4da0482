import CallflowBytecode
import Foundation
import Testing

/// Damaged and hostile modules are refused with an error; none crashes the reader.
@Suite struct HostileModuleTests {
  /// Every prefix of the sample module is refused.
  @Test func truncatedModulesAreRefused() {
    #expect(!sampleModule.isEmpty)
    for length in 0..<sampleModule.count {
      #expect(throws: ModuleError.self) { try ModuleReader.read(Array(sampleModule[..<length])) }
    }
  }

  /// Any one damaged byte is caught by the checksum.
  @Test func everySingleByteChangeIsCaught() {
    var refused = 0
    for i in sampleModule.indices {
      for delta: UInt8 in [1, 0x80, 0xFF] {
        var bytes = sampleModule
        bytes[i] &+= delta
        if (try? ModuleReader.read(bytes)) == nil { refused += 1 }
      }
    }
    #expect(refused == sampleModule.count * 3)
  }

  /// With the checksum made right again, each single-byte change reaches the verifier, which
  /// either accepts a module that still verifies or names what is wrong; it never crashes or
  /// accepts an instruction that leaves its flow.
  @Test func changesBehindAValidChecksumAreVerified() throws {
    var accepted = 0
    var messages: Set<String> = []
    for i in 16..<sampleModule.count {
      do {
        var bytes = sampleModule
        bytes[i] ^= 0xFF
        resign(&bytes)
        do {
          let module = try ModuleReader.read(bytes)
          accepted += 1
          // Whatever is accepted disassembles and writes back to the same bytes.
          _ = Disassembler.text(of: module)
          #expect(ModuleWriter.bytes(of: module).count > 0)
        } catch {
          messages.insert(String(describing: error).components(separatedBy: " (at byte")[0])
        }
      }
    }
    // Most changes are refused, for many different reasons.
    #expect(messages.count > 20)
    #expect(accepted < (sampleModule.count - 16) / 4)
  }

  /// Changes that keep the module valid (a letter of a text for another) are accepted, and
  /// what is accepted writes back to exactly the bytes read.
  @Test func harmlessChangesAreAcceptedAndWriteBackExactly() throws {
    var accepted = 0
    for i in 16..<sampleModule.count where (0x61...0x79).contains(sampleModule[i]) {
      var bytes = sampleModule
      bytes[i] += 1
      ModuleWriter.sign(&bytes)
      guard let module = try? ModuleReader.read(bytes) else { continue }
      accepted += 1
      #expect(ModuleWriter.bytes(of: module) == bytes)
    }
    #expect(accepted > 100)
  }

  @Test func wrongMagicVersionAndFlagsAreNamed() {
    func error(_ change: (inout [UInt8]) -> Void) -> String {
      var bytes = sampleModule
      change(&bytes)
      resign(&bytes)
      do {
        _ = try ModuleReader.read(bytes)
        return "accepted"
      } catch {
        return String(describing: error)
      }
    }
    #expect(error { $0[0] = UInt8(ascii: "X") } == "not a Callflow module (the file does not start with CFBC) (at byte 0)")
    #expect(
      error { $0[4] = 1 }
        == "format version 1, but this callflow reads version 2 (an older callflow built it: build it again with `callflow build`) (at byte 4)")
    #expect(
      error { $0[4] = 3 } == "format version 3, but this callflow reads version 2 (a newer callflow built it: run it with that version) (at byte 4)")
    #expect(error { $0[6] = 1 } == "unknown flags 0x1 (at byte 6)")
    #expect(error { $0.append(0) } == "bytes after the last section (at byte \(sampleModule.count))")
  }

  private func resign(_ bytes: inout [UInt8]) { ModuleWriter.sign(&bytes) }
}

/// References in a module must name what the module has.
@Suite struct ModuleReferenceTests {
  @Test func aPhoneNumberForAFlowTheModuleLacksIsRefused() throws {
    var module = try ModuleReader.read(sampleModule)
    module.constants.append(.text(.flow, "nowhere"))
    module.resources.phoneNumbers[0].flow = module.constants.count - 1
    #expect(throws: ModuleError.malformed(at: ModuleWriter.bytes(of: module).count - sectionLength(module), "a phone number starts flow `nowhere`, which the module does not have")) {
      try ModuleReader.read(ModuleWriter.bytes(of: module))
    }
  }

  @Test func aCallNamingAQueueTheCenterLacksIsRefused() throws {
    var module = try ModuleReader.read(sampleModule)
    // Rename the queue in the resources: the calls that name it now name nothing.
    let index = try #require(module.constants.firstIndex(of: .text(.queue, "Support")))
    module.constants.append(.text(.queue, "Support-2"))
    for i in module.resources.queues.indices where module.resources.queues[i].name == index {
      module.resources.queues[i].name = module.constants.count - 1
    }
    do {
      _ = try ModuleReader.read(ModuleWriter.bytes(of: module))
      Issue.record("accepted")
    } catch {
      #expect(String(describing: error).contains("names queue `Support`, which the module does not have"))
    }
  }

  /// The length of the resources section, the last in the file.
  private func sectionLength(_ module: Module) -> Int {
    let bytes = ModuleWriter.bytes(of: module)
    let entry = 16 + 12 * 5
    return Int(bytes[entry + 8]) | Int(bytes[entry + 9]) << 8 | Int(bytes[entry + 10]) << 16 | Int(bytes[entry + 11]) << 24
  }
}
