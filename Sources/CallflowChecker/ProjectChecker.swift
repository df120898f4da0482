import CallflowDiagnostics
import CallflowSyntax

/// The rules that look across files: `duplicate-flow-name`, references from `center.yaml`,
/// `phone-number-unassigned` and `queue-unrouted`.
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
    unroutedQueues(center)
  }

  /// Each queue callers are transferred to that no routing profile lists, once, at its
  /// definition (where the fix goes), with notes at the transfers. A queue callbacks go to is
  /// `callback-queue-unrouted`'s.
  private mutating func unroutedQueues(_ center: Center) {
    let routed = Set(center.routingProfiles.flatMap { $0.entries.map(\.queue.value) })
    var transfers: [String: [SourceSpan]] = [:]
    for flow in flows { for queue in flow.summary.inboundQueues { transfers[queue.value, default: []].append(queue.span) } }
    let callbackQueues = Set(flows.flatMap { $0.summary.callbackQueues.map(\.queue.value) })
    var reported = Set<String>()
    for queue in center.queues {
      let name = queue.name.value
      guard !routed.contains(name), !callbackQueues.contains(name), let spans = transfers[name], reported.insert(name).inserted else { continue }
      let places = Array(Set(spans)).sorted()
      var notes = places.prefix(3).map { Note("callers are transferred to `\(name)` here", at: $0) }
      if places.count > 3 { notes.append(Note("and from \(places.count - 3) more places")) }
      let profiles = center.routingProfiles.map(\.name.value)
      notes.append(
        Note(
          profiles.isEmpty
            ? "add a routing profile listing it under `routing-profiles`, and give agents that profile"
            : "list it in a routing profile (\(Suggestions.list(profiles))) whose agents should take its calls"))
      bag.report(.queueUnrouted, "queue `\(name)` is in no routing profile: no agent will take the calls transferred to it", at: queue.name.span, notes: notes)
    }
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
