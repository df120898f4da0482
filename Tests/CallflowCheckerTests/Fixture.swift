import CallflowChecker
import CallflowDiagnostics
import CallflowRules
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

  /// Every diagnostic as `<file>:<line>:<col> <rule> <message>`, in print order.
  func diagnostics() -> [String] { results().map(Self.describe) }

  func results() -> [Diagnostic] {
    let frontend = YAMLFrontend(substitutions: substitutions)
    var all: [Diagnostic] = []
    var parsedCenter: Center?
    if let center {
      let parsed = frontend.parseCenter(SourceFile(path: "center.yaml", text: center), file: FileID(0))
      parsedCenter = parsed.center
      all += parsed.diagnostics
    }
    var syntaxes: [FlowSyntax] = []
    for (i, text) in flows.enumerated() {
      let parsed = frontend.parseFlow(SourceFile(path: "f\(i + 1).flow.yaml", text: text), file: FileID(UInt32(i + 1)))
      all += parsed.diagnostics
      if let flow = parsed.flow { syntaxes.append(flow) }
    }
    let index = ProjectIndex(flows: syntaxes, center: parsedCenter, knowsAllFlows: knowsAllFlows)
    var checked: [CheckedFlow] = []
    for syntax in syntaxes {
      let (flow, problems) = Checker.check(syntax, index: index)
      checked.append(flow)
      all += problems
    }
    all += Checker.checkProject(checked, index: index)
    return all.sorted { ($0.span, $0.rule, $0.message) < ($1.span, $1.rule, $1.message) }
  }

  static func describe(_ d: Diagnostic) -> String {
    "\(d.span.file.rawValue):\(d.span.start) \(d.rule) \(d.message)"
  }
}
