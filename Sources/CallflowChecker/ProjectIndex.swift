import CallflowDiagnostics
import CallflowSyntax

/// What a flow may refer to: the project's flows by name and the center's resources.
public struct ProjectIndex: Sendable {
  public struct FlowEntry: Sendable {
    public var name: Located<String>
    public var type: FlowType?
    public var typeSpan: SourceSpan?
  }

  /// The flows by the ARN and id Amazon Connect gave them (`connect: {arn, id}`).
  public var flowsByConnectID: [String: String] = [:]
  /// The center's resources by ARN, in the order of ``ResourceKind/centerKinds``.
  private var resourceARNs: [Set<String>] = []
  /// The center's resource names by ARN, in the order of ``ResourceKind/centerKinds``.
  private var namesByARN: [[String: String]] = []

  /// Every flow by name (the first, when a name is used twice).
  public var flows: [String: FlowEntry] = [:]
  public var center: Center?
  /// Whether references to flows not in ``flows`` are errors (false for a lone file).
  public var knowsAllFlows: Bool
  /// Where `center.yaml` was looked for, from this folder up, and not found; nil when the
  /// project has one or where it would be is not known. With no center, a resource named
  /// (not an ARN) cannot exist: the reference is an error that says so.
  public var centerSought: String?
  /// The center's names of each kind of resource, in the order of ``ResourceKind/centerKinds``.
  private var resourceNames: [Set<String>] = []

  public init(flows: [FlowSyntax], center: Center?, knowsAllFlows: Bool) {
    self.init(headers: flows.map(FlowHeader.init), center: center, knowsAllFlows: knowsAllFlows)
  }

  /// The index of a project whose flows have these headers: all that the index reads of a
  /// flow, so that a project can be indexed before its flows are read whole.
  public init(headers: [FlowHeader], center: Center?, knowsAllFlows: Bool) {
    self.center = center
    self.knowsAllFlows = knowsAllFlows
    for flow in headers {
      guard let name = flow.name, self.flows[name.value] == nil else { continue }
      for id in flow.connectIDs { flowsByConnectID[id] = name.value }
      self.flows[name.value] = FlowEntry(
        name: name, type: flow.type.flatMap { FlowType(rawValue: $0.value) }, typeSpan: flow.type?.span)
    }
    if let center {
      resourceNames = ResourceKind.centerKinds.map { Set(center.names(of: $0).map(\.value)) }
      resourceARNs = ResourceKind.centerKinds.map { Set(center.arns(of: $0).map(\.arn)) }
      namesByARN = ResourceKind.centerKinds.map { kind in
        Dictionary(center.arns(of: kind).map { ($0.arn, $0.name) }, uniquingKeysWith: { _, last in last })
      }
    }
  }

  /// Whether the resource exists, or `nil` when it cannot be known (no center, lone file).
  func defines(_ kind: ResourceKind, _ name: String) -> Bool? {
    // Deployment templates' placeholders (`{{queue.arn}}`, `%%QUEUE%%`) are kept as text.
    if ConnectReference.isPlaceholder(name) { return nil }
    if case .flow = kind, let known = flowsByConnectID[name] { return flows[known] != nil ? true : nil }
    if case .flow = kind, ConnectReference.isID(name) { return center == nil ? nil : (flowsByConnectID[name] != nil ? true : nil) }
    if name.hasPrefix("arn:") {
      // An Amazon Connect ARN: checked against what the project knows of Connect; without a
      // center.yaml, the resources an export names are taken as existing.
      guard center != nil else { return nil }
      if case .flow = kind {
        let id = name.split(separator: "/").last.map(String.init) ?? name
        return flowsByConnectID[name] != nil || flowsByConnectID[id] != nil ? true : nil
      }
      guard let slot = kind.centerSlot, slot < resourceARNs.count else { return nil }
      return resourceARNs[slot].contains(name)
    }
    if case .flow = kind { return flows[name] != nil ? true : (knowsAllFlows ? false : nil) }
    guard let slot = kind.centerSlot else { return nil }
    // (An empty name is an export's blank left to be filled when it is deployed, as a
    // placeholder is.)
    guard center != nil else { return centerSought == nil || name.isEmpty ? nil : false }
    return resourceNames[slot].contains(name)
  }

  /// The name of the resource Amazon Connect knows as `id` (an ARN, or a flow's id), if the
  /// project has it.
  func name(of kind: ResourceKind, connectID id: String) -> String? {
    if case .flow = kind {
      let last = id.split(separator: "/").last.map(String.init) ?? id
      return flowsByConnectID[id] ?? flowsByConnectID[last]
    }
    guard let slot = kind.centerSlot, slot < namesByARN.count else { return nil }
    return namesByARN[slot][id]
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

/// What the project's index reads of a flow: its name, its type, and the ids Amazon Connect
/// gave it. Two flows with equal headers index alike.
public struct FlowHeader: Equatable, Sendable {
  public var name: Located<String>?
  public var type: Located<String>?
  /// The flow's `connect` `arn` and `id`, those not empty, in the order written.
  public var connectIDs: [String]

  public init(_ flow: FlowSyntax) {
    name = flow.name
    type = flow.type
    connectIDs = []
    if case .record(let fields)? = flow.connect?.kind {
      for f in fields where f.name.value == "arn" || f.name.value == "id" {
        // An export whose Arn or Id is empty (a template) names no flow by it.
        if let text = f.value.scalarText, !text.isEmpty { connectIDs.append(text) }
      }
    }
  }
}
