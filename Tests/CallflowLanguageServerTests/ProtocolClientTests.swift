import CallflowTestSupport
import Foundation
import Testing

/// Runs `Tests/LSP`, where pytest-lsp (a real client, on pygls) drives `callflow lsp` over
/// stdin and stdout. Without pytest-lsp the suite cannot run: it is then skipped, unless
/// `CALLFLOW_REQUIRE_LSP_CLIENT=1` (as in `.ci/run`, which installs it) makes that a failure.
@Suite struct ProtocolClientTests {
  static let executable = callflowExecutable

  static func run(_ arguments: [String], environment: [String: String] = [:]) -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    do { try process.run() } catch { return (127, "\(error)") }
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }

  static let clientInstalled = run(["python3", "-c", "import pytest_lsp, yaml"]).status == 0
  static let required = ProcessInfo.processInfo.environment["CALLFLOW_REQUIRE_LSP_CLIENT"] == "1"

  @Test(.enabled(if: clientInstalled || required, "pytest-lsp is not installed: pip install pytest-lsp"))
  func aRealClientDrivesTheServer() {
    #expect(Self.clientInstalled, "CALLFLOW_REQUIRE_LSP_CLIENT=1 but pytest-lsp is not installed")
    let result = Self.run(["python3", "-m", "pytest", "Tests/LSP", "-q", "-p", "no:cacheprovider"], environment: ["CALLFLOW": Self.executable])
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains(" passed"), "\(result.output)")
    #expect(!result.output.contains("skipped"), "\(result.output)")
  }
}
