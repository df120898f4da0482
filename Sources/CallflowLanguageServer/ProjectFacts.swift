import CallflowChecker
import CallflowDiagnostics
import CallflowSyntax

/// What the last check of a project knows of its names, for hover and go to definition:
/// each flow and each resource of `center.yaml`, with the place it is defined.
struct ProjectFacts {
  struct Definition {
    /// The protocol location (`uri` and `range`) of the name where it is defined.
    var location: LSPAny
    /// A line for hover: what the name is.
    var summary: String
  }

  /// By `kind:name`: `flow:main`, `queue:Support`, `prompt:welcome`, `hours:office`,
  /// `routing-profile:Tier1`.
  var definitions: [String: Definition] = [:]

  static func key(_ kind: ResourceKind, _ name: String) -> String {
    switch kind {
    case .queue: "queue:" + name
    case .flow: "flow:" + name
    case .prompt: "prompt:" + name
    case .hours: "hours:" + name
    case .routingProfile: "routing-profile:" + name
    }
  }

  init() {}

  init(flows: [CheckedFlow], center: Center?, location: (SourceSpan) -> LSPAny) {
    for flow in flows {
      guard let name = flow.syntax.name, definitions["flow:" + name.value] == nil else { continue }
      let type = flow.syntax.type?.value ?? "?"
      definitions["flow:" + name.value] = Definition(
        location: location(name.span), summary: "flow `\(name.value)`: a `\(type)` flow of \(flow.blocks.count) blocks")
    }
    guard let center else { return }
    for queue in center.queues {
      var facts: [String] = []
      if let capacity = queue.capacity { facts.append("capacity \(capacity.value)") }
      if let hours = queue.hours { facts.append("hours `\(hours.value)`") }
      let profiles = center.routingProfiles.compactMap { profile -> String? in
        guard let entry = profile.entries.first(where: { $0.queue.value == queue.name.value }) else { return nil }
        return "`\(profile.name.value)`" + (entry.priority.map { " (priority \($0.value))" } ?? "")
      }
      facts.append(profiles.isEmpty ? "in no routing profile" : "served by " + profiles.joined(separator: ", "))
      definitions[Self.key(.queue, queue.name.value)] = Definition(
        location: location(queue.name.span), summary: "queue `\(queue.name.value)`: " + facts.joined(separator: "; "))
    }
    for profile in center.routingProfiles {
      let queues = profile.entries.map { "`\($0.queue.value)`" + ($0.priority.map { " (priority \($0.value))" } ?? "") }
      definitions[Self.key(.routingProfile, profile.name.value)] = Definition(
        location: location(profile.name.span), summary: "routing profile `\(profile.name.value)`: " + queues.joined(separator: ", "))
    }
    for hours in center.hours {
      definitions[Self.key(.hours, hours.name.value)] = Definition(
        location: location(hours.name.span), summary: "hours `\(hours.name.value)`" + (hours.timezone.map { " in \($0.value)" } ?? ""))
    }
    for prompt in center.prompts {
      definitions[Self.key(.prompt, prompt.name.value)] = Definition(
        location: location(prompt.name.span), summary: "prompt `\(prompt.name.value)`: “\(prompt.text.value)”")
    }
  }
}
