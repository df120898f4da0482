import CallflowDiagnostics
import CallflowSyntax

/// What a flow may refer to: the project's flows by name and the center's resources.
public struct ProjectIndex: Sendable {
  public struct FlowEntry: Sendable {
    public var name: Located<String>
    public var type: FlowType?
    public var typeSpan: SourceSpan?
  }

  /// Every flow by name (the first, when a name is used twice).
  public var flows: [String: FlowEntry] = [:]
  public var center: Center?
  /// Whether references to flows not in ``flows`` are errors (false for a lone file).
  public var knowsAllFlows: Bool
  private var resourceNames: [String: Set<String>] = [:]

  public init(flows: [FlowSyntax], center: Center?, knowsAllFlows: Bool) {
    self.center = center
    self.knowsAllFlows = knowsAllFlows
    for flow in flows {
      guard let name = flow.name, self.flows[name.value] == nil else { continue }
      self.flows[name.value] = FlowEntry(
        name: name, type: flow.type.flatMap { FlowType(rawValue: $0.value) }, typeSpan: flow.type?.span)
    }
    if let center {
      for kind in [ResourceKind.queue, .prompt, .hours, .routingProfile] {
        resourceNames[kind.noun] = Set(center.names(of: kind).map(\.value))
      }
    }
  }

  /// Whether the resource exists, or `nil` when it cannot be known (no center, lone file).
  func defines(_ kind: ResourceKind, _ name: String) -> Bool? {
    if case .flow = kind { return flows[name] != nil ? true : (knowsAllFlows ? false : nil) }
    guard center != nil else { return nil }
    return resourceNames[kind.noun]?.contains(name) ?? false
  }

  /// The names a misspelt reference of `kind` may have meant.
  func names(of kind: ResourceKind) -> [String] {
    if case .flow = kind { return flows.keys.sorted() }
    return (resourceNames[kind.noun] ?? []).sorted()
  }
}
