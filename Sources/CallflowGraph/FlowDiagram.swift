import CallflowChecker
import CallflowConcurrency
import CallflowDiagnostics
import CallflowSyntax

/// A Graphviz diagram of a project's flows: a cluster per flow with its blocks drawn by
/// category and its branches as labelled edges, the references between flows as edges
/// between clusters, the phone numbers of `center.yaml` as entry points, unreachable blocks
/// greyed, and blocks with diagnostics outlined by severity with the messages as tooltips.
/// The same input gives the same bytes.
public struct FlowDiagram: Sendable {
  let flows: [CheckedFlow]
  let center: Center?
  let sources: SourceMap
  /// Diagnostics by file, in order of their start.
  let diagnostics: [FileID: [Diagnostic]]
  /// Only this flow, its entry points, and stubs for the flows it refers to.
  let only: String?
  /// The flow files that did not parse: each drawn as a broken flow, with its first error.
  let broken: [Broken]

  /// A flow file that did not parse, and why.
  public struct Broken: Sendable {
    public var path: String
    public var error: Diagnostic

    public init(path: String, error: Diagnostic) {
      self.path = path
      self.error = error
    }
  }

  /// A diagram of `flows` (checked with their blocks kept) and `center`'s phone numbers,
  /// with `diagnostics` marked; of the flow named `only` when given.
  public init(
    flows: [CheckedFlow], center: Center?, diagnostics: [Diagnostic], sources: SourceMap, only: String? = nil, broken: [Broken] = []
  ) {
    self.broken = broken.sorted { $0.path < $1.path }
    let paths = sources.files.map(\.path)
    self.flows = flows.filter { $0.name != nil }.sorted { a, b in
      if a.name != b.name { return (a.name ?? "") < (b.name ?? "") }
      return (paths[safe: a.syntax.file] ?? "") < (paths[safe: b.syntax.file] ?? "")
    }
    self.center = center
    self.sources = sources
    self.diagnostics = Dictionary(grouping: diagnostics, by: \.span.file).mapValues { $0.sorted { $0.span.start < $1.span.start } }
    self.only = only
  }

  /// The names of the flows the diagram can draw.
  public var flowNames: [String] { flows.compactMap(\.name) }

  /// The diagram in the DOT language.
  public func dot() -> String { String(decoding: dotBytes(), as: UTF8.self) }

  /// The diagram in the DOT language, as UTF-8.
  public func dotBytes() -> [UInt8] { Self.joined(dotParts()) }

  /// The parts of ``dotParts()`` as one text, for a reader that needs it whole.
  public static func joined(_ parts: [[UInt8]]) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(parts.reduce(0) { $0 + $1.count })
    for part in parts { bytes += part }
    return bytes
  }

  /// The diagram in the DOT language, as UTF-8, in parts to be written one after the other:
  /// a file is written from them without the diagram ever being held twice.
  public func dotParts() -> [[UInt8]] {
    var out = DOTBuffer(capacity: 1 << 16)
    let title = (center?.name?.value).map { "\($0): " } ?? ""
    let shown = flows.filter { only == nil || $0.name == only }
    let caption = only.map { "flow \($0)" } ?? "\(shown.count) flow\(shown.count == 1 ? "" : "s")"
    out.raw("digraph \"callflow\" {\n  graph ")
    out.attributes([
      ("fontname", "Helvetica"), ("fontsize", "16"), ("label", title + caption), ("labelloc", "t"), ("rankdir", "TB"),
      ("compound", "true"), ("newrank", "true"), ("nodesep", "0.3"), ("ranksep", "0.4"), ("charset", "UTF-8"),
    ])
    out.raw(";\n  node ")
    out.attributes([("fontname", "Helvetica"), ("fontsize", "10"), ("margin", "0.1,0.05")])
    out.raw(";\n  edge ")
    out.attributes([("fontname", "Helvetica"), ("fontsize", "9")])
    out.raw(";\n")
    var firstByName: [String: CheckedFlow] = [:]
    for flow in flows { if let name = flow.name, firstByName[name] == nil { firstByName[name] = flow } }
    let byName = firstByName
    // Each flow's cluster and its references are written on their own, on all cores.
    var parts = parallelMap(shown.count) { i in
      var cluster = DOTBuffer(capacity: 256 * shown[i].blocks.count)
      self.cluster(shown[i], into: &cluster)
      var links = DOTBuffer()
      let stubs = self.references(of: shown[i], byName: byName, into: &links)
      return (cluster, links, stubs)
    }
    // The header, each flow's cluster, the stubs and entry points, each flow's references,
    // the legend: parts given as they are, never joined here.
    var result: [[UInt8]] = [out.bytes]
    out = DOTBuffer(capacity: 1 << 16)
    var stubs: Set<String> = []
    for i in parts.indices {
      result.append(parts[i].0.bytes)
      parts[i].0 = DOTBuffer()
      stubs.formUnion(parts[i].2)
    }
    // Flows referred to but not drawn: stubs for those of the project, warnings for the rest.
    for name in stubs.sorted() {
      out.raw("  ")
      out.quoted("flow:" + name)
      out.raw(" ")
      if let flow = byName[name] {
        out.attributes([
          ("shape", "folder"), ("style", "filled"), ("fillcolor", "#ede7f6"),
          ("label", name + "\n(" + (flow.type?.rawValue ?? "flow") + ")"), ("tooltip", "flow \(name): draw it with --flow \(name)"),
        ])
      } else {
        out.attributes([
          ("shape", "folder"), ("style", "dashed"), ("color", "#d32f2f"), ("fontcolor", "#d32f2f"),
          ("label", name + "\n(not in the project)"), ("tooltip", "no flow named \(name) in the project"),
        ])
      }
      out.raw(";\n")
    }
    // Files that did not parse: there, but broken, with the error that stopped them.
    if only == nil {
      for file in broken {
        let name = (file.path.split(separator: "/").last).map(String.init) ?? file.path
        let place = "\(file.path):\(file.error.span.start.line):\(file.error.span.start.column)"
        out.raw("  ")
        out.quoted("broken:" + file.path)
        out.raw(" ")
        out.attributes([
          ("shape", "folder"), ("style", "dashed"), ("color", "#d32f2f"), ("fontcolor", "#d32f2f"),
          ("label", name + "\n(does not parse)"), ("tooltip", "\(place): \(file.error.message)"),
        ])
        out.raw(";\n")
      }
    }
    entryPoints(byName: byName, shown: Set(shown.compactMap(\.name)), into: &out)
    result.append(out.bytes)
    for i in parts.indices {
      result.append(parts[i].1.bytes)
      parts[i].1 = DOTBuffer()
    }
    out = DOTBuffer()
    var categories: Set<BlockCategory> = []
    for flow in shown { for block in flow.blocks { categories.insert(BlockLabel.category(block)) } }
    legend(categories, into: &out)
    out.raw("}\n")
    result.append(out.bytes)
    return result
  }

  /// The node ID of block `block` of flow `flow`.
  static func nodeID(_ flow: String, _ block: String) -> String { DOT.quoted(flow + "/" + block) }

  static func nodeID(_ flow: String, _ block: String, into out: inout DOTBuffer) { out.quoted(flow + "/" + block) }

  /// Where a flow is entered: its start block, or a stub when it has none.
  private func entry(of name: String, byName: [String: CheckedFlow], drawn: Bool) -> (node: String, cluster: String?) {
    guard drawn, let flow = byName[name], let start = flow.start, start < flow.blocks.count else { return (DOT.quoted("flow:" + name), nil) }
    return (Self.nodeID(name, flow.blocks[start].id.value), "cluster:" + name)
  }

  private func cluster(_ flow: CheckedFlow, into out: inout DOTBuffer) {
    let name = flow.name ?? "?"
    let reachable = reachableBlocks(flow)
    let file = sources.path(flow.syntax.file)
    out.raw("  subgraph ")
    out.quoted("cluster:" + name)
    out.raw(" {\n    graph ")
    var attributes: [(String, String)] = [
      ("label", name + " (" + (flow.type?.rawValue ?? flow.syntax.type?.value ?? "?") + ")"), ("labeljust", "l"), ("fontsize", "13"),
      ("style", "rounded"), ("color", "#90a4ae"), ("tooltip", file),
    ]
    // Diagnostics of the flow that are not inside a block mark the cluster.
    let outside = diagnostics[flow.syntax.file, default: []].filter { d in !flow.blocks.contains { $0.span.contains(d.span.start) } }
    if let worst = outside.map(\.severity).max() {
      attributes += GraphStyle.outline(worst).map { ($0.0 == "color" ? "pencolor" : $0.0, $0.1) }
      attributes[attributes.firstIndex { $0.0 == "tooltip" } ?? 0].1 = file + "\n" + outside.map(describe).joined(separator: "\n")
    }
    out.attributes(attributes)
    out.raw(";\n")
    let line = file + ":"
    for (i, block) in flow.blocks.enumerated() {
      var node = GraphStyle.node(BlockLabel.category(block))
      var notes = ""
      if let reachable, !reachable[i] {
        node = merge(node, GraphStyle.unreachable)
        node = merge(node, [("style", (node.first { $0.0 == "style" }?.1 ?? "filled") + ",dashed")])
        notes += "\nnever reached from start"
      }
      let found = diagnostics(in: block, file: flow.syntax.file)
      if let worst = found.map(\.severity).max() {
        node = merge(node, GraphStyle.outline(worst))
        notes += "\n" + found.map(describe).joined(separator: "\n")
      }
      out.raw("    ")
      Self.nodeID(name, block.id.value, into: &out)
      out.raw(" [")
      for (name, value) in node {
        out.attribute(name, value)
        out.raw(", ")
      }
      out.attribute("label", BlockLabel.text(block))
      out.raw(", ")
      // The tooltip says where the block is written, and what is wrong with it.
      out.attribute("tooltip", line + String(block.span.start.line) + notes)
      out.raw("];\n")
    }
    for block in flow.blocks { branches(of: block, in: flow, name: name, into: &out) }
    out.raw("  }\n")
  }

  /// A block's branches, those to the same block drawn as one edge with their names.
  private func branches(of block: CheckedBlock, in flow: CheckedFlow, name: String, into out: inout DOTBuffer) {
    var groups: [(target: String, exists: Bool, labels: [String])] = []
    for edge in block.edges {
      let label = edge.source == .onError ? "error (on-error)" : edge.label
      if let k = groups.firstIndex(where: { $0.target == edge.target.value && ($0.labels == ["error (on-error)"]) == (label == "error (on-error)") }) {
        if !groups[k].labels.contains(label) { groups[k].labels.append(label) }
      } else {
        groups.append((edge.target.value, edge.targetIndex != nil, [label]))
      }
    }
    for group in groups {
      let named = group.labels.filter { $0 != "next" }
      let kind: GraphStyle.EdgeKind =
        !group.exists ? .missing
        : group.labels == ["error (on-error)"] ? .onError
        : group.labels.allSatisfy({ $0 == "error" }) ? .error
        : group.labels.allSatisfy({ $0 == "at-capacity" }) ? .atCapacity : .normal
      var attributes = GraphStyle.edge(kind)
      if kind == .onError {
        attributes.append(("label", "error"))
      } else if !named.isEmpty {
        attributes.append(("label", (group.labels.contains("next") ? ["next"] + named : named).joined(separator: ", ")))
      }
      if !group.exists {
        // A branch to a block that does not exist: drawn to a marker, so the mistake shows.
        out.raw("    ")
        out.quoted(name + "/?" + group.target)
        out.raw(" ")
        out.attributes([("shape", "plaintext"), ("fontcolor", "#d32f2f"), ("label", group.target + "?"), ("tooltip", "no block \(group.target) in \(name)")])
        out.raw(";\n")
      }
      out.raw("    ")
      Self.nodeID(name, block.id.value, into: &out)
      out.raw(" -> ")
      if group.exists { Self.nodeID(name, group.target, into: &out) } else { out.quoted(name + "/?" + group.target) }
      if !attributes.isEmpty {
        out.raw(" ")
        out.attributes(attributes)
      }
      out.raw(";\n")
    }
  }

  /// Edges from the blocks of `flow` to the flows they name: creation, customer-queue,
  /// whisper and outbound flows, and transfers, labelled with the relation. Returns the
  /// flows drawn as stubs.
  private func references(of flow: CheckedFlow, byName: [String: CheckedFlow], into out: inout DOTBuffer) -> Set<String> {
    guard let name = flow.name else { return [] }
    var stubs: Set<String> = []
    for block in flow.blocks where block.kind?.spec.refersToFlows ?? false {
      for (parameter, target) in Self.flowReferences(block.arguments, prefix: "") {
        let (node, cluster) = entry(of: target, byName: byName, drawn: only == nil && byName[target] != nil)
        if cluster == nil { stubs.insert(target) }
        let relation = Self.relation(parameter: parameter, target: byName[target]?.type, block: block)
        var attributes = GraphStyle.edge(byName[target] == nil ? .missing : .flowReference)
        attributes += [("label", relation), ("tooltip", "\(name) / \(block.id.value): \(relation) \(target)")]
        if let cluster { attributes.append(("lhead", cluster)) }
        out.raw("  ")
        Self.nodeID(name, block.id.value, into: &out)
        out.raw(" -> " + node + " ")
        out.attributes(attributes)
        out.raw(";\n")
      }
    }
    return stubs
  }

  /// Every argument, nested ones included, that names a flow: (parameter path, flow name).
  static func flowReferences(_ arguments: [Argument], prefix: String) -> [(String, String)] {
    var found: [(String, String)] = []
    for argument in arguments {
      let path = prefix + argument.name.value
      switch argument.value.value {
      case .reference(.flow, let target): found.append((path, target))
      case .record(let fields): found += flowReferences(fields, prefix: path + ".")
      default: break
      }
    }
    return found
  }

  /// What a reference is called on its edge: the parameter (`creation flow`), or for a
  /// plain `flow` parameter the part the target plays.
  static func relation(parameter: String, target: FlowType?, block: CheckedBlock) -> String {
    let last = parameter.split(separator: ".").last.map(String.init) ?? parameter
    if last != "flow" { return last.replacingOccurrences(of: "-", with: " ") }
    switch target {
    case .customerQueue?: return "customer-queue flow"
    case .agentWhisper?: return "agent whisper"
    case .outboundWhisper?: return "outbound whisper"
    case .outbound?: return "outbound flow"
    default: return block.kind == .transferToFlow ? "transfer" : "flow"
    }
  }

  /// The phone numbers of `center.yaml` as entry points, each to the flow it starts.
  private func entryPoints(byName: [String: CheckedFlow], shown: Set<String>, into out: inout DOTBuffer) {
    guard let center else { return }
    for number in center.phoneNumbers.sorted(by: { $0.number.value < $1.number.value }) where only == nil || number.flow.value == only {
      let id = DOT.quoted("number:" + number.number.value)
      out.raw("  " + id + " ")
      out.attributes([
        ("shape", "invhouse"), ("style", "filled"), ("fillcolor", "#c8e6c9"), ("color", "#2e7d32"),
        ("label", "☎ " + number.number.value), ("tooltip", "\(number.number.value) starts \(number.flow.value)"),
      ])
      out.raw(";\n")
      let (node, cluster) = entry(of: number.flow.value, byName: byName, drawn: shown.contains(number.flow.value))
      var attributes = GraphStyle.edge(byName[number.flow.value] == nil ? .missing : .entry)
      if let cluster { attributes.append(("lhead", cluster)) }
      if byName[number.flow.value] == nil || !shown.contains(number.flow.value) {
        out.raw("  " + node + " ")
        out.attributes([("shape", "folder"), ("label", number.flow.value)])
        out.raw(";\n")
      }
      out.raw("  " + id + " -> " + node + " ")
      out.attributes(attributes)
      out.raw(";\n")
    }
  }

  /// A legend of the block categories the diagram uses.
  private func legend(_ categories: Set<BlockCategory>, into out: inout DOTBuffer) {
    let used = BlockCategory.allCases.filter(categories.contains)
    guard !used.isEmpty else { return }
    out.raw("  subgraph \"cluster:legend\" {\n    graph ")
    out.attributes([("label", "blocks"), ("labeljust", "l"), ("style", "rounded,dashed"), ("color", "#b0bec5"), ("fontsize", "11"), ("rank", "same")])
    out.raw(";\n")
    for category in used {
      out.raw("    ")
      out.quoted("legend:" + category.rawValue)
      out.raw(" ")
      out.attributes(GraphStyle.node(category) + [("label", GraphStyle.name(category))])
      out.raw(";\n")
    }
    // Kept in one row, in catalog order.
    for (a, b) in zip(used, used.dropFirst()) {
      out.raw("    ")
      out.quoted("legend:" + a.rawValue)
      out.raw(" -> ")
      out.quoted("legend:" + b.rawValue)
      out.raw(" [style=\"invis\"];\n")
    }
    out.raw("  }\n")
  }

  /// Which blocks a path from `start` reaches; `nil` when the flow has no start to go from.
  private func reachableBlocks(_ flow: CheckedFlow) -> [Bool]? {
    guard let start = flow.start, start < flow.blocks.count, !flow.syntax.isPartial else { return nil }
    var seen = [Bool](repeating: false, count: flow.blocks.count)
    var stack = [start]
    seen[start] = true
    while let i = stack.popLast() {
      for edge in flow.blocks[i].edges {
        if let t = edge.targetIndex, t < seen.count, !seen[t] {
          seen[t] = true
          stack.append(t)
        }
      }
    }
    return seen
  }

  private func diagnostics(in block: CheckedBlock, file: FileID) -> [Diagnostic] {
    guard let all = diagnostics[file] else { return [] }
    // The first diagnostic at or after the block's start, by binary search.
    var low = 0, high = all.count
    while low < high {
      let mid = (low + high) / 2
      if all[mid].span.start < block.span.start { low = mid + 1 } else { high = mid }
    }
    var found: [Diagnostic] = []
    while low < all.count, all[low].span.start <= block.span.end {
      found.append(all[low])
      low += 1
    }
    return found
  }

  private func describe(_ d: Diagnostic) -> String { "\(d.severity.rawValue) [\(d.rule)]: \(d.message)" }

  /// `base` with `changes` replacing attributes of the same names.
  private func merge(_ base: [(String, String)], _ changes: [(String, String)]) -> [(String, String)] {
    var result = base
    for (name, value) in changes {
      if let i = result.firstIndex(where: { $0.0 == name }) { result[i].1 = value } else { result.append((name, value)) }
    }
    return result
  }
}

extension SourceSpan {
  /// Whether `location` lies within the span.
  func contains(_ location: SourceLocation) -> Bool { start <= location && location <= end }
}

extension Array {
  fileprivate subscript(safe file: FileID) -> Element? {
    let i = Int(file.rawValue)
    return i < count ? self[i] : nil
  }
}
