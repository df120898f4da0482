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
  /// The center's names of each kind of resource, in the order of ``ResourceKind/centerKinds``.
  private var resourceNames: [Set<String>] = []

  public init(flows: [FlowSyntax], center: Center?, knowsAllFlows: Bool) {
    self.center = center
    self.knowsAllFlows = knowsAllFlows
    for flow in flows {
      guard let name = flow.name, self.flows[name.value] == nil else { continue }
      self.flows[name.value] = FlowEntry(
        name: name, type: flow.type.flatMap { FlowType(rawValue: $0.value) }, typeSpan: flow.type?.span)
    }
    if let center {
      resourceNames = ResourceKind.centerKinds.map { Set(center.names(of: $0).map(\.value)) }
    }
  }

  /// Whether the resource exists, or `nil` when it cannot be known (no center, lone file).
  func defines(_ kind: ResourceKind, _ name: String) -> Bool? {
    if case .flow = kind { return flows[name] != nil ? true : (knowsAllFlows ? false : nil) }
    guard center != nil, let slot = kind.centerSlot else { return nil }
    return resourceNames[slot].contains(name)
  }

  /// The names a misspelt reference of `kind` may have meant.
  func names(of kind: ResourceKind) -> [String] {
    if case .flow = kind { return flows.keys.sorted() }
    guard let slot = kind.centerSlot, slot < resourceNames.count else { return [] }
    return resourceNames[slot].sorted()
  }
}

extension ResourceKind {
  /// The kinds of resource `center.yaml` defines.
  static let centerKinds: [ResourceKind] = [.queue, .prompt, .hours, .routingProfile]

  /// This kind's place in ``centerKinds``; `nil` for flows.
  var centerSlot: Int? {
    switch self {
    case .queue: 0
    case .prompt: 1
    case .hours: 2
    case .routingProfile: 3
    case .flow: nil
    }
  }
}
