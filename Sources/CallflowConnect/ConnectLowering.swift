import CallflowDiagnostics
import CallflowRules
import CallflowSyntax

/// How resource references are named in the lowered flow.
public struct ConnectNaming: Sendable {
  /// The Callflow value of a Connect reference (an ARN; a JSONPath stays as it is), given
  /// its display name from the flow's metadata when there is one.
  public var resource: @Sendable (ResourceKind, String, String?) -> String

  /// Whether the naming gives resources names other than their Connect values.
  public var renames = true

  public init(resource: @escaping @Sendable (ResourceKind, String, String?) -> String) {
    self.resource = resource
  }

  /// References kept as Connect writes them: checking exports where they lie.
  public static let asWritten: ConnectNaming = {
    var naming = ConnectNaming { _, value, _ in value }
    naming.renames = false
    return naming
  }()
}

/// Turns a Connect flow into the syntax tree every stage reads: each action a block (one of
/// the catalog's when a form of its kind writes the action back exactly, else a
/// `connect-action` that keeps it as it is), with spans into the JSON text.
public struct ConnectLowering {
  /// The version of flow language Callflow reads and writes.
  public static let version = "2019-10-30"
  /// The most actions a flow may have.
  public static let maxActions = 250
  /// The most characters of flow language a flow may have.
  public static let maxContentLength = 256_000
  /// The longest identifier an action may have.
  public static let maxIdentifierLength = 50
  /// The characters an identifier may not hold.
  public static let identifierForbidden: Set<Character> = ["%", ":", "(", "\\", "/", ")", "=", "$", ",", ";", "[", "]", "{", "}"]

  /// Why Connect refuses `identifier`, if it does.
  public static func identifierProblem(_ identifier: String) -> String? {
    // Most identifiers are short ASCII without a forbidden character: decided off the bytes.
    if identifier.utf8.count <= maxIdentifierLength, identifier.utf8.allSatisfy({ $0 < 0x80 && !forbiddenBytes[Int($0)] }) {
      return nil
    }
    if identifier.count > maxIdentifierLength {
      return "is \(identifier.count) characters long; Amazon Connect allows \(maxIdentifierLength)"
    }
    if let bad = identifier.first(where: identifierForbidden.contains) {
      return "holds `\(bad)`, which Amazon Connect does not allow in identifiers"
    }
    return nil
  }

  private static let forbiddenBytes: [Bool] = (0..<128).map { b in identifierForbidden.contains(Character(UnicodeScalar(UInt8(b)))) }

  let document: ConnectDocument
  let file: FileID
  let naming: ConnectNaming
  var diagnostics: [Diagnostic] = []
  /// What the reader should know: a flow type inferred, actions kept as `connect-action`.
  public private(set) var notes: [String] = []
  /// How many actions became blocks of the catalog, and how many were kept as they are.
  public private(set) var nativeCount = 0
  public private(set) var opaqueCount = 0
  /// Each action read: where it is, its identifier and type, for naming it in diagnostics.
  public private(set) var actions: [ConnectAction] = []
  /// The Connect value each resource name stands for (to write the same value back).
  public private(set) var namedResources: [String: String] = [:]

  /// Whether resources get names other than their Connect values (an import).
  let renamesResources: Bool
  /// The form chosen for each likeness of actions met (``likeness(_:)``), by its place among
  /// the type's forms; nil when none writes them back exactly.
  private var decided = ByteKeyedTable<Int?>()
  /// The same, shared with the other flows of the run (looked up when this flow has not met
  /// the likeness).
  let shared: FormDecisions?

  /// Whether the actions' designer positions are kept (for writing them back).
  let keepsLayout: Bool

  /// The lowering of `document`, file `file`, its resources named by `naming`; with
  /// `keepsLayout` false, the designer's positions are left out (nothing but an export
  /// reads them); `decisions` shared with the other flows of a run, if given.
  public init(
    _ document: ConnectDocument, file: FileID, naming: ConnectNaming = .asWritten, keepsLayout: Bool = true,
    decisions: FormDecisions? = nil
  ) {
    self.document = document
    shared = decisions
    self.file = file
    self.naming = naming
    self.keepsLayout = keepsLayout
    renamesResources = naming.renames
  }

  /// The flow, named `fallbackName` when the file does not name it, and what was wrong.
  public mutating func lower(fallbackName: String) -> (flow: FlowSyntax?, diagnostics: [Diagnostic]) {
    var root = document.content
    if document.shape == .legacy {
      // Translated as the designer translates it when it saves the flow, or kept as read.
      switch LegacyTranslation.flowLanguage(root) {
      case .success(let translated):
        root = translated
        let count = translated["Actions"]?.items?.count ?? 0
        notes.append("a legacy export, translated to flow language: \(count) module\(count == 1 ? "" : "s"), each the action the designer makes of it")
      case .failure(let untranslatable):
        return lowerLegacy(root, fallbackName: fallbackName, untranslatable: untranslatable)
      }
    }
    if let version = root["Version"] {
      guard version.string == Self.version else {
        report("flow language version \(version.string.map { "`\($0)`" } ?? version.kindDescription) is not one Callflow reads", at: version.span,
          notes: [Note("Callflow reads and writes version `\(Self.version)`, the one Amazon Connect exports")])
        return (nil, diagnostics)
      }
    }
    guard let actionsNode = root["Actions"] else {
      report("the flow has no `Actions`", at: root.span)
      return (nil, diagnostics)
    }
    guard let actionNodes = actionsNode.items else {
      report("`Actions` must be an array of actions, not \(actionsNode.kindDescription)", at: actionsNode.span)
      return (nil, diagnostics)
    }
    var flow = FlowSyntax(file: file, span: root.span)
    flow.hasBlocks = true
    flow.readFromConnect = true
    flow.name = document.name.map { Located(Self.slug($0.value, fallback: fallbackName), at: $0.span) } ?? Located(fallbackName, at: SourceSpan(file: file, at: root.span.start))
    flow.description = document.description.map { Located($0, at: root.span) }
    flow.type = flowType(actionNodes)

    // Connect's limits.
    if actionNodes.count > Self.maxActions {
      diagnostics.append(
        Diagnostic(
          .connectLimits, "the flow has \(actionNodes.count) actions; Amazon Connect allows \(Self.maxActions)", at: actionsNode.span,
          notes: [Note("move a part of it into a flow module (`invoke-module`) or another flow")]))
    }
    if document.contentLength > Self.maxContentLength {
      diagnostics.append(
        Diagnostic(
          .connectLimits,
          "the flow language is \(document.contentLength) characters long; Amazon Connect allows \(Self.maxContentLength)",
          at: SourceSpan(file: file, at: root.span.start)))
    }

    // The actions, read; identifiers checked unique.
    var actions: [ActionCodec.Action] = []
    actions.reserveCapacity(actionNodes.count)
    var unreadable: [Located<String>] = []
    // Each identifier read (of an action read or not), where it first is.
    var seen = ByteKeyedTable<SourceSpan>(capacity: actionNodes.count)
    for node in actionNodes {
      guard let action = read(node) else {
        // Reported; the flow is partial: its graph rules would only repeat the error. An
        // action whose identifier was read is kept as one, so that branches to it resolve.
        flow.isPartial = true
        if let identifier = node["Identifier"], let id = identifier.string, seen.add(id, identifier.span).added {
          unreadable.append(Located(id, at: identifier.span))
        }
        continue
      }
      let (first, added) = seen.add(action.identifier.value, action.identifier.span)
      guard added else {
        report(
          "two actions have the identifier `\(action.identifier.value)`", at: action.identifier.span,
          notes: [Note("the first is here", at: seen.value(at: first))])
        continue
      }
      if let problem = Self.identifierProblem(action.identifier.value) {
        diagnostics.append(Diagnostic(.connectLimits, "identifier `\(action.identifier.value)` \(problem)", at: action.identifier.span))
      }
      actions.append(action)
    }

    // Where Connect allows each action decides, not the kinds Callflow makes of them.
    let flowType = flow.type.flatMap { FlowType(rawValue: $0.value) }
    let flowTypeBit = flowType.map(ConnectPlacement.bit) ?? 0

    // Readable ids, unique; the original identifiers kept where they differ.
    var ids = ByteKeyedTable<String>(capacity: actions.count + unreadable.count)
    var used = UniqueNames()
    var forms: [Candidate?] = []
    forms.reserveCapacity(actions.count)
    flow.blocks.reserveCapacity(actions.count + unreadable.count)
    self.actions.reserveCapacity(actions.count)
    // A transition to an identifier no action has keeps that identifier as its target (the
    // checker reports it): no readable id may be that text.
    for action in actions {
      if let next = action.next, !seen.contains(next.value) { used.reserve(next.value) }
      for error in action.errors where !seen.contains(error.target.value) { used.reserve(error.target.value) }
      for condition in action.conditions where !seen.contains(condition.target.value) { used.reserve(condition.target.value) }
    }
    if let start = root["StartAction"]?.string, !seen.contains(start) { used.reserve(start) }
    for action in actions {
      // The id names the kind the action becomes: the first form that writes it back exactly.
      let chosen = nativeForm(action)
      forms.append(chosen)
      let kind = chosen?.kind
      ids.add(
        action.identifier.value,
        used.claim(Self.readableBase(action.identifier.value, kindName: kind?.rawValue ?? Self.slug(action.type.value, fallback: "action"))))
    }
    for id in unreadable {
      let readable = used.claim(Self.readableBase(id.value, kindName: "action"))
      ids.add(id.value, readable)
      flow.blocks.append(
        BlockSyntax(id: Located(readable, at: id.span), kind: Located("", at: id.span), body: SyntaxValue(.null, at: id.span), next: nil, branches: [], span: id.span))
    }
    // Each action's metadata by identifier (the first entry, if one repeats).
    // (Read for the positions kept and, on import, for the names of resources.)
    var metadata = ByteKeyedTable<JSONNode>(capacity: actions.count)
    if keepsLayout || renamesResources, let actionMetadata = root["Metadata"]?["ActionMetadata"] {
      actionMetadata.forEachMember { key, value in
        _ = actionMetadata.tape.withText(at: key) { metadata.add(bytes: $0, value) }
        return true
      }
    }
    var identifiers: [SyntaxField] = []
    var positions: [SyntaxField] = []
    positions.reserveCapacity(actions.count)
    for (index, action) in actions.enumerated() {
      guard let id = ids[action.identifier.value] else { continue }
      let located = Located(id, at: action.identifier.span)
      if id != action.identifier.value {
        identifiers.append(SyntaxField(name: located, value: SyntaxValue(.scalar(action.identifier.value, .quoted), at: action.identifier.span)))
      }
      // The designer's position, kept as it is written (`{x, y}`, whatever else it holds).
      let display = metadata[action.identifier.value]
      if keepsLayout, let position = display?["position"] {
        positions.append(SyntaxField(name: located, value: ActionCodec.syntax(position)))
      }
      if let type = flowType,
        let problem = ConnectPlacement.problem(type: action.type.value, hook: ConnectPlacement.hook(action.parameters), in: type, bit: flowTypeBit)
      {
        diagnostics.append(Diagnostic(.blockNotAllowed, problem.message, at: action.type.span, notes: [Note(problem.note)]))
      }
      flow.blocks.append(block(action, form: forms[index], id: located, ids: ids, display: display))
      self.actions.append(ConnectAction(span: action.node.span, identifier: action.identifier.value, type: action.type.value))
    }
    if let start = root["StartAction"] {
      if let text = start.string {
        flow.start = Located(ids[text] ?? text, at: start.span)
      } else {
        report("`StartAction` must be the identifier of an action, not \(start.kindDescription)", at: start.span)
      }
    }

    // On import, positions the exporter's layout would give anyway are left out: a flow
    // written in Callflow comes back from Connect as it was. Checked in place, the flow keeps
    // them as read: only an export reads them, and it writes them back as they were.
    if renamesResources, !positions.isEmpty { Self.dropLaidOut(&positions, of: flow) }

    // What Connect knows that Callflow does not.
    var connect: [SyntaxField] = []
    func add(_ name: String, _ value: SyntaxValue) { connect.append(SyntaxField(name: Located(name, at: value.span), value: value)) }
    let here = root.span
    if let arn = document.arn, !arn.isEmpty { add("arn", SyntaxValue(.scalar(arn, .quoted), at: here)) }
    if let id = document.id, !id.isEmpty { add("id", SyntaxValue(.scalar(id, .quoted), at: here)) }
    if let name = document.name, name.value != flow.name?.value { add("name", SyntaxValue(.scalar(name.value, .quoted), at: name.span)) }
    if !identifiers.isEmpty { add("identifiers", SyntaxValue(.record(identifiers), at: here)) }
    if !positions.isEmpty { add("positions", SyntaxValue(.record(positions), at: here)) }
    if let entry = root["Metadata"]?["entryPointPosition"], ConnectJSON(entry) != ConnectExporter.defaultEntry {
      add("entry", ActionCodec.syntax(entry))
    }
    if let settings = root["Settings"] { add("settings", ActionCodec.syntax(settings)) }
    // The transfers to a named queue that the exporter wrote as two actions, joined again.
    if let pairs = root["Metadata"]?["callflow"]?["queueTransfers"]?.members {
      for pair in pairs {
        guard let first = ids[pair.key.value], let secondIdentifier = pair.value.string, let second = ids[secondIdentifier] ?? Optional(secondIdentifier),
          let a = flow.blocks.firstIndex(where: { $0.id.value == first }), let b = flow.blocks.firstIndex(where: { $0.id.value == second }),
          flow.blocks[a].kind.value == BlockKind.setWorkingQueue.rawValue, flow.blocks[b].kind.value == BlockKind.transferToQueue.rawValue,
          flow.blocks[a].next?.value == second, case .record(let empty) = flow.blocks[b].body.kind, empty.isEmpty,
          flow.blocks[a].branches.allSatisfy({ branch in flow.blocks[b].branches.contains { $0.name.value == branch.name.value && $0.target.value == branch.target.value } })
        else { continue }
        var joined = flow.blocks[b]
        joined.id = flow.blocks[a].id
        joined.body = flow.blocks[a].body
        joined.span = flow.blocks[a].span
        flow.blocks[a] = joined
        flow.blocks.remove(at: b)
        positions.removeAll { $0.name.value == second }
      }
    }
    // The `on-error` of a flow written in Callflow, as the exporter recorded it: the error
    // branches it stands for become it again.
    if let onError = root["Metadata"]?["callflow"]?["onError"]?.string, let target = ids[onError] ?? Optional(onError) {
      flow.onError = Located(target, at: root.span)
      for b in flow.blocks.indices {
        guard let kind = BlockKind.named(flow.blocks[b].kind.value), kind != .connectAction else { continue }
        flow.blocks[b].branches.removeAll { $0.name.value == Branch.error.rawValue && $0.target.value == target }
      }
    }
    flow.connect = connect.isEmpty ? nil : SyntaxValue(.record(connect), at: here)
    if opaqueCount > 0 {
      notes.append("\(opaqueCount) of \(actions.count) actions kept as `connect-action` (Callflow has no block for them yet)")
    }
    return (flow, diagnostics)
  }

  /// `positions` without those the exporter's layout gives `flow`'s blocks.
  static func dropLaidOut(_ positions: inout [SyntaxField], of flow: FlowSyntax) {
    let layout = ConnectLayout.positions(flow)
    var place = ByteKeyedTable<Int>(capacity: flow.blocks.count)
    for (b, block) in flow.blocks.enumerated() { place.add(block.id.value, b) }
    positions.removeAll { field in
      guard let b = place[field.name.value], case .record(let xy) = field.value.kind, xy.count == 2,
        xy[0].name.value == "x", xy[1].name.value == "y", case .scalar(_, .bare) = xy[0].value.kind, case .scalar(_, .bare) = xy[1].value.kind
      else { return false }
      let (x, y) = layout[b]
      return xy[0].value.scalarText == String(x) && xy[1].value.scalarText == String(y)
    }
  }

  // MARK: Actions

  private mutating func read(_ node: JSONNode) -> ActionCodec.Action? {
    guard node.isObject else {
      report("an action is an object with `Identifier`, `Type`, `Parameters` and `Transitions`, not \(node.kindDescription)", at: node.span)
      return nil
    }
    // Each object's members found in one walk; what flow language does not have is a
    // mistake Connect refuses, and Callflow would not write back.
    let (identifierNode, typeMember, parameters, transitionsNode, unknown) = node.members("Identifier", "Type", "Parameters", "Transitions")
    guard let identifier = identifierNode, let id = identifier.string else {
      report("this action has no `Identifier` string", at: identifierNode?.span ?? node.span)
      return nil
    }
    guard let typeNode = typeMember, let type = typeNode.string else {
      report("action `\(id)` has no `Type` string", at: typeMember?.span ?? identifier.span)
      return nil
    }
    if let unknown { return unknownMember(unknown, ["Identifier", "Type", "Parameters", "Transitions"], in: "an action") }
    let (identifierRead, typeRead) = (Located(id, at: identifier.span), Located(type, at: typeNode.span))
    if let parameters, !parameters.isObject, !parameters.isNull {
      report("the `Parameters` of action `\(id)` must be an object, not \(parameters.kindDescription)", at: parameters.span)
      return nil
    }
    guard let transitions = transitionsNode else {
      return ActionCodec.Action(node: node, identifier: identifierRead, type: typeRead, parameters: parameters, next: nil, errors: [], conditions: [])
    }
    guard transitions.isObject else {
      report("the `Transitions` of action `\(id)` must be an object, not \(transitions.kindDescription)", at: transitions.span)
      return nil
    }
    let (nextNode, errors, conditions, _, unknownTransition) = transitions.members("NextAction", "Errors", "Conditions")
    if let unknownTransition { return unknownMember(unknownTransition, ["NextAction", "Errors", "Conditions"], in: "`Transitions`") }
    for (list, value) in [("Errors", errors), ("Conditions", conditions)] {
      if let value, value.tag != .array {
        report("`\(list)` must be an array, not \(value.kindDescription)", at: value.span)
        return nil
      }
    }
    var nextRead: Located<String>?
    if let next = nextNode {
      guard let text = next.string else {
        report("`NextAction` must be an action's identifier, not \(next.kindDescription)", at: next.span)
        return nil
      }
      nextRead = Located(text, at: next.span)
    }
    var errorsRead: [ActionCodec.ErrorTransition] = []
    var conditionsRead: [ActionCodec.ConditionTransition] = []
    errorsRead.reserveCapacity(errors?.count ?? 0)
    conditionsRead.reserveCapacity(conditions?.count ?? 0)
    for error in errors?.itemSequence ?? JSONNode.Items.none {
      let (type, target, _, _, unknown) = error.members("ErrorType", "NextAction")
      if let unknown { return unknownMember(unknown, ["ErrorType", "NextAction"], in: "an error transition") }
      guard let type, let typeText = type.string, let target, let targetText = target.string else {
        report("an error transition has an `ErrorType` and a `NextAction`, both strings", at: error.span)
        return nil
      }
      // One error type twice: which transition Connect takes is not said, and one would be lost.
      if let first = errorsRead.first(where: { $0.type.value == typeText }) {
        report(
          "action `\(id)` has two transitions for the error `\(typeText)`", at: type.span,
          notes: [Note("the first is here", at: first.type.span)])
        return nil
      }
      errorsRead.append(.init(type: Located(typeText, at: type.span), target: Located(targetText, at: target.span)))
    }
    for item in conditions?.itemSequence ?? JSONNode.Items.none {
      let (target, condition, _, _, unknown) = item.members("NextAction", "Condition")
      if let unknown { return unknownMember(unknown, ["NextAction", "Condition"], in: "a condition") }
      let (op, operandsNode, _, _, unknownPart) = condition?.members("Operator", "Operands") ?? (nil, nil, nil, nil, nil)
      if let unknownPart { return unknownMember(unknownPart, ["Operator", "Operands"], in: "`Condition`") }
      guard let target, let targetText = target.string, let condition, let op, let opText = op.string, let operands = operandsNode?.items
      else {
        report("a condition has a `NextAction` and a `Condition` with an `Operator` and `Operands`", at: item.span)
        return nil
      }
      guard ConnectOperator.callflow(opText) != nil else {
        report("`\(opText)` is not a comparison operator Callflow knows", at: op.span,
          notes: [Note("the operators are \(ConnectOperator.pairs.map { "`\($0.connect)`" }.joined(separator: ", "))")])
        return nil
      }
      guard operands.count == 1, operands[0].string != nil else {
        report("a condition compares with one string operand; this one has \(operands.count)", at: condition.span)
        return nil
      }
      conditionsRead.append(.init(op: Located(opText, at: op.span), operands: operands, target: Located(targetText, at: target.span), span: item.span))
    }
    return ActionCodec.Action(
      node: node, identifier: identifierRead, type: typeRead, parameters: parameters, next: nextRead, errors: errorsRead, conditions: conditionsRead)
  }

  /// One of the forms a Connect type may be read in, with the kind it makes: shared, not
  /// copied, as actions are read.
  final class Candidate: Sendable {
    let kind: BlockKind
    let form: ConnectForm

    init(kind: BlockKind, form: ConnectForm) {
      self.kind = kind
      self.form = form
    }
  }

  /// The kind and form of the first of its type's forms that writes `action` back exactly, if
  /// one does. Actions alike (the same type, the same text of parameters, transitions alike
  /// but for their targets) are decided alike: the self-check runs once for them.
  private mutating func nativeForm(_ action: ActionCodec.Action) -> Candidate? {
    // (The table is a global, reached in the closure: one captured would be copied.)
    guard let place = action.type.value.withKeyBytes({ Self.forms.place(of: $0) }) else { return nil }
    let candidates = Self.forms.value(at: place)
    let key = Self.likeness(action)
    if let key {
      if let known = decided[key] { return known.map { candidates[$0] } }
      if let known = shared?.decision(key) {
        decided.add(key, known)
        return known.map { candidates[$0] }
      }
    }
    var chosen: Int?
    for (index, candidate) in candidates.enumerated() {
      let (kind, form) = (candidate.kind, candidate.form)
      // A member of `Parameters` the form does not read would not come back: no need to try.
      if !form.wholeParameters, kind != .setAttributes,
        action.parameters?.firstKey(where: { !form.connectKeys.contains($0) }) != nil
      {
        continue
      }
      guard let block = ActionCodec.block(action, kind: kind, form: form, id: action.identifier, targets: nil) else { continue }
      if case .success(let json) = ActionCodec.action(block, identifier: { $0 }, resource: { _, name in name }), Self.written(json, is: action.node) {
        chosen = index
        break
      }
    }
    if let key {
      decided.add(key, chosen)
      shared?.record(key, chosen)
    }
    return chosen.map { candidates[$0] }
  }

  /// What decides whether and how `action` is written back exactly, as bytes: its type, the
  /// text of its parameters, and its transitions with each target replaced by the place where
  /// it first appears (which targets are the same is all that counts of them). Nil
  /// when the parameters were made in code, with no text read.
  static func likeness(_ action: ActionCodec.Action) -> Likeness? {
    let parametersText = action.parameters?.sourceText
    var key = Likeness(capacity: 96 + (parametersText?.count ?? 0))
    key.add(action.type.value)
    if let parameters = action.parameters {
      // The text is the tape's, which `action` keeps.
      if let text = parametersText {
        withExtendedLifetime(parameters) { key.add(bytes: UnsafeRawBufferPointer(text)) }
      } else {
        guard parameters.isNull else { return nil }
        key.add(-2)
      }
    } else {
      key.add(-1)
    }
    // The targets in order (the errors', then the conditions'): each one stands as `-1` when
    // it is the `NextAction`, else as the place where it first appears.
    let errors = action.errors
    let conditions = action.conditions
    func target(_ k: Int) -> String {
      k < errors.count ? errors[k].target.value : conditions[k - errors.count].target.value
    }
    func place(_ k: Int) -> Int {
      let text = target(k)
      if let next = action.next, next.value == text { return -1 }
      var first = 0
      while first < k, target(first) != text { first += 1 }
      return first
    }
    key.add(action.next == nil ? 0 : 1)
    key.add(errors.count)
    for (k, error) in errors.enumerated() {
      key.add(error.type.value)
      key.add(place(k))
    }
    key.add(conditions.count)
    for (k, condition) in conditions.enumerated() {
      key.add(condition.op.value)
      key.add(condition.operands.count)
      for operand in condition.operands {
        if operand.tag == .string {
          operand.tape.withText(at: operand.index) { key.add(bytes: $0) }
        } else {
          key.add(-3)
          key.add(operand.kindDescription)
        }
      }
      key.add(place(errors.count + k))
    }
    return key
  }

  /// The bytes that decide how an action is written back (``likeness(_:)``), found whole:
  /// numbers below 255 in a byte, others as 255 and four bytes; texts as their length and
  /// bytes.
  struct Likeness: ByteKey {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func add(_ n: Int) {
      if n >= 0 && n < 255 { return bytes.append(UInt8(n)) }
      let n = UInt32(truncatingIfNeeded: n)
      bytes.append(255)
      bytes.append(UInt8(truncatingIfNeeded: n))
      bytes.append(UInt8(truncatingIfNeeded: n >> 8))
      bytes.append(UInt8(truncatingIfNeeded: n >> 16))
      bytes.append(UInt8(truncatingIfNeeded: n >> 24))
    }

    mutating func add(bytes text: UnsafeRawBufferPointer) {
      add(text.count)
      bytes.append(contentsOf: text)
    }

    mutating func add(_ text: String) { text.withKeyBytes { add(bytes: $0) } }

    func withKeyBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R { bytes.withUnsafeBytes(body) }

    var count: Int { bytes.count }
  }

  /// Reports `unknown`, a member that is none of `keys`; the action is not read.
  private mutating func unknownMember(_ unknown: Located<String>, _ keys: [StaticString], in what: String) -> ActionCodec.Action? {
    let names = keys.map { "\($0)" }
    let hint = Suggestions.nearest(to: unknown.value, in: names)
    report(
      "`\(unknown.value)` is not a member of \(what)\(hint.map { "; did you mean `\($0)`?" } ?? "")", at: unknown.span,
      notes: [Note("\(what) has \(names.map { "`\($0)`" }.joined(separator: ", "))")])
    return nil
  }

  /// The block of an action: the first form that writes the action back exactly, else kept.
  private mutating func block(
    _ action: ActionCodec.Action, form chosen: Candidate?, id: Located<String>, ids: ByteKeyedTable<String>,
    display: JSONNode?
  ) -> BlockSyntax {
    // The form writes the action back exactly with the names as written: the block is made
    // with its targets readable and, on import, its resources' values replaced by their
    // names. Those come back only if no two values of the action have one name; otherwise
    // the action is kept as it is.
    if let chosen, var block = ActionCodec.block(action, kind: chosen.kind, form: chosen.form, id: id, targets: ids) {
      guard renamesResources else {
        nativeCount += 1
        return block
      }
      var named: [String: String] = [:]
      var exact = true
      for parameter in chosen.form.parameters {
        guard case .reference(let kind) = parameter.conversion else { continue }
        block.body = Self.replacing(parameter.callflow, in: block.body) { value in
          guard case .scalar(let text, let form) = value.kind else { return value }
          let name = naming.resource(kind, text, Self.displayName(display, kind))
          if let other = named[name], other != text { exact = false }
          named[name] = text
          return SyntaxValue(.scalar(name, form), at: value.span)
        }
      }
      if exact {
        nativeCount += 1
        namedResources.merge(named) { a, _ in a }
        return block
      }
    }
    opaqueCount += 1
    return ActionCodec.opaque(action, id: id, ids: ids)
      ?? BlockSyntax(id: id, kind: Located("", at: action.type.span), body: SyntaxValue(.null, at: action.type.span), next: nil, branches: [], span: action.node.span)
  }

  /// `value` (a record) with the value at `path` changed by `change`.
  static func replacing(_ path: [String], in value: SyntaxValue, _ change: (SyntaxValue) -> SyntaxValue) -> SyntaxValue {
    guard let first = path.first, case .record(var fields) = value.kind, let f = fields.firstIndex(where: { $0.name.value == first }) else {
      return value
    }
    fields[f].value = path.count == 1 ? change(fields[f].value) : replacing(Array(path.dropFirst()), in: fields[f].value, change)
    return SyntaxValue(.record(fields), at: value.span)
  }

  /// Whether an action the exporter wrote is the action read, as Connect reads them: an
  /// absent (or null) `Parameters` or `Transitions` is `{}`, an empty list of errors or
  /// conditions is none. The exporter always writes both, and no empty list.
  static func written(_ json: ConnectJSON, is node: JSONNode) -> Bool {
    guard case .object(let members) = json, node.isObject else { return false }
    var expected = 0
    for (key, value) in members {
      let original = node[key]
      switch key {
      case "Parameters":
        if let original, !original.isNull {
          guard value.matches(original) else { return false }
          expected += 1
        } else {
          guard case .object(let p) = value, p.isEmpty else { return false }
          if original != nil { expected += 1 }
        }
      case "Transitions":
        guard case .object(let written) = value else { return false }
        // The transitions read but for empty lists of errors or conditions.
        var originals = 0
        original?.forEachMember { key, value in
          if value.tag != .array || value.count > 0 || !(node.tape.text(at: key, is: "Errors") || node.tape.text(at: key, is: "Conditions")) {
            originals += 1
          }
          return true
        }
        guard written.count == originals else { return false }
        for (k, v) in written {
          guard let o = original?[k], v.matches(o) else { return false }
        }
        if original != nil { expected += 1 }
      default:
        guard let original, value.matches(original) else { return false }
        expected += 1
      }
    }
    return expected == node.count
  }

  /// An action as compared: `Parameters` and `Transitions` present, empty lists of errors and
  /// conditions left out (Connect reads them alike).
  public static func normalized(_ action: ConnectJSON) -> ConnectJSON {
    guard case .object(var members) = action else { return action }
    if !members.contains(where: { $0.0 == "Parameters" }) { members.append(("Parameters", .object([]))) }
    if let k = members.firstIndex(where: { $0.0 == "Parameters" }), case .null = members[k].1 { members[k].1 = .object([]) }
    if let k = members.firstIndex(where: { $0.0 == "Transitions" }), case .object(let transitions) = members[k].1 {
      members[k].1 = .object(transitions.filter { key, value in
        if key == "Errors" || key == "Conditions", case .array(let items) = value { return !items.isEmpty }
        return true
      })
    } else {
      members.append(("Transitions", .object([])))
    }
    return .object(members)
  }

  /// Each Connect type's block kinds and forms, in catalog order.
  static let forms: ByteKeyedTable<[Candidate]> = {
    var types: [String] = []
    var candidates: [String: [Candidate]] = [:]
    for kind in BlockKind.allCases {
      for form in kind.forms {
        if candidates[form.type] == nil { types.append(form.type) }
        candidates[form.type, default: []].append(Candidate(kind: kind, form: form))
      }
    }
    return types.reduce(into: ByteKeyedTable<[Candidate]>()) { $0.add($1, candidates[$1] ?? []) }
  }()

  /// The display name the flow's metadata gives a resource of an action.
  static func displayName(_ metadata: JSONNode?, _ kind: ResourceKind) -> String? {
    guard let metadata else { return nil }
    switch kind {
    case .queue: return metadata["queue"]?["text"]?.string ?? metadata["parameters"]?["QueueId"]?["displayName"]?.string
    case .prompt: return metadata["promptName"]?.string ?? metadata["parameters"]?["PromptId"]?["displayName"]?.string
    case .hours: return metadata["Hours"]?["text"]?.string ?? metadata["parameters"]?["HoursOfOperationId"]?["displayName"]?.string
    case .flow: return metadata["ContactFlow"]?["text"]?.string ?? metadata["parameters"]?["ContactFlowId"]?["displayName"]?.string
    case .routingProfile: return nil
    }
  }

  // MARK: Flow type

  private mutating func flowType(_ actions: [JSONNode]) -> Located<String>? {
    if let written = document.type {
      if let type = ConnectFlowType.callflow(written.value) { return Located(type.rawValue, at: written.span) }
      report(
        "`\(written.value)` is not an Amazon Connect flow type Callflow knows", at: written.span,
        notes: [Note("the types are \(ConnectFlowType.names.map { "`\($0)`" }.joined(separator: ", "))")])
      return nil
    }
    let types = Set(actions.compactMap { $0["Type"]?.string })
    let candidates: [FlowType]
    if document.isModule || types.contains("EndFlowModuleExecution") {
      candidates = [.module]
    } else if types.contains("DequeueContactAndTransferToQueue") || types.contains("MessageParticipantIteratively") {
      candidates = [.customerQueue, .customerHold, .agentHold]
    } else if types.contains("EndFlowExecution") && !types.contains("TransferContactToQueue") {
      candidates = [.customerWhisper, .agentWhisper, .outboundWhisper, .customerQueue]
    } else {
      candidates = [.inbound, .transferToQueue, .agentTransfer]
    }
    // Of the types the actions suggest, the first where Connect allows every one of them.
    let inferred = candidates.first { type in
      actions.allSatisfy { action in
        guard let actionType = action["Type"]?.string else { return true }
        return ConnectPlacement.problem(type: actionType, hook: ConnectPlacement.hook(action["Parameters"]), in: type) == nil
      }
    } ?? candidates[0]
    notes.append("the file does not say its flow type; `\(inferred.rawValue)` is inferred from its actions")
    return Located(inferred.rawValue, at: SourceSpan(file: file, at: document.content.span.start))
  }

  // MARK: Legacy

  /// A legacy export: each module a `connect-action` with its legacy type and parameters, for
  /// checking its graph; `callflow export` refuses it (the designer converts it when saved).
  private mutating func lowerLegacy(
    _ root: JSONNode, fallbackName: String, untranslatable: LegacyTranslation.Untranslatable
  ) -> (flow: FlowSyntax?, diagnostics: [Diagnostic]) {
    var flow = FlowSyntax(file: file, span: root.span)
    flow.hasBlocks = true
    flow.readFromConnect = true
    flow.name = document.name.map { Located(Self.slug($0.value, fallback: fallbackName), at: $0.span) } ?? Located(fallbackName, at: SourceSpan(file: file, at: root.span.start))
    if let written = document.type, let type = ConnectFlowType.callflow(written.value) {
      flow.type = Located(type.rawValue, at: written.span)
    } else {
      flow.type = Located(FlowType.inbound.rawValue, at: SourceSpan(file: file, at: root.span.start))
      notes.append("the legacy export does not say a flow type Callflow knows; `inbound` is assumed")
    }
    let modules = root["modules"]?.items ?? []
    var ids: [String: String] = [:]
    var used = UniqueNames()
    for module in modules {
      guard let id = module["id"]?.string else { continue }
      ids[id] = used.claim(Self.readableBase(id, kindName: Self.slug(module["type"]?.string ?? "module", fallback: "module")))
    }
    var identifiers: [SyntaxField] = []
    for module in modules {
      guard let idNode = module["id"], let id = idNode.string, let readable = ids[id], let typeNode = module["type"], let type = typeNode.string else {
        report("a legacy module has an `id` and a `type`", at: module.span)
        continue
      }
      func target(_ node: JSONNode) -> Located<String>? { node.string.map { Located(ids[$0] ?? $0, at: node.span) } }
      var fields = [SyntaxField(name: Located("type", at: typeNode.span), value: SyntaxValue(.scalar(type, .quoted), at: typeNode.span))]
      // Legacy parameters repeat names: they are kept as the list they are.
      if let parameters = module["parameters"], let items = parameters.items, !items.isEmpty {
        fields.append(SyntaxField(name: Located("parameters", at: parameters.span), value: ActionCodec.syntax(parameters)))
      }
      var next: Located<String>?
      var branches: [BranchSyntax] = []
      var conditions: [SyntaxValue] = []
      for branch in module["branches"]?.items ?? [] {
        guard let condition = branch["condition"], let name = condition.string, let transition = branch["transition"], let goto = target(transition) else { continue }
        if name == "Success" && next == nil {
          next = goto
        } else if name == "Evaluate", let value = branch["conditionValue"] {
          let op = branch["conditionType"]?.string.flatMap(ConnectOperator.callflow) ?? .equals
          conditions.append(SyntaxValue(.record([
            SyntaxField(name: Located(op.rawValue, at: condition.span), value: SyntaxValue(.scalar(value.string ?? "", .quoted), at: value.span)),
            SyntaxField(name: Located("goto", at: transition.span), value: SyntaxValue(.scalar(goto.value, .bare), at: goto.span)),
          ]), at: branch.span))
        } else if !branches.contains(where: { $0.name.value == name }) {
          branches.append(BranchSyntax(name: Located(name, at: condition.span), target: goto))
        }
      }
      if !conditions.isEmpty { fields.append(SyntaxField(name: Located("conditions", at: typeNode.span), value: SyntaxValue(.list(conditions), at: typeNode.span))) }
      let located = Located(readable, at: idNode.span)
      if readable != id { identifiers.append(SyntaxField(name: located, value: SyntaxValue(.scalar(id, .quoted), at: idNode.span))) }
      flow.blocks.append(BlockSyntax(
        id: located, kind: Located(BlockKind.connectAction.rawValue, at: typeNode.span), body: SyntaxValue(.record(fields), at: module.span),
        next: next, branches: branches, span: module.span))
      opaqueCount += 1
    }
    if let start = root["start"], let text = start.string { flow.start = Located(ids[text] ?? text, at: start.span) }
    var connect = [SyntaxField(name: Located("legacy", at: root.span), value: SyntaxValue(.scalar("true", .bare), at: root.span))]
    if !identifiers.isEmpty { connect.append(SyntaxField(name: Located("identifiers", at: root.span), value: SyntaxValue(.record(identifiers), at: root.span))) }
    flow.connect = SyntaxValue(.record(connect), at: root.span)
    notes.append(
      "a legacy export: \(modules.count == 1 ? "its module is kept as a `connect-action` block" : "its \(modules.count) modules are kept as `connect-action` blocks"), since \(untranslatable.message) (line \(untranslatable.span.start.line), column \(untranslatable.span.start.column))")
    return (flow, diagnostics)
  }

  // MARK: Names

  /// A readable block id: the identifier when it is text (not a UUID), else the kind's name.
  static func readableBase(_ identifier: String, kindName: String) -> String {
    if !ConnectReference.isID(identifier) {
      let slug = slug(identifier, fallback: "")
      if !slug.isEmpty { return slug.utf8.count <= 48 ? slug : String(slug.prefix(48)) }
    }
    return kindName
  }

  /// `text` in lowercase words joined by `-`: `CheckHoursOfOperation` gives
  /// `check-hours-of-operation`, `Main Menu` gives `main-menu`.
  public static func slug(_ text: String, fallback: String) -> String {
    if isSlug(text) { return text }
    let dash = UInt8(ascii: "-")
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var afterLowerOrDigit = false
    for b in text.utf8 {
      let upper = b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")
      let lowerOrDigit = (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
      if upper || lowerOrDigit {
        if upper && afterLowerOrDigit && out.last != dash { out.append(dash) }
        out.append(upper ? b + 32 : b)
      } else if !out.isEmpty && out.last != dash {
        // Anything else, a byte of a non-ASCII character included, separates words.
        out.append(dash)
      }
      afterLowerOrDigit = lowerOrDigit
    }
    while out.last == dash { out.removeLast() }
    return out.isEmpty ? fallback : String(decoding: out, as: UTF8.self)
  }

  /// Whether `text` is its own slug: words of lowercase ASCII letters and digits joined by
  /// single `-`s (most identifiers of flows written in Callflow).
  static func isSlug(_ text: String) -> Bool {
    var previous = UInt8(ascii: "-")
    var any = false
    for b in text.utf8 {
      let lowerOrDigit = (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
      guard lowerOrDigit || (b == UInt8(ascii: "-") && previous != UInt8(ascii: "-")) else { return false }
      previous = b
      any = true
    }
    return any && previous != UInt8(ascii: "-")
  }

  private mutating func report(_ message: String, at span: SourceSpan, notes: [Note] = []) {
    diagnostics.append(Diagnostic(.connectSyntax, message, at: span, notes: notes))
  }
}
