import CallflowDiagnostics
import CallflowSyntax

/// What became of one scenario.
public struct ScenarioOutcome: Sendable {
  public enum Status: Sendable, Equatable {
    case passed
    case failed
    /// The scenario or its project could not be run: its diagnostics say why.
    case error
  }

  /// An expectation that did not hold.
  public struct Failure: Sendable {
    public var span: SourceSpan
    public var what: String
    public var expected: String
    public var actual: String
  }

  public var path: String
  public var name: String
  public var status: Status
  public var failures: [Failure] = []
  public var diagnostics: [Diagnostic] = []
  /// Problems the flows met at run time (a branch that goes nowhere, a runaway).
  public var issues: [String] = []
  /// The errors of a project that does not build, as `callflow check` prints them.
  public var projectErrors: String?
  public var expectations = 0
  public var contacts = 0
  public var events = 0
  /// The run's contact records, as JSON objects.
  public var records: [JSONValue] = []

  /// A scenario not run yet: its file, its name, and `error` until it runs.
  public init(path: String, name: String, status: Status) {
    self.path = path
    self.name = name
    self.status = status
  }
}
