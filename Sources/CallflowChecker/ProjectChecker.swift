import CallflowDiagnostics
import CallflowSyntax

/// The rules that look across files: `duplicate-flow-name`, references from `center.yaml`,
/// and `phone-number-unassigned`.
struct ProjectChecker {
  let index: ProjectIndex
  let flows: [CheckedFlow]
  var bag = DiagnosticBag()

  mutating func run() {
    duplicateNames()
    entryDependent()
    ProjectCallbackRules(index: index, flows: flows).run(&bag)
    FlowLoopRule(flows: flows).run(&bag)
    guard let center = index.center else { return }
    centerReferences(center)
    unassignedNumbers(center)
  }

  /// Emits the findings of each flow that stand because nothing runs before it to provide what
  /// they miss: no other flow hands the contact to it, or none writes the attribute.
  private mutating func entryDependent() {
    guard index.knowsAllFlows else { return }
    var enteredBy: [String: Int] = [:]
    for flow in flows {
      for name in Set(flow.flowReferences.map(\.value)) where name != flow.name { enteredBy[name, default: 0] += 1 }
    }
    // How many flows write each attribute path or root.
    var writers: [String: Int] = [:]
    for flow in flows { for pattern in flow.summary.writtenAttributes { writers[pattern, default: 0] += 1 } }
    func writtenElsewhere(_ path: String, by flow: CheckedFlow) -> Bool {
      let root = path.split(separator: ".", maxSplits: 2).prefix(2).joined(separator: ".") + ".*"
      return [path, root].contains { pattern in
        (writers[pattern] ?? 0) - (flow.summary.writtenAttributes.contains(pattern) ? 1 : 0) > 0
      }
    }
    for flow in flows {
      let entered = flow.name.map { enteredBy[$0] != nil } ?? false
      for finding in flow.summary.entryDependent {
        switch finding.unless {
        case .enteredFromAnotherFlow:
          if entered { continue }
        case .attributeWrittenElsewhere(let path):
          if entered && writtenElsewhere(path, by: flow) { continue }
        }
        bag.append(finding.diagnostic)
      }
    }
  }

  private mutating func duplicateNames() {
    var first: [String: Located<String>] = [:]
    for flow in flows {
      guard let name = flow.syntax.name else { continue }
      if let earlier = first[name.value] {
        bag.report(
          .duplicateFlowName, "a flow named `\(name.value)` already exists", at: name.span,
          notes: [Note("the first flow named `\(name.value)` is here", at: earlier.span)])
      } else {
        first[name.value] = name
      }
    }
  }

  private mutating func centerReferences(_ center: Center) {
    var typer = ValueTyper(index: index, bag: DiagnosticBag())
    for queue in center.queues {
      if let hours = queue.hours { typer.reference(.hours, hours) }
    }
    for profile in center.routingProfiles {
      for entry in profile.entries { typer.reference(.queue, entry.queue) }
    }
    for agent in center.agents {
      if let profile = agent.routingProfile { typer.reference(.routingProfile, profile) }
    }
    for entry in center.phoneNumbers {
      guard index.knowsAllFlows else { continue }
      typer.reference(.flow(.exactly(.inbound)), entry.flow)
      if let target = index.flows[entry.flow.value], let type = target.type, type != .inbound {
        bag.report(
          .flowTypeMismatch,
          "phone number `\(entry.number.value)` starts `\(entry.flow.value)`, a `\(type.rawValue)` flow; callers can only enter `inbound` flows",
          at: entry.flow.span,
          notes: target.typeSpan.map { [Note("`\(entry.flow.value)` is declared `\(type.rawValue)` here", at: $0)] } ?? [])
      }
    }
    bag.append(contentsOf: typer.bag.diagnostics)
  }

  private mutating func unassignedNumbers(_ center: Center) {
    guard index.knowsAllFlows else { return }
    var entered = Set(center.phoneNumbers.map(\.flow.value))
    for flow in flows { entered.formUnion(flow.flowReferences.map(\.value)) }
    for flow in flows where flow.type == .inbound {
      guard let name = flow.syntax.name, !entered.contains(name.value) else { continue }
      // A flow imported from Amazon Connect is reached by numbers the center does not list
      // until the project says which: only once it lists some is one with none reported.
      if flow.syntax.isFromConnect && center.phoneNumbers.isEmpty { continue }
      bag.report(
        .phoneNumberUnassigned, "inbound flow `\(name.value)` is not reached by any phone number or flow", at: name.span,
        notes: [
          Note("callers enter an inbound flow through a number in center.yaml: `phone-numbers: {\"+1…\": \(name.value)}`")
        ])
    }
  }
}
