import CallflowBytecode
import CallflowDriver
import CallflowTestSupport
import Foundation
import Testing

/// The sample project compiled once, for the tests below.
let sampleModule: [UInt8] = {
  guard let bytes = try? BuildRun.run(path: packageRoot + "/Samples").bytes else { return [] }
  return bytes
}()

@Suite struct ModuleTests {
  @Test func bytecodeReferenceMatchesTheTables() throws {
    try checkGeneratedRegion(file: "Docs/BYTECODE.md", name: "bytecode", content: BytecodeReference.markdown())
  }

  @Test func samplesCompileAndReadBackToTheSameBytes() throws {
    #expect(!sampleModule.isEmpty)
    let module = try ModuleReader.read(sampleModule)
    #expect(module.flows.count == 10)
    #expect(module.files.allSatisfy { $0.hasPrefix("flows/") })
    #expect(ModuleWriter.bytes(of: module) == sampleModule)
  }

  /// The same sources give the same bytes wherever the project is and whatever order its
  /// files are found in.
  @Test func buildsAreReproducible() throws {
    let copy = NSTemporaryDirectory() + "callflow-build-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: copy) }
    try FileManager.default.createDirectory(atPath: copy + "/z/flows", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: packageRoot + "/Samples/center.yaml", toPath: copy + "/z/center.yaml")
    // The flows under other names, so that they are found in another order.
    let names = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/Samples/flows").sorted()
    for (i, name) in names.enumerated() {
      try FileManager.default.copyItem(atPath: packageRoot + "/Samples/flows/" + name, toPath: copy + "/z/flows/\(names.count - i)-" + name)
    }
    let bytes = try #require(try BuildRun.run(path: copy + "/z").bytes)
    let module = try ModuleReader.read(bytes)
    let original = try ModuleReader.read(sampleModule)
    #expect(module.code == original.code)
    #expect(module.constants == original.constants)
    #expect(module.flows.map(\.name) == original.flows.map(\.name))
  }

  @Test func aProjectWithErrorsDoesNotCompile() throws {
    let project = NSTemporaryDirectory() + "callflow-build-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: project) }
    try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
    try "flow: f\ntype: inbound\nstart: a\nblocks:\n  a:\n    wait: 5 minutes\n    next: b\n  b:\n    disconnect: {}\n"
      .write(toFile: project + "/f.flow.yaml", atomically: true, encoding: .utf8)
    let result = try BuildRun.run(path: project)
    #expect(result.bytes == nil)
    #expect(result.check.diagnostics.map(\.rule).contains("invalid-value"))
  }

  /// `Tests/CallflowBytecodeTests/samples.disasm` is what `callflow disasm` prints for the
  /// samples (`CALLFLOW_UPDATE_DOCS=1 swift test` rewrites it after a deliberate change).
  @Test func disassemblyOfTheSamplesIsStable() throws {
    let text = Disassembler.text(of: try ModuleReader.read(sampleModule))
    let url = URL(fileURLWithPath: packageRoot + "/Tests/CallflowBytecodeTests/samples.disasm")
    if ProcessInfo.processInfo.environment["CALLFLOW_UPDATE_DOCS"] == "1" {
      try text.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    #expect(try String(contentsOf: url, encoding: .utf8) == text)
  }
}
