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
    #expect(error { $0[4] = 2 } == "format version 2, but this callflow reads version 1 (at byte 4)")
    #expect(error { $0[6] = 1 } == "unknown flags 0x1 (at byte 6)")
    #expect(error { $0.append(0) } == "bytes after the last section (at byte \(sampleModule.count))")
  }

  private func resign(_ bytes: inout [UInt8]) { ModuleWriter.sign(&bytes) }
}
