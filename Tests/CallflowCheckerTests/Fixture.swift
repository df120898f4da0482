import CallflowChecker
import CallflowDiagnostics
import CallflowDriver
import CallflowSyntax
import CallflowYAML

/// A small project held in memory: `center.yaml` (file 0) and flow files (1, 2, …).
struct Fixture {
  static let center = """
    center: test
    queues:
      Support: {capacity: 5, caller-id: {name: Acme, number: "+18005550199"}}
      Callbacks: {capacity: 5, caller-id: {name: Acme, number: "+18005550199"}}
    routing-profiles:
      Tier1: {queues: [{queue: Support, priority: 1}, {queue: Callbacks, priority: 1}]}
    phone-numbers:
      "+18005550199": main
    hours:
      office: {timezone: UTC, mon-fri: "08:00-18:00"}
    prompts:
      welcome: "Hi."
    """

  var center: String? = Fixture.center
  var flows: [String]
  var substitutions = Substitutions()
  var knowsAllFlows = true

  init(_ flows: String..., center: String? = Fixture.center) {
    self.flows = flows
    self.center = center
  }

  /// An inbound flow `main` starting at `start` with these blocks (indented by two spaces).
  static func inbound(_ blocks: String, name: String = "main", type: String = "inbound", start: String = "hello", header: String = "")
    -> String
  {
    "flow: \(name)\ntype: \(type)\nstart: \(start)\n\(header)blocks:\n" + blocks + "\n"
  }

  /// `callflow.yaml`, if the project has one (rule levels, exclusions, environments).
  var config: String?

  /// Every diagnostic as `<file>:<line>:<col> <rule> <message>`, in print order.
  func diagnostics() -> [String] { results().map(Self.describe) }

  /// The project's diagnostics as `callflow check` finds them, through the same in-memory
  /// project the driver checks (configuration, substitutions, suppressions and rule levels
  /// included), with files numbered as this fixture numbers them: `center.yaml` 0, the flows
  /// from 1, `callflow.yaml` after them.
  func results() -> [Diagnostic] {
    var configText = config
    if let environment = substitutions.environment {
      let values = substitutions.values.sorted { $0.key < $1.key }.map { "\($0.key): \"\($0.value)\"" }.joined(separator: ", ")
      configText = (configText ?? "") + "environments:\n  \(environment): {\(values)}\n"
    }
    let flowFiles = flows.enumerated().map { Project.File(path: "f\($0.offset + 1).flow.yaml", bytes: Array($0.element.utf8)) }
    var paths = flowFiles.map(\.path)
    if center != nil { paths.append("center.yaml") }
    if configText != nil { paths.append("callflow.yaml") }
    let project = Project(
      root: ".", config: configText.map { Project.File(path: "callflow.yaml", bytes: Array($0.utf8)) },
      center: center.map { Project.File(path: "center.yaml", bytes: Array($0.utf8)) }, flows: flowFiles, reported: Set(paths),
      complete: knowsAllFlows)
    let options = CheckOptions(
      environment: substitutions.environment, defines: substitutions.environment == nil ? substitutions.values : [:])
    guard let result = try? CheckRun.run([project], options: options) else { return [] }
    // The fixture's numbering: center.yaml 0, the flows 1, 2, …, callflow.yaml last.
    var number: [String: FileID] = ["center.yaml": FileID(0), "callflow.yaml": FileID(UInt32(flows.count + 1))]
    for (i, file) in flowFiles.enumerated() { number[file.path] = FileID(UInt32(i + 1)) }
    func renumber(_ span: SourceSpan) -> SourceSpan {
      var span = span
      span.file = number[result.sources.path(span.file)] ?? span.file
      return span
    }
    return result.diagnostics.map { diagnostic in
      var d = diagnostic
      d.span = renumber(d.span)
      d.notes = d.notes.map { note in Note(note.message, at: note.span.map(renumber)) }
      d.fixes = d.fixes.map { FixIt($0.message, replacing: renumber($0.span), with: $0.replacement) }
      return d
    }.sorted { ($0.span, $0.rule, $0.message) < ($1.span, $1.rule, $1.message) }
  }

  static func describe(_ d: Diagnostic) -> String {
    "\(d.span.file.rawValue):\(d.span.start) \(d.rule) \(d.message)"
  }
}
