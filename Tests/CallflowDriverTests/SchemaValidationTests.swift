import CallflowTestSupport
import Foundation
import Testing

@testable import CallflowDriver

/// Whether python3 with jsonschema and PyYAML is there to validate against the schemas.
let hasSchemaValidator: Bool = {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", "-c", "import jsonschema, yaml"]
  process.standardError = FileHandle.nullDevice
  guard (try? process.run()) != nil else { return false }
  process.waitUntilExit()
  return process.terminationStatus == 0
}()

/// Validates `files` against a schema of Grammar/ with a real draft-07 validator.
func validate(_ schema: String, _ files: [String]) throws -> [String] {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", packageRoot + "/Tests/Support/validate_schema.py", packageRoot + "/Grammar/" + schema] + files
  let output = Pipe()
  process.standardOutput = output
  try process.run()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
}

@Suite(.enabled(if: hasSchemaValidator, "needs python3 with jsonschema and PyYAML"))
struct SchemaValidationTests {
  @Test func acceptsEveryValidFlow() throws {
    let project = try TemporaryProject([:])
    defer { project.remove() }
    var files = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/Samples/flows").sorted().map {
      packageRoot + "/Samples/flows/" + $0
    }
    // The DSL samples, converted to YAML.
    for (i, file) in files.enumerated() where file.hasSuffix(".flow") {
      let converted = Conversion.convert(path: file, bytes: try Conversion.read(file), from: .dsl, to: .yaml)
      let path = project.path("converted-\(i).flow.yaml")
      try Conversion.writeAtomically(try #require(converted.text), to: path)
      files[i] = path
    }
    let lines = try validate("flow.schema.json", files)
    #expect(lines.count == files.count)
    #expect(lines.allSatisfy { $0.hasPrefix("OK ") }, "\(lines)")
    #expect(try validate("center.schema.json", [packageRoot + "/Samples/center.yaml"]).allSatisfy { $0.hasPrefix("OK ") })
  }

  @Test func configurationSchemaKnowsTheRules() throws {
    let project = try TemporaryProject([
      "good.yaml": "rules:\n  phone-number-unassigned: off\nexclude: [\"drafts/**\"]\nenvironments:\n  dev: {Q: x}\n",
      "bad-rule.yaml": "rules:\n  dead-ends: off\n",
      "bad-level.yaml": "rules:\n  dead-end: loud\n",
    ])
    defer { project.remove() }
    let lines = try validate("config.schema.json", ["good.yaml", "bad-rule.yaml", "bad-level.yaml"].map(project.path))
    #expect(lines.map { $0.split(separator: " ").first.map(String.init) ?? "" } == ["OK", "INVALID", "INVALID"])
  }

  @Test func rejectsUnknownKindsParametersAndBranches() throws {
    let valid = """
      flow: f
      type: inbound
      start: a
      blocks:
        a:
          get-input: {prompt: "Press 1.", options: ["1"], timeout: 5s}
          on: {"1": b, timeout: b}
        b:
          transfer-to-queue: {queue: Support, callback: {initial-delay: 99s, max-retries: 2}}
          next: c
          on: {at-capacity: c}
        c:
          disconnect: {}

      """
    let variants = [
      ("valid", valid),
      ("kind", valid.replacingOccurrences(of: "disconnect: {}", with: "disconect: {}")),
      ("parameter", valid.replacingOccurrences(of: "max-retries: 2", with: "max-retry: 2")),
      ("branch", valid.replacingOccurrences(of: "on: {at-capacity: c}", with: "on: {at-capacty: c}")),
      ("duration", valid.replacingOccurrences(of: "initial-delay: 99s", with: "initial-delay: 99")),
      ("top", valid.replacingOccurrences(of: "start: a", with: "strat: a")),
      (
        "conditional",
        valid.replacingOccurrences(of: "disconnect: {}", with: "store-input: {prompt: x, kind: phone-number, format: local}")
      ),
    ]
    let project = try TemporaryProject(Dictionary(uniqueKeysWithValues: variants.map { ("\($0.0).flow.yaml", $0.1) }))
    defer { project.remove() }
    let lines = try validate("flow.schema.json", variants.map { project.path("\($0.0).flow.yaml") })
    #expect(lines.map { $0.split(separator: " ").first.map(String.init) ?? "" } == ["OK", "INVALID", "INVALID", "INVALID", "INVALID", "INVALID", "INVALID"])
  }
}
