import CallflowChecker
import CallflowDiagnostics
import CallflowSyntax

/// What the last check of a project knows of its names, for hover, go to definition, find
/// references and rename: each flow and each resource of `center.yaml`, where it is defined
/// and where it is used, as spans of the check's sources (written as the protocol's
/// locations only when a request asks).
struct ProjectFacts {
  struct Definition {
    var span: SourceSpan
    /// A line for hover: what the name is.
    var summary: String
  }

  /// By `kind:name`: `flow:main`, `queue:Support`, `prompt:welcome`, `hours:office`,
  /// `routing-profile:Tier1`.
  var definitions: [String: Definition] = [:]
  /// Where each name is used, by the same keys: the blocks' parameters of every flow, and
  /// `center.yaml`'s own references (numbers to flows, profiles to queues, queues to hours,
  /// agents to profiles).
  var references: [String: [SourceSpan]] = [:]
  /// The user attributes the project's flows write (`$.Attributes.<name>`), by name.
  var attributes: Set<String> = []

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

  /// The facts of a check: its flows (with their typed blocks) and center.
  init(flows: [CheckedFlow], center: Center?) {
    func use(_ kind: ResourceKind, _ name: Located<String>) { references[Self.key(kind, name.value), default: []].append(name.span) }
    func walk(_ value: Located<TypedValue>) {
      switch value.value {
      case .reference(let kind, let name): use(kind, Located(name, at: value.span))
      case .list(let items): items.forEach(walk)
      case .record(let fields): fields.forEach { walk($0.value) }
      default: break
      }
    }
    for flow in flows {
      for written in flow.summary.writtenAttributes where written.hasPrefix("$.Attributes.") && !written.hasSuffix("*") {
        attributes.insert(String(written.dropFirst("$.Attributes.".count)))
      }
      for block in flow.blocks { block.arguments.forEach { walk($0.value) } }
      guard let name = flow.syntax.name, definitions["flow:" + name.value] == nil else { continue }
      let type = flow.syntax.type?.value ?? "?"
      definitions["flow:" + name.value] = Definition(span: name.span, summary: "flow `\(name.value)`: a `\(type)` flow of \(flow.blocks.count) blocks")
    }
    guard let center else { return }
    for entry in center.phoneNumbers { use(.flow(.any), entry.flow) }
    for profile in center.routingProfiles { for entry in profile.entries { use(.queue, entry.queue) } }
    for queue in center.queues { if let hours = queue.hours { use(.hours, hours) } }
    for agent in center.agents { if let profile = agent.routingProfile { use(.routingProfile, profile) } }
    for queue in center.queues {
      var facts: [String] = []
      if let capacity = queue.capacity { facts.append("capacity \(capacity.value)") }
      if let hours = queue.hours { facts.append("hours `\(hours.value)`") }
      let profiles = center.routingProfiles.compactMap { profile -> String? in
        guard let entry = profile.entries.first(where: { $0.queue.value == queue.name.value }) else { return nil }
        return "`\(profile.name.value)`" + (entry.priority.map { " (priority \($0.value))" } ?? "")
      }
      facts.append(profiles.isEmpty ? "in no routing profile" : "served by " + profiles.joined(separator: ", "))
      definitions[Self.key(.queue, queue.name.value)] = Definition(span: queue.name.span, summary: "queue `\(queue.name.value)`: " + facts.joined(separator: "; "))
    }
    for profile in center.routingProfiles {
      let queues = profile.entries.map { "`\($0.queue.value)`" + ($0.priority.map { " (priority \($0.value))" } ?? "") }
      definitions[Self.key(.routingProfile, profile.name.value)] = Definition(
        span: profile.name.span, summary: "routing profile `\(profile.name.value)`: " + queues.joined(separator: ", "))
    }
    for hours in center.hours {
      definitions[Self.key(.hours, hours.name.value)] = Definition(
        span: hours.name.span, summary: "hours `\(hours.name.value)`" + (hours.timezone.map { " in \($0.value)" } ?? ""))
    }
    for prompt in center.prompts {
      definitions[Self.key(.prompt, prompt.name.value)] = Definition(span: prompt.name.span, summary: "prompt `\(prompt.name.value)`: “\(prompt.text.value)”")
    }
  }

  /// The key of the name defined or used at `location` of file `file`.
  func key(at location: SourceLocation, in file: FileID) -> String? {
    func holds(_ span: SourceSpan) -> Bool { span.file == file && span.start <= location && location <= span.end }
    if let found = definitions.first(where: { holds($0.value.span) }) { return found.key }
    return references.first { $0.value.contains(where: holds) }?.key
  }

  /// The byte offset of a location (lines and scalar columns from 1) in `bytes`.
  static func offset(of location: SourceLocation, in bytes: [UInt8]) -> Int? {
    var line = 1
    var i = 0
    while line < location.line {
      guard let newline = bytes[i...].firstIndex(where: { $0 == 10 || $0 == 13 }) else { return nil }
      i = newline + (bytes[newline] == 13 && newline + 1 < bytes.count && bytes[newline + 1] == 10 ? 2 : 1)
      line += 1
    }
    var column = 1
    while column < location.column, i < bytes.count {
      // Step over one scalar: a lead byte and its continuation bytes.
      i += 1
      while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
      column += 1
    }
    return i
  }
}
