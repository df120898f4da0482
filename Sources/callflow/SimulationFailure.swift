import ArgumentParser
import CallflowDiagnostics
import CallflowDriver
import Foundation

extension SimulateRun.Failure {
  /// Reports the failure on standard error, as `simulate` and `staff` do, and the exit status
  /// to leave with: 2 for the model's mistakes and what cannot run, 1 for a project with
  /// errors.
  func report(colors: Bool) -> ExitCode {
    let renderer = TextRenderer(colors: colors)
    switch self {
    case .model(let diagnostics, let sources):
      Terminal.standardError(renderer.render(diagnostics, sources: sources))
      return ExitCode(2)
    case .project(let check, let modelDiagnostics, let modelSources):
      Terminal.standardError(renderer.render(check.diagnostics, sources: check.sources))
      if !modelDiagnostics.isEmpty { Terminal.standardError(renderer.render(modelDiagnostics, sources: modelSources)) }
      Terminal.error("the project has errors; nothing was simulated")
      return ExitCode(1)
    case .input(let error):
      Terminal.error("\(error)")
      return ExitCode(2)
    }
  }
}
