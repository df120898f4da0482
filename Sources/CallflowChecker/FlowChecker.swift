import CallflowDiagnostics
import CallflowRules
import CallflowSyntax
import Foundation

/// Checks one flow: its header, each block against the catalog, the branches, and the graph.
struct FlowChecker {
  let syntax: FlowSyntax
  var typer: ValueTyper
  var blockIndex: [String: Int] = [:]
  var type: FlowType?

  init(syntax: FlowSyntax, index: ProjectIndex) {
    self.syntax = syntax
    typer = ValueTyper(index: index, bag: DiagnosticBag())
  }

  mutating func check() -> (CheckedFlow, [Diagnostic]) {
    header()
    // The blocks are read in place, by index: a `for` loop over them copies each (retaining
    // its parts) to hand it over.
    let written = syntax.blocks
    blockIndex.reserveCapacity(written.count)
    for i in written.indices where blockIndex[written[i].id.value] == nil {
      blockIndex[written[i].id.value] = i
    }
    var blocks: [CheckedBlock] = []
    blocks.reserveCapacity(written.count)
    // Each block's catalog row, looked up once and shared with the graph rules.
    var specs: [BlockSpec?] = []
    specs.reserveCapacity(written.count)
    for i in written.indices {
      let checked = self.block(written[i])
      specs.append(checked.kind?.spec)
      blocks.append(checked)
    }
    var flow = CheckedFlow(
      syntax: syntax, name: syntax.name?.value, type: type, blocks: consume blocks,
      start: syntax.start.flatMap { blockIndex[$0.value] },
      onError: syntax.onError.flatMap { blockIndex[$0.value] }, flowReferences: typer.flowReferences)
    startAndOnError()
    addOnErrorEdges(&flow, specs)
    if syntax.isPartial {
      // Part of the flow was not read: its graph is unknown, so the graph rules would only
      // repeat the syntax error, and the project rules assume the best of it.
      flow.summary.assumeWellFormed()
      return (flow, typer.bag.diagnostics)
    }
    let context = FlowContext(flow: flow, specs: specs, index: typer.index)
    var graph = GraphRules(flow: flow, specs: specs, graph: context.graph, bag: typer.bag)
    graph.run()
    var bag = graph.bag
    FlowRules.run(context, &bag, &flow.summary)
    return (flow, bag.diagnostics)
  }

  // MARK: Header

  private mutating func header() {
    let head = SourceSpan(file: syntax.file, at: syntax.span.start)
    if syntax.name == nil {
      typer.bag.report(
        .missingParameter, "this flow file has no `flow` name", at: head,
        notes: [Note("add `\(syntax.notation.flowName("<name>"))`; the name is unique in the project and other flows refer to it")])
    }
    let name = syntax.name.map { "flow `\($0.value)`" } ?? "this flow"
    if let written = syntax.type {
      type = FlowType(rawValue: written.value)
      if type == nil {
        let kinds = FlowType.allCases.map(\.rawValue)
        typer.bag.report(
          .invalidValue, "`\(written.value)` is not a flow type", at: written.span,
          notes: [Note("expected \(Suggestions.list(kinds, conjunction: "or"))")],
          fixes: FixIt.didYouMean(written, among: kinds))
      }
    } else {
      typer.bag.report(
        .missingParameter, "\(name) has no `type`", at: syntax.name?.span ?? head,
        notes: [Note("expected one of \(Suggestions.list(FlowType.allCases.map(\.rawValue), conjunction: "or"))")])
    }
    if !syntax.hasBlocks {
      typer.bag.report(.missingParameter, "\(name) has no `blocks`", at: syntax.name?.span ?? head)
    }
  }

  private mutating func startAndOnError() {
    var ids: [String] { syntax.blocks.map(\.id.value) }
    guard let start = syntax.start else {
      if syntax.hasBlocks || syntax.name != nil {
        typer.bag.report(
          .missingStart, "\(syntax.name.map { "flow `\($0.value)`" } ?? "this flow") has no `start`",
          at: syntax.name?.span ?? SourceSpan(file: syntax.file, at: syntax.span.start),
          notes: ids.first.map { [Note("add `\(syntax.notation.start($0))` to begin at the first block")] } ?? [])
      }
      return
    }
    if blockIndex[start.value] == nil {
      typer.bag.report(
        .missingStart, "`start` names `\(start.value)`, which is not a block of this flow", at: start.span,
        fixes: FixIt.didYouMean(start, among: ids))
    }
    if let onError = syntax.onError { target(onError, what: "`on-error`") }
  }

  // MARK: Blocks

  private mutating func block(_ block: BlockSyntax) -> CheckedBlock {
    // The block is made at the end from its parts, not filled in as it is checked: a block
    // built up in a variable and returned was copied on the way out, each of its parts retained
    // and then released.
    let kind = BlockKind.named(block.kind.value)
    blockID(block.id)
    guard let kind else {
      if !block.kind.value.isEmpty { unknownKind(block.kind) }
      return CheckedBlock(
        id: block.id, kind: nil, kindSpan: block.kind.span, arguments: [], edges: edges(block, conditions: []), span: block.span)
    }
    let spec = kind.spec
    placement(kind, spec, block)
    let arguments = arguments(block, kind, spec)
    flowTypes(arguments, parameters: spec.parameters, top: arguments)
    let edges = edges(block, conditions: spec.takesConditions ? CheckedBlock.conditions(in: arguments) : [])
    branchNames(block, kind, spec, arguments)
    return CheckedBlock(id: block.id, kind: kind, kindSpan: block.kind.span, arguments: arguments, edges: edges, span: block.span)
  }

  private mutating func blockID(_ id: Located<String>) {
    guard !BlockIDSyntax.isValid(id.value) else { return }
    let fixed = Self.suggestedID(id.value)
    typer.bag.report(
      .invalidValue, "block id `\(id.value)` must use lowercase letters, digits and `-` only", at: id.span,
      notes: fixed.isEmpty ? [Note("an id is lowercase Latin letters, digits and `-`, such as `greeting` or `ask-number`")] : [],
      fixes: fixed.isEmpty || fixed == id.value ? [] : [FixIt("write `\(fixed)`", replacing: id.span, with: fixed)])
  }

  /// A valid id close to `text`: lowercase, accents dropped (`é` is `e`), and every other
  /// character that cannot be in an id a `-`, with no `-` doubled or at either end.
  static func suggestedID(_ text: String) -> String {
    var id = ""
    // Letters that do not decompose into a Latin letter and an accent, spelled as they are
    // written in ASCII.
    let spelled: [Character: String] = ["ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "þ": "th", "ð": "d"]
    let lowered = String(text.lowercased().flatMap { spelled[$0] ?? String($0) })
    for scalar in lowered.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil).unicodeScalars {
      if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
        id.unicodeScalars.append(scalar)
      } else if !id.isEmpty, id.last != "-" {
        id.append("-")
      }
    }
    while id.last == "-" { id.removeLast() }
    return id
  }

  private mutating func unknownKind(_ kind: Located<String>) {
    let kinds = BlockKind.allCases.map(\.rawValue)
    let fixes = FixIt.didYouMean(kind, among: kinds)
    let notes = fixes.isEmpty ? [Note("the block kinds are listed in Docs/LANGUAGE.md")] : []
    typer.bag.report(.unknownBlockKind, "unknown block kind `\(kind.value)`", at: kind.span, notes: notes, fixes: fixes)
  }

  private mutating func placement(_ kind: BlockKind, _ spec: BlockSpec, _ block: BlockSyntax) {
    // A flow read from Connect is placed by Connect's own lists, checked as it is read.
    guard let type, !syntax.readFromConnect, !spec.allowedIn.contains(type) else { return }
    let rule: any Rule = spec.placementRule ?? BlockNotAllowedRule()
    let allowed = FlowType.allCases.filter(spec.allowedIn.contains).map(\.rawValue)
    typer.bag.report(
      rule, "`\(kind.rawValue)` is not allowed in \(type.article) `\(type.rawValue)` flow", at: block.kind.span,
      notes: [Note("`\(kind.rawValue)` belongs to \(Suggestions.list(allowed, conjunction: "and")) flows")])
  }

  private mutating func arguments(_ block: BlockSyntax, _ kind: BlockKind, _ spec: BlockSpec) -> [Argument] {
    var place: String { "`\(kind.rawValue)`" }
    var arguments: [Argument] = []
    switch block.body.kind {
    case .null:
      break
    case .record(let fields):
      if let open = spec.openParameters {
        for field in fields {
          if let value = typer.type(field.value, as: open, what: "attribute `\(field.name.value)`") {
            arguments.append(Argument(name: field.name, value: value))
          }
        }
      } else if spec.parameters.isEmpty {
        for field in fields { typer.unknownParameter(field.name, known: [], in: place) }
      } else {
        arguments = typer.arguments(fields, specs: spec.parameters, in: place)
      }
    case .scalar, .list:
      guard let main = spec.mainParameter, let parameter = spec.parameter(main) else {
        let message =
          spec.parameters.isEmpty && spec.openParameters == nil
          ? "\(place) takes no parameters, but is given \(block.body.kindDescription)"
          : "\(place) takes a mapping of parameters, not \(block.body.kindDescription)"
        typer.bag.report(
          .invalidValue, message, at: block.body.span,
          notes: [Note("write `\(syntax.notation.block(kind.rawValue, parameters: spec.parameters.filter(\.required).map(\.name)))`")])
        return []
      }
      if let value = typer.type(block.body, as: parameter.type, what: "`\(main)`") {
        arguments.append(Argument(name: Located(main.name, at: block.kind.span), value: value))
      }
    }
    missing(block, kind, spec, given: block.body)
    return arguments
  }

  /// Reports required parameters that are not written (typing errors are reported apart).
  private mutating func missing(_ block: BlockSyntax, _ kind: BlockKind, _ spec: BlockSpec, given body: SyntaxValue) {
    // Whether parameter `name` is written, looked up in place: no list of the names given is
    // made for the (nearly always complete) blocks.
    func given(_ name: String) -> Bool {
      switch body.kind {
      case .record(let fields): fields.contains { $0.name.value == name }
      case .scalar, .list: spec.mainParameter?.name == name
      case .null: false
      }
    }
    if spec.parameters.contains(where: { $0.required && !given($0.name) }) {
      let absent = spec.parameters.filter { $0.required && !given($0.name) }.map(\.name)
      typer.bag.report(
        .missingParameter,
        "`\(kind.rawValue)` block `\(block.id.value)` needs \(Suggestions.list(absent))", at: block.kind.span,
        notes: absent.compactMap { name in spec.parameter(named: name).map { Note("`\(name)`: \($0.summary)") } })
    }
    for group in spec.requiresOneOfNames where !group.contains(where: given) {
      typer.bag.report(
        .missingParameter,
        "`\(kind.rawValue)` block `\(block.id.value)` needs \(Suggestions.list(group, conjunction: "or"))",
        at: block.kind.span)
    }
    if case .record(let fields) = body.kind {
      for rule in spec.requiresWhen where !given(rule.requires.name) {
        guard fields.contains(where: { $0.name.value == rule.parameter.name && $0.value.scalarText == rule.value }) else { continue }
        typer.bag.report(
          .missingParameter,
          "`\(kind.rawValue)` block `\(block.id.value)` has `\(rule.parameter): \(rule.value)` but no `\(rule.requires)`",
          at: block.kind.span, notes: [Note(rule.reason)])
      }
    }
  }

  /// Reports flows referred to with the wrong type (`flow-type-mismatch`).
  private mutating func flowTypes(_ arguments: [Argument], parameters: [ParameterSpec], top: [Argument]) {
    for argument in arguments {
      switch argument.value.value {
      case .record(let fields):
        let nested: [ParameterSpec]
        if case .record(let specs)? = parameters.first(where: { $0.name == argument.name.value })?.type {
          nested = specs
        } else {
          nested = []
        }
        flowTypes(fields, parameters: nested, top: top)
      case .reference(.flow(let requirement), let name):
        let expected: FlowType?
        switch requirement {
        case .any: expected = nil
        case .exactly(let t): expected = t
        case .byParameter(let parameter, let map):
          if case .word(let w)? = top.first(where: { $0.name.value == parameter.name })?.value.value { expected = map[w] } else { expected = nil }
        }
        guard let expected, let entry = typer.index.flows[name], let actual = entry.type, actual != expected else { continue }
        var notes: [Note] = []
        if let typeSpan = entry.typeSpan { notes.append(Note("`\(name)` is declared `\(actual.rawValue)` here", at: typeSpan)) }
        typer.bag.report(
          .flowTypeMismatch,
          "`\(argument.name.value)` must name a flow of type `\(expected.rawValue)`, but `\(name)` is of type `\(actual.rawValue)`",
          at: argument.value.span, notes: notes)
      default: continue
      }
    }
  }

  // MARK: Branches

  /// The block's edges: `next`, its branches, then its conditions (typed once, with the
  /// block's arguments).
  private mutating func edges(_ block: BlockSyntax, conditions: [Condition]) -> [Edge] {
    var edges: [Edge] = []
    // Room for every edge at once, and for the `error` edge that `on-error` may add.
    // (`next` tested by its case: `== nil` on an optional of an `Equatable` type compares it
    // as a value, copying it.)
    var count = block.branches.count + conditions.count + 1
    if case .some = block.next { count += 1 }
    edges.reserveCapacity(count)
    if let next = block.next {
      edges.append(Edge(label: "next", source: .next, target: next, targetIndex: blockIndex[next.value]))
    }
    for branch in block.branches {
      edges.append(
        Edge(label: branch.name.value, source: .branch, target: branch.target, targetIndex: blockIndex[branch.target.value]))
    }
    for condition in conditions {
      edges.append(
        Edge(label: condition.label, source: .condition, target: condition.target, targetIndex: blockIndex[condition.target.value]))
    }
    for edge in edges where edge.targetIndex == nil { self.target(edge.target, what: "branch `\(edge.label)`") }
    return edges
  }

  private mutating func target(_ target: Located<String>, what: @autoclosure () -> String) {
    guard blockIndex[target.value] == nil else { return }
    let ids = syntax.blocks.map(\.id.value)
    typer.bag.report(
      .undefinedTarget, "\(what()) goes to `\(target.value)`, which is not a block of this flow", at: target.span,
      fixes: FixIt.didYouMean(target, among: ids))
  }

  /// The branch names a block of `kind` may take, `next` aside.
  static func branchNames(_ spec: BlockSpec, _ arguments: [Argument]) -> [String] {
    guard !spec.openBranches else { return [] }
    guard let perValue = spec.branchPerValueOf, let argument = arguments.first(where: { $0.name.value == perValue.name }),
      case .list(let items) = argument.value.value
    else { return spec.branchNames }
    let values = items.compactMap { item -> String? in
      if case .text(let t) = item.value { return t }
      return nil
    }
    return Array(spec.outcomeNames(options: values).dropFirst())
  }

  private mutating func branchNames(_ block: BlockSyntax, _ kind: BlockKind, _ spec: BlockSpec, _ arguments: [Argument]) {
    guard !spec.openBranches else { return }
    let allowedList = Self.branchNames(spec, arguments)
    let allowed = allowedList.count > 16 ? Set(allowedList) : nil
    for branch in block.branches where !(allowed?.contains(branch.name.value) ?? allowedList.contains(branch.name.value)) {
      var fixes: [FixIt] = []
      var notes: [Note] = []
      if branch.name.value == "next" {
        notes.append(Note(syntax.notation.nextPlacement))
      } else {
        fixes = FixIt.didYouMean(branch.name, among: allowedList)
        if fixes.isEmpty {
          notes.append(
            Note(
              allowedList.isEmpty
                ? "`\(kind.rawValue)` has no branches"
                : "`\(kind.rawValue)` can take \(Suggestions.list(Array(allowedList.prefix(12)), conjunction: "or"))"))
        }
      }
      typer.bag.report(
        .unknownBranch, "`\(kind.rawValue)` has no branch `\(branch.name.value)`", at: branch.name.span, notes: notes, fixes: fixes)
    }
    if let next = block.next, !takesNext(spec, block) {
      let note: String
      switch spec.success {
      case .handsOff(unlessGiven: let parameter?):
        note = "a plain `\(kind.rawValue)` hands the contact over and this flow ends; add `\(parameter)` to continue at `next`"
      case .handsOff(unlessGiven: nil):
        note = "`\(kind.rawValue)` hands the contact over and this flow ends"
      case .terminal:
        note = "`\(kind.rawValue)` ends the flow"
      default:
        note = "`\(kind.rawValue)` goes on only through its branches"
      }
      typer.bag.report(.unknownBranch, "`\(kind.rawValue)` takes no `next`", at: next.span, notes: [Note(note)])
    }
  }

  // MARK: on-error

  private func addOnErrorEdges(_ flow: inout CheckedFlow, _ specs: [BlockSpec?]) {
    guard let onError = syntax.onError else { return }
    for i in flow.blocks.indices {
      guard let spec = specs[i], spec.hasErrorBranch,
        !flow.blocks[i].edges.contains(where: { $0.label == "error" && $0.source == .branch })
      else { continue }
      flow.blocks[i].edges.append(Edge(label: "error", source: .onError, target: onError, targetIndex: flow.onError))
    }
  }
}

/// Whether a block of this spec, as written, continues at `next`.
func takesNext(_ spec: BlockSpec, _ block: BlockSyntax) -> Bool {
  switch spec.success {
  case .next, .open: return true
  case .branchesOnly, .terminal: return false
  case .handsOff(unlessGiven: let parameter):
    guard let parameter, case .record(let fields) = block.body.kind else { return false }
    return fields.contains { $0.name.value == parameter.name }
  }
}
