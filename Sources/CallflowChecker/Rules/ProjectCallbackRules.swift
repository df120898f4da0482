import CallflowDiagnostics
import CallflowSyntax

/// The callback rules that need the whole project: what creation and outbound flows do
/// (`creation-flow-no-transfer`, `duplicate-callback-unchecked`, `customer-first-outbound-flow`),
/// and how `center.yaml` serves the queues callbacks go to (`callback-queue-unrouted`,
/// `callback-queue-caller-id`, `callback-loses-position`, `callback-priority-above-inbound`).
struct ProjectCallbackRules {
  let index: ProjectIndex
  let flows: [CheckedFlow]
  /// The first flow of each name.
  let byName: [String: CheckedFlow]
  /// Every callback's queue, with the queues its caller may have waited in: a callback of a
  /// customer-queue flow goes to, or comes from, the queues of the flows that set it.
  let uses: [CheckedFlow.CallbackQueueUse]
  /// The queues callers are transferred to.
  let inboundQueues: Set<String>

  init(index: ProjectIndex, flows: [CheckedFlow]) {
    self.index = index
    self.flows = flows
    var byName: [String: CheckedFlow] = [:]
    for flow in flows { if let name = flow.name, byName[name] == nil { byName[name] = flow } }
    self.byName = byName
    var waiting: [String: [String]] = [:]
    for flow in flows {
      for queueFlow in flow.summary.queueFlows { waiting[queueFlow, default: []] += flow.summary.inboundQueues.map(\.value) }
    }
    var uses: [CheckedFlow.CallbackQueueUse] = []
    for flow in flows {
      let queues = flow.type == .customerQueue ? Array(Set(flow.name.flatMap { waiting[$0] } ?? [])).sorted() : []
      for var use in flow.summary.callbackQueues {
        if flow.type == .customerQueue && use.originalQueues.isEmpty { use.originalQueues = queues.filter { $0 != use.queue.value } }
        uses.append(use)
      }
      for span in flow.summary.callbacksToWaitingQueue {
        uses += queues.map { .init(queue: Located($0, at: span), originalQueues: []) }
      }
    }
    self.uses = uses
    inboundQueues = Set(flows.flatMap { $0.summary.inboundQueues.map(\.value) })
  }

  func run(_ bag: inout DiagnosticBag) {
    creationFlows(&bag)
    outboundFlows(&bag)
    guard let center = index.center else { return }
    callbackQueues(center, &bag)
    priorities(center, &bag)
  }

  private func declared(_ flow: CheckedFlow) -> [Note] {
    flow.syntax.name.map { [Note("`\($0.value)` is declared here", at: $0.span)] } ?? []
  }

  // MARK: Creation flows

  private func creationFlows(_ bag: inout DiagnosticBag) {
    var unchecked: [String: Located<String>] = [:]
    for flow in flows {
      for reference in flow.summary.creationFlows {
        guard let target = byName[reference.value], target.type == .inbound else { continue }
        switch target.summary.queueing {
        case .never:
          bag.report(
            .creationFlowNoTransfer, "creation flow `\(reference.value)` never transfers to a queue: the callback is never queued",
            at: reference.span,
            notes: declared(target) + [Note("a callback contact is queued only if its creation flow runs a `transfer-to-queue`")])
        case .sometimes(let end, let path):
          bag.append(
            Diagnostic(
              .creationFlowNoTransfer,
              "creation flow `\(reference.value)` can end at `\(end.value)` without transferring to a queue: those callbacks are dropped",
              at: reference.span,
              notes: [
                Note("this path queues nothing: \(path)", at: end.span),
                Note("end on a `transfer-to-queue` on every path, unless dropping the callback is intended (a duplicate)"),
              ], severity: .warning))
        case .always:
          break
        }
        if case .never = target.summary.queueing { continue }
        if !target.summary.checksAttributes, unchecked[reference.value] == nil { unchecked[reference.value] = reference }
      }
    }
    for (name, reference) in unchecked.sorted(by: { $0.key < $1.key }) {
      guard let target = byName[name], let declaredName = target.syntax.name else { continue }
      bag.report(
        .duplicateCallbackUnchecked, "creation flow `\(name)` queues every callback without checking any attribute",
        at: declaredName.span,
        notes: [
          Note("it is the creation flow of this callback", at: reference.span),
          Note("a customer who calls again while a callback is pending asks for a second one; `check-attribute` on the profile or an attribute can drop duplicates and solved issues"),
        ])
    }
  }

  // MARK: Outbound flows

  private func outboundFlows(_ bag: inout DiagnosticBag) {
    for flow in flows {
      for reference in flow.summary.outboundFlows {
        guard let target = byName[reference.value], target.type == .outbound else { continue }
        switch target.summary.callProgress {
        case .unchecked:
          bag.report(
            .customerFirstOutboundFlow, "outbound flow `\(reference.value)` never checks who answered", at: reference.span,
            notes: declared(target) + [
              Note("start it with `check-call-progress`: a person goes to a `transfer-to-queue`, a voicemail recreates the callback")
            ])
        case .humanNotQueued(let span):
          bag.report(
            .customerFirstOutboundFlow,
            "outbound flow `\(reference.value)` never puts a person who answers through to an agent", at: reference.span,
            notes: [
              Note("the `human` branch goes here and reaches no `transfer-to-queue`", at: span),
              Note("the customer answered and waits for an agent: transfer them to the callback's queue"),
            ])
        case .handled:
          break
        }
      }
    }
  }

  // MARK: center.yaml

  /// Reported once per queue, at its definition in center.yaml (where the fix goes), with
  /// notes at the callbacks that go to it.
  private func callbackQueues(_ center: Center, _ bag: inout DiagnosticBag) {
    var uses: [String: [SourceSpan]] = [:]
    for use in self.uses { uses[use.queue.value, default: []].append(use.queue.span) }
    let routed = Set(center.routingProfiles.flatMap { $0.entries.map(\.queue.value) })
    var reported = Set<String>()
    for queue in center.queues {
      let name = queue.name.value
      guard var spans = uses[name], reported.insert(name).inserted else { continue }
      spans = Array(Set(spans)).sorted()
      var places: [Note] = spans.prefix(3).map { Note("callbacks go to `\(name)` here", at: $0) }
      if spans.count > 3 { places.append(Note("and from \(spans.count - 3) more places")) }
      if !routed.contains(name) {
        let profiles = center.routingProfiles.map(\.name.value)
        bag.report(
          .callbackQueueUnrouted, "callback queue `\(name)` is in no routing profile: no agent will receive its callbacks",
          at: queue.name.span,
          notes: places + [
            Note(
              profiles.isEmpty
                ? "add a routing profile listing it under `routing-profiles`"
                : "list it in a routing profile (\(Suggestions.list(profiles))) with the same priority as the callers' queue")
          ])
      }
      let missing = [queue.callerID?.name == nil ? "name" : nil, queue.callerID?.number == nil ? "number" : nil].compactMap { $0 }
      if !missing.isEmpty {
        bag.report(
          .callbackQueueCallerID, "callback queue `\(name)` has no outbound caller ID \(missing.joined(separator: " or "))",
          at: queue.callerID?.span ?? queue.name.span,
          notes: places + [
            Note("the customer sees the caller ID when the callback rings: give it `caller-id: {name: …, number: \"+1…\"}`")
          ])
      }
    }
  }

  private func priorities(_ center: Center, _ bag: inout DiagnosticBag) {
    var callbackQueues: Set<String> = []
    var firstUse: [String: SourceSpan] = [:]
    for use in uses {
      callbackQueues.insert(use.queue.value)
      if firstUse[use.queue.value] == nil { firstUse[use.queue.value] = use.queue.span }
    }
    for profile in center.routingProfiles {
      let entries = Dictionary(profile.entries.map { ($0.queue.value, $0) }, uniquingKeysWith: { first, _ in first })
      // callback-loses-position: per profile, each callback queue against each queue its
      // callers were in (or would be in had they declined), once, at the callback queue's
      // priority (where the policy is written), with the flows' places in notes.
      var pairs: [(callback: String, original: String, callerQueued: Bool, places: [SourceSpan])] = []
      for use in uses {
        guard let callback = entries[use.queue.value], let pc = callback.priority else { continue }
        for original in use.originalQueues {
          // A callback queue above an inbound one is `callback-priority-above-inbound`'s.
          guard let entry = entries[original], let po = entry.priority, pc.value != po.value,
            pc.value > po.value || !inboundQueues.contains(original)
          else { continue }
          if let k = pairs.firstIndex(where: { $0.callback == use.queue.value && $0.original == original }) {
            if !pairs[k].places.contains(use.queue.span) { pairs[k].places.append(use.queue.span) }
            pairs[k].callerQueued = pairs[k].callerQueued && use.callerQueued
          } else {
            pairs.append((use.queue.value, original, use.callerQueued, [use.queue.span]))
          }
        }
      }
      for pair in pairs {
        guard let pc = entries[pair.callback]?.priority, let po = entries[pair.original]?.priority else { continue }
        let order = pc.value > po.value ? "below" : "above"
        let places = pair.places.sorted()
        var notes = [
          Note(
            pair.callerQueued
              ? "the callers waited in `\(pair.original)`, at priority \(po.value) here"
              : "callers who do not take the callback wait in `\(pair.original)`, at priority \(po.value) here", at: po.span)
        ]
        notes += places.prefix(3).map { Note("callbacks go to `\(pair.callback)` here", at: $0) }
        if places.count > 3 { notes.append(Note("and from \(places.count - 3) more places")) }
        notes.append(Note("a callback keeps the original call's start time only among queues of the same priority"))
        bag.report(
          .callbackLosesPosition,
          "callbacks do not keep their place in line: `\(pair.callback)` has priority \(pc.value) in `\(profile.name.value)`, \(order) `\(pair.original)`'s \(po.value)",
          at: pc.span, notes: notes)
      }
      // callback-priority-above-inbound: per profile, each callback queue above an inbound one.
      for entry in profile.entries where callbackQueues.contains(entry.queue.value) && !inboundQueues.contains(entry.queue.value) {
        guard let pc = entry.priority else { continue }
        let above = profile.entries.filter { other in
          inboundQueues.contains(other.queue.value) && (other.priority.map { pc.value < $0.value } ?? false)
        }
        guard let first = above.first, let po = first.priority else { continue }
        bag.report(
          .callbackPriorityAboveInbound,
          "callback queue `\(entry.queue.value)` has a higher priority (\(pc.value)) than inbound queue `\(first.queue.value)` (\(po.value)) in `\(profile.name.value)`",
          at: pc.span,
          notes: [
            Note("`\(first.queue.value)` is at priority \(po.value) here", at: po.span),
            Note("agents will take callbacks while callers wait on the line; give callback queues the same or a lower priority"),
          ] + (firstUse[entry.queue.value].map { [Note("callbacks go to `\(entry.queue.value)` here", at: $0)] } ?? []))
      }
    }
  }
}
