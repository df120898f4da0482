import CallflowChecker
import CallflowDiagnostics
import CallflowSyntax

/// A Graphviz diagram of a project's flows: a cluster per flow with its blocks drawn by
/// category and its branches as labelled edges, the references between flows as edges
/// between clusters, the phone numbers of `center.yaml` as entry points, unreachable blocks
/// greyed, and blocks with diagnostics outlined by severity with the messages as tooltips.
/// The same input gives the same bytes.
public struct FlowDiagram {
  let flows: [CheckedFlow]
  let center: Center?
  let sources: SourceMap
  /// Diagnostics by file, in order of their start.
  let diagnostics: [FileID: [Diagnostic]]
  /// Only this flow, its entry points, and stubs for the flows it refers to.
  let only: String?

  /// A diagram of `flows` (checked with their blocks kept) and `center`'s phone numbers,
  /// with `diagnostics` marked; of the flow named `only` when given.
  public init(flows: [CheckedFlow], center: Center?, diagnostics: [Diagnostic], sources: SourceMap, only: String? = nil) {
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
  public func dot() -> String {
    var out = "digraph \"callflow\" {\n"
    let title = (center?.name?.value).map { "\($0): " } ?? ""
    let shown = flows.filter { only == nil || $0.name == only }
    let caption = only.map { "flow \($0)" } ?? "\(shown.count) flow\(shown.count == 1 ? "" : "s")"
    out += "  graph " + DOT.attributes([
      ("fontname", "Helvetica"), ("fontsize", "16"), ("label", title + caption), ("labelloc", "t"), ("rankdir", "TB"),
      ("compound", "true"), ("newrank", "true"), ("nodesep", "0.3"), ("ranksep", "0.4"), ("charset", "UTF-8"),
    ]) + ";\n"
    out += "  node " + DOT.attributes([("fontname", "Helvetica"), ("fontsize", "10"), ("margin", "0.1,0.05")]) + ";\n"
    out += "  edge " + DOT.attributes([("fontname", "Helvetica"), ("fontsize", "9")]) + ";\n"
    var byName: [String: CheckedFlow] = [:]
    for flow in flows { if let name = flow.name, byName[name] == nil { byName[name] = flow } }
    var categories: Set<BlockCategory> = []
    var stubs: [String] = []
    var links = ""
    for (index, flow) in shown.enumerated() {
      out += cluster(flow, index: index, categories: &categories)
      links += references(of: flow, byName: byName, stubs: &stubs)
    }
    // Flows referred to but not drawn: stubs for those of the project, warnings for the rest.
    for name in stubs.sorted() {
      if let flow = byName[name] {
        out += "  " + DOT.quoted("flow:" + name) + " " + DOT.attributes([
          ("shape", "folder"), ("style", "filled"), ("fillcolor", "#ede7f6"),
          ("label", name + "\n(" + (flow.type?.rawValue ?? "flow") + ")"), ("tooltip", "flow \(name): draw it with --flow \(name)"),
        ]) + ";\n"
      } else {
        out += "  " + DOT.quoted("flow:" + name) + " " + DOT.attributes([
          ("shape", "folder"), ("style", "dashed"), ("color", "#d32f2f"), ("fontcolor", "#d32f2f"),
          ("label", name + "\n(not in the project)"), ("tooltip", "no flow named \(name) in the project"),
        ]) + ";\n"
      }
    }
    out += entryPoints(byName: byName, shown: Set(shown.compactMap(\.name)))
    out += links
    out += legend(categories)
    out += "}\n"
    return out
  }

  /// The node ID of block `block` of flow `flow`.
  static func nodeID(_ flow: String, _ block: String) -> String { DOT.quoted(flow + "/" + block) }

  /// Where a flow is entered: its start block, or a stub when it has none.
  private func entry(of name: String, byName: [String: CheckedFlow], drawn: Bool) -> (node: String, cluster: String?) {
    guard drawn, let flow = byName[name], let start = flow.start, start < flow.blocks.count else { return (DOT.quoted("flow:" + name), nil) }
    return (Self.nodeID(name, flow.blocks[start].id.value), "cluster:" + name)
  }

  private func cluster(_ flow: CheckedFlow, index: Int, categories: inout Set<BlockCategory>) -> String {
    let name = flow.name ?? "?"
    let reachable = reachableBlocks(flow)
    let file = sources.path(flow.syntax.file)
    var out = "  subgraph " + DOT.quoted("cluster:" + name) + " {\n"
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
    out += "    graph " + DOT.attributes(attributes) + ";\n"
    for (i, block) in flow.blocks.enumerated() {
      let category = BlockLabel.category(block)
      categories.insert(category)
      var node = GraphStyle.node(category)
      let location = "\(file):\(block.span.start.line)"
      var tooltip = "\(name) / \(block.id.value) (\(location))"
      if let reachable, !reachable[i] {
        node = merge(node, GraphStyle.unreachable)
        node = merge(node, [("style", (node.first { $0.0 == "style" }?.1 ?? "filled") + ",dashed")])
        tooltip += "\nnever reached from start"
      }
      let found = diagnostics(in: block, file: flow.syntax.file)
      if let worst = found.map(\.severity).max() {
        node = merge(node, GraphStyle.outline(worst))
        tooltip += "\n" + found.map(describe).joined(separator: "\n")
      }
      node += [("label", BlockLabel.text(block)), ("tooltip", tooltip)]
      out += "    " + Self.nodeID(name, block.id.value) + " " + DOT.attributes(node) + ";\n"
    }
    for block in flow.blocks { out += branches(of: block, in: flow, name: name) }
    out += "  }\n"
    return out
  }

  /// A block's branches, those to the same block drawn as one edge with their names.
  private func branches(of block: CheckedBlock, in flow: CheckedFlow, name: String) -> String {
    var groups: [(target: String, exists: Bool, labels: [String])] = []
    for edge in block.edges {
      let label = edge.source == .onError ? "error (on-error)" : edge.label
      if let k = groups.firstIndex(where: { $0.target == edge.target.value && ($0.labels == ["error (on-error)"]) == (label == "error (on-error)") }) {
        if !groups[k].labels.contains(label) { groups[k].labels.append(label) }
      } else {
        groups.append((edge.target.value, edge.targetIndex != nil, [label]))
      }
    }
    var out = ""
    for group in groups {
      let from = Self.nodeID(name, block.id.value)
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
      attributes.append(("tooltip", "\(block.id.value) → \(group.target)" + (named.isEmpty ? "" : " on " + named.joined(separator: ", "))))
      if group.exists {
        out += "    \(from) -> \(Self.nodeID(name, group.target)) " + DOT.attributes(attributes) + ";\n"
      } else {
        // A branch to a block that does not exist: drawn to a marker, so the mistake shows.
        let missing = DOT.quoted(name + "/?" + group.target)
        out += "    \(missing) " + DOT.attributes([
          ("shape", "plaintext"), ("fontcolor", "#d32f2f"), ("label", group.target + "?"), ("tooltip", "no block \(group.target) in \(name)"),
        ]) + ";\n"
        out += "    \(from) -> \(missing) " + DOT.attributes(attributes) + ";\n"
      }
    }
    return out
  }

  /// Edges from the blocks of `flow` to the flows they name: creation, customer-queue,
  /// whisper and outbound flows, and transfers, labelled with the relation.
  private func references(of flow: CheckedFlow, byName: [String: CheckedFlow], stubs: inout [String]) -> String {
    guard let name = flow.name else { return "" }
    var out = ""
    for block in flow.blocks {
      for (parameter, target) in Self.flowReferences(block.arguments, prefix: "") {
        let drawn = only == nil
        let (node, cluster) = entry(of: target, byName: byName, drawn: drawn && byName[target] != nil)
        if cluster == nil, !stubs.contains(target) { stubs.append(target) }
        let relation = Self.relation(parameter: parameter, target: byName[target]?.type, block: block)
        var attributes = GraphStyle.edge(byName[target] == nil ? .missing : .flowReference)
        attributes += [("label", relation), ("tooltip", "\(name) / \(block.id.value): \(relation) \(target)")]
        if let cluster { attributes.append(("lhead", cluster)) }
        out += "  \(Self.nodeID(name, block.id.value)) -> \(node) " + DOT.attributes(attributes) + ";\n"
      }
    }
    return out
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
  private func entryPoints(byName: [String: CheckedFlow], shown: Set<String>) -> String {
    guard let center else { return "" }
    var out = ""
    for number in center.phoneNumbers.sorted(by: { $0.number.value < $1.number.value }) where only == nil || number.flow.value == only {
      let id = DOT.quoted("number:" + number.number.value)
      out += "  \(id) " + DOT.attributes([
        ("shape", "invhouse"), ("style", "filled"), ("fillcolor", "#c8e6c9"), ("color", "#2e7d32"),
        ("label", "☎ " + number.number.value), ("tooltip", "\(number.number.value) starts \(number.flow.value)"),
      ]) + ";\n"
      let (node, cluster) = entry(of: number.flow.value, byName: byName, drawn: shown.contains(number.flow.value))
      var attributes = GraphStyle.edge(byName[number.flow.value] == nil ? .missing : .entry)
      if let cluster { attributes.append(("lhead", cluster)) }
      if byName[number.flow.value] == nil || !shown.contains(number.flow.value) {
        out += "  \(node) " + DOT.attributes([("shape", "folder"), ("label", number.flow.value)]) + ";\n"
      }
      out += "  \(id) -> \(node) " + DOT.attributes(attributes) + ";\n"
    }
    return out
  }

  /// A legend of the block categories the diagram uses.
  private func legend(_ categories: Set<BlockCategory>) -> String {
    let used = BlockCategory.allCases.filter(categories.contains)
    guard !used.isEmpty else { return "" }
    var out = "  subgraph \"cluster:legend\" {\n"
    out += "    graph " + DOT.attributes([("label", "blocks"), ("labeljust", "l"), ("style", "rounded,dashed"), ("color", "#b0bec5"), ("fontsize", "11"), ("rank", "same")]) + ";\n"
    for category in used {
      out += "    " + DOT.quoted("legend:" + category.rawValue) + " " + DOT.attributes(GraphStyle.node(category) + [("label", GraphStyle.name(category))]) + ";\n"
    }
    // Kept in one row, in catalog order.
    for (a, b) in zip(used, used.dropFirst()) {
      out += "    " + DOT.quoted("legend:" + a.rawValue) + " -> " + DOT.quoted("legend:" + b.rawValue) + " [style=\"invis\"];\n"
    }
    out += "  }\n"
    return out
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
