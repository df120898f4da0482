import CallflowDiagnostics
import CallflowSyntax

/// Converts between Connect values and Callflow's: JSON to syntax values and back, and one
/// action to one block and back, through the kind's ``ConnectForm``s.
enum ActionCodec {
  // MARK: Values

  /// The syntax value of a JSON value: strings quoted, numbers and booleans bare.
  static func syntax(_ node: JSONNode) -> SyntaxValue {
    switch node.tag {
    case .object:
      var fields: [SyntaxField] = []
      fields.reserveCapacity(node.count)
      node.forEachMember { key, value in
        fields.append(SyntaxField(name: node.tape.located(key), value: syntax(value)))
        return true
      }
      return SyntaxValue(.record(fields), at: node.span)
    case .array: return SyntaxValue(.list(node.itemSequence.map(syntax)), at: node.span)
    case .string: return SyntaxValue(.scalar(node.string ?? "", .quoted), at: node.span)
    case .number: return SyntaxValue(.scalar(node.number ?? "", .bare), at: node.span)
    case .true: return SyntaxValue(.scalar("true", .bare), at: node.span)
    case .false: return SyntaxValue(.scalar("false", .bare), at: node.span)
    case .null: return SyntaxValue(.null, at: node.span)
    }
  }

  /// The JSON of a syntax value: quoted scalars are strings; bare ones are numbers, booleans
  /// or null when they read as such, else strings.
  static func json(_ value: SyntaxValue) -> ConnectJSON {
    switch value.kind {
    case .null: return .null
    case .scalar(let text, .quoted): return .string(text)
    case .scalar(let text, .bare):
      if text == "true" { return .bool(true) }
      if text == "false" { return .bool(false) }
      if text == "null" { return .null }
      if isNumber(text) { return .number(text) }
      return .string(text)
    case .list(let items): return .array(items.map(json))
    case .record(let fields): return .object(fields.map { ($0.name.value, json($0.value)) })
    }
  }

  /// Whether `text` is a JSON number literal.
  static func isNumber(_ text: String) -> Bool {
    var reader = JSONReader(Array(text.utf8), file: FileID(0))
    guard let node = try? reader.read(), case .number = node.kind else { return false }
    return true
  }

  // MARK: Actions to blocks

  /// What an action is, read from its JSON: made once, then shared by the steps of the
  /// lowering (a class is one reference to count where a struct of seven is seven).
  final class Action: Sendable {
    let node: JSONNode
    let identifier: Located<String>
    let type: Located<String>
    let parameters: JSONNode?
    let next: Located<String>?
    let errors: [ErrorTransition]
    let conditions: [ConditionTransition]

    init(
      node: JSONNode, identifier: Located<String>, type: Located<String>, parameters: JSONNode?, next: Located<String>?,
      errors: [ErrorTransition], conditions: [ConditionTransition]
    ) {
      self.node = node
      self.identifier = identifier
      self.type = type
      self.parameters = parameters
      self.next = next
      self.errors = errors
      self.conditions = conditions
    }
  }

  /// An error transition of an action: its `ErrorType` and `NextAction`.
  struct ErrorTransition {
    var type: Located<String>
    var target: Located<String>
  }

  /// A condition of an action: its operator, operands and `NextAction`, and where it is.
  struct ConditionTransition {
    var op: Located<String>
    var operands: [JSONNode]
    var target: Located<String>
    var span: SourceSpan
  }

  /// The block a form makes of `action`, if the form fits it, with resources as Connect writes
  /// them (the importer names them afterwards) and targets the ids `targets` gives the
  /// identifiers (as written without it, and for identifiers it does not have). Kept only
  /// when writing it back gives the action again.
  static func block(_ action: Action, kind: BlockKind, form: ConnectForm, id: Located<String>, targets: ByteKeyedTable<String>?) -> BlockSyntax? {
    func resolved(_ target: Located<String>) -> Located<String> { targets?.target(target) ?? target }
    var body = RecordBuilder()
    let parameters = action.parameters
    if let parameters, !parameters.isObject { return nil }
    for (path, value) in form.fixed {
      guard node(parameters, path)?.string == value else { return nil }
    }
    for (key, value) in form.implied { body.set([key], SyntaxValue(.scalar(value, .bare), at: action.type.span)) }
    if form.wholeParameters {
      for member in parameters?.members ?? [] { body.fields.append(SyntaxField(name: member.key, value: syntax(member.value))) }
    }
    if kind == .setAttributes {
      guard let attributes = parameters?["Attributes"], let members = attributes.members, parameters?.count == 1 else {
        return nil
      }
      for member in members {
        guard let text = member.value.string else { return nil }
        body.fields.append(SyntaxField(name: member.key, value: SyntaxValue(.scalar(text, .quoted), at: member.value.span)))
      }
    }
    for parameter in form.parameters {
      guard let value = node(parameters, parameter.connect) else { continue }
      if case .json = parameter.conversion {
        body.set(parameter.callflow, syntax(value))
        continue
      }
      guard let text = value.string, let converted = toCallflow(text, parameter.conversion) else { return nil }
      body.set(parameter.callflow, SyntaxValue(.scalar(converted.text, converted.form), at: value.span))
    }
    var next: Located<String>?
    var branches: [BranchSyntax] = []
    if case .next = form.nextAction { next = action.next }
    if case .none = form.nextAction, action.next != nil { return nil }
    for error in action.errors {
      guard let branch = form.errors.first(where: { $0.type == error.type.value })?.branch,
        !branches.contains(where: { $0.name.value == branch })
      else { return nil }
      branches.append(BranchSyntax(name: Located(branch, at: error.type.span), target: error.target))
    }
    switch form.conditions {
    case .none:
      guard action.conditions.isEmpty else { return nil }
    case .attribute:
      var items: [SyntaxValue] = []
      for condition in action.conditions {
        guard let op = ConnectOperator.callflow(condition.op.value), condition.operands.count == 1,
          let operand = condition.operands[0].string
        else { return nil }
        let form: ScalarForm = op.isNumeric && Int(operand) != nil ? .bare : .quoted
        guard op.isNumeric == (form == .bare) else { return nil }
        let goto = resolved(condition.target)
        items.append(
          SyntaxValue(
            .record([
              SyntaxField(name: Located(op.rawValue, at: condition.op.span), value: SyntaxValue(.scalar(operand, form), at: condition.operands[0].span)),
              SyntaxField(name: Located("goto", at: condition.target.span), value: SyntaxValue(.scalar(goto.value, .bare), at: goto.span)),
            ]), at: condition.span))
      }
      body.set(["conditions"], SyntaxValue(.list(items), at: action.type.span))
    case .options(let parameter, let dtmf):
      var keys: [SyntaxValue] = []
      var optionBranches: [BranchSyntax] = []
      let reserved = Set(form.errors.map(\.branch) + ["next"])
      for condition in action.conditions {
        guard condition.op.value == "Equals", condition.operands.count == 1, let key = condition.operands[0].string,
          !key.isEmpty, !dtmf || key.allSatisfy({ "0123456789*#".contains($0) }), !keys.contains(where: { $0.scalarText == key }),
          !reserved.contains(key)
        else { return nil }
        keys.append(SyntaxValue(.scalar(key, .quoted), at: condition.operands[0].span))
        optionBranches.append(BranchSyntax(name: Located(key, at: condition.operands[0].span), target: condition.target))
      }
      guard !keys.isEmpty || !dtmf else { return nil }
      if !keys.isEmpty { body.set([parameter], SyntaxValue(.list(keys), at: action.type.span)) }
      branches = optionBranches + branches
    case .outcomes(let outcomes):
      for condition in action.conditions {
        guard condition.operands.count == 1, let operand = condition.operands[0].string,
          let outcome = outcomes.first(where: { $0.op == condition.op.value && $0.operand == operand })?.outcome
        else { return nil }
        let goto = condition.target
        if outcome == "next" {
          if let next, next.value != goto.value { return nil }
          next = goto
        } else {
          guard !branches.contains(where: { $0.name.value == outcome }) else { return nil }
          branches.append(BranchSyntax(name: Located(outcome, at: condition.op.span), target: goto))
        }
      }
    }
    if targets != nil {
      next = next.map(resolved)
      for b in branches.indices { branches[b].target = resolved(branches[b].target) }
    }
    let bodyValue = SyntaxValue(.record(body.fields), at: action.parameters?.span ?? action.type.span)
    return BlockSyntax(id: id, kind: Located(kind.rawValue, at: action.type.span), body: bodyValue, next: next, branches: branches, span: action.node.span)
  }

  /// The opaque block of an action: its type, parameters and conditions as written.
  static func opaque(_ action: Action, id: Located<String>, ids: ByteKeyedTable<String>) -> BlockSyntax? {
    var fields = [SyntaxField(name: Located("type", at: action.type.span), value: SyntaxValue(.scalar(action.type.value, .quoted), at: action.type.span))]
    if let parameters = action.parameters {
      fields.append(SyntaxField(name: Located("parameters", at: parameters.span), value: syntax(parameters)))
    }
    if !action.conditions.isEmpty {
      var items: [SyntaxValue] = []
      for condition in action.conditions {
        guard let op = ConnectOperator.callflow(condition.op.value), condition.operands.count == 1,
          let operand = condition.operands[0].string
        else { return nil }
        let goto = ids.target(condition.target)
        items.append(
          SyntaxValue(
            .record([
              SyntaxField(
                name: Located(op.rawValue, at: condition.op.span),
                value: SyntaxValue(.scalar(operand, op.isNumeric && Int(operand) != nil ? .bare : .quoted), at: condition.operands[0].span)),
              SyntaxField(name: Located("goto", at: condition.target.span), value: SyntaxValue(.scalar(goto.value, .bare), at: goto.span)),
            ]), at: condition.span))
      }
      fields.append(SyntaxField(name: Located("conditions", at: action.type.span), value: SyntaxValue(.list(items), at: action.type.span)))
    }
    let branches = action.errors.map { BranchSyntax(name: $0.type, target: ids.target($0.target)) }
    return BlockSyntax(
      id: id, kind: Located(BlockKind.connectAction.rawValue, at: action.type.span),
      body: SyntaxValue(.record(fields), at: action.type.span), next: action.next.map(ids.target), branches: branches, span: action.node.span)
  }

  // MARK: Blocks to actions

  /// Why a block cannot be written as a Connect action.
  struct Unwritable: Error {
    var message: String
    var span: SourceSpan
    var notes: [Note] = []
  }

  /// The action of a block; `identifier` gives each block id's Connect identifier and
  /// `resource` each resource name's Connect value.
  static func action(
    _ block: BlockSyntax, identifier: (String) -> String, resource: (ResourceKind, String) -> String
  ) -> Result<ConnectJSON, Unwritable> {
    guard let kind = BlockKind.named(block.kind.value) else {
      return .failure(Unwritable(message: "`\(block.kind.value)` is not a block kind", span: block.kind.span))
    }
    let fields = normalizedBody(block, kind)
    func field(_ path: [String]) -> SyntaxValue? {
      var current = fields
      for (k, name) in path.enumerated() {
        guard let value = current.first(where: { $0.name.value == name })?.value else { return nil }
        if k == path.count - 1 { return value }
        guard case .record(let inner) = value.kind else { return nil }
        current = inner
      }
      return nil
    }
    let branchTarget = { (name: String) in block.branches.first { $0.name.value == name }?.target.value }
    var transitions: [(String, ConnectJSON)] = []
    var conditions: [ConnectJSON] = []
    var errors: [ConnectJSON] = []
    func condition(_ op: String, _ operand: String, _ target: String) -> ConnectJSON {
      .object([
        ("NextAction", .string(identifier(target))),
        ("Condition", .object([("Operator", .string(op)), ("Operands", .array([.string(operand)]))])),
      ])
    }
    func conditionList(_ value: SyntaxValue?) -> [ConnectJSON]? {
      guard let value else { return [] }
      guard case .list(let items) = value.kind else { return nil }
      var result: [ConnectJSON] = []
      for item in items {
        guard case .record(let parts) = item.kind, parts.count == 2, let goto = parts.first(where: { $0.name.value == "goto" }),
          let opField = parts.first(where: { $0.name.value != "goto" }), let op = ConditionOperator(rawValue: opField.name.value),
          let operand = opField.value.scalarText, let target = goto.value.scalarText
        else { return nil }
        result.append(condition(ConnectOperator.connect(op), operand, target))
      }
      return result
    }

    if kind == .connectAction {
      guard let type = field(["type"])?.scalarText else {
        return .failure(Unwritable(message: "a `connect-action` needs its `type`", span: block.kind.span))
      }
      guard let list = conditionList(field(["conditions"])) else {
        return .failure(Unwritable(message: "the conditions of a `connect-action` are `{<operator>: operand, goto: block}` items", span: block.body.span))
      }
      if let next = block.next { transitions.append(("NextAction", .string(identifier(next.value)))) }
      if !list.isEmpty { transitions.append(("Conditions", .array(list))) }
      errors = block.branches.map { .object([("NextAction", .string(identifier($0.target.value))), ("ErrorType", .string($0.name.value))]) }
      if !errors.isEmpty { transitions.append(("Errors", .array(errors))) }
      var parameters = field(["parameters"]).map(json) ?? .object([])
      if case .null = parameters { parameters = .object([]) }
      return .success(
        .object([
          ("Identifier", .string(identifier(block.id.value))), ("Type", .string(type)), ("Parameters", parameters),
          ("Transitions", .object(transitions)),
        ]))
    }

    let forms = kind.forms
    guard !forms.isEmpty else {
      return .failure(
        Unwritable(message: "Amazon Connect has no action for `\(kind.rawValue)`", span: block.kind.span, notes: kind.connectAbsence.map { [Note($0)] } ?? []))
    }
    // The form whose implied values the block has, and which writes every parameter it has.
    // What the block has besides the parameter its form writes its conditions in.
    func given(_ form: ConnectForm) -> [SyntaxField] { fields.filter { $0.name.value != form.conditionParameter } }
    // Every value the block has, by its path (`callback.working-queue`): a form must write
    // each, or the export would lose it.
    func leaves(_ fields: [SyntaxField], under prefix: [String], form: ConnectForm) -> [[String]] {
      fields.flatMap { f -> [[String]] in
        let path = prefix + [f.name.value]
        if form.inner.contains(path), case .record(let inner) = f.value.kind { return leaves(inner, under: path, form: form) }
        return [path]
      }
    }
    // Whether `form` writes every value of `fields` (below `prefix`), with no list of them made.
    func writesAll(_ fields: [SyntaxField], under prefix: [String], form: ConnectForm) -> Bool {
      for f in fields where !(prefix.isEmpty && f.name.value == form.conditionParameter) {
        // Most values are top-level parameters the form writes: no path made.
        if prefix.isEmpty, form.writtenTop.contains(f.name.value), !form.innerTop.contains(f.name.value) { continue }
        let path = prefix + [f.name.value]
        if form.inner.contains(path), case .record(let inner) = f.value.kind {
          guard writesAll(inner, under: path, form: form) else { return false }
        } else if !form.written.contains(path) {
          return false
        }
      }
      return true
    }
    // How many settings the values at `paths` hold: a record left unwritten counts each.
    func settings(_ paths: [[String]]) -> Int {
      func count(_ value: SyntaxValue) -> Int {
        if case .record(let inner) = value.kind { return inner.reduce(0) { $0 + count($1.value) } }
        return 1
      }
      return paths.reduce(0) { $0 + (field($1).map(count) ?? 1) }
    }
    // Of the forms that fit, the one with the fewest parameters (`transfer-to-queue` with no
    // `callback` is a transfer, not a callback with every setting left out).
    let chosen = forms.filter { form in
      guard form.implied.allSatisfy({ field([$0.0])?.scalarText == $0.1 }),
        form.requires.allSatisfy({ name in name != form.conditionParameter && fields.contains { $0.name.value == name } })
      else { return false }
      if kind == .setAttributes || form.wholeParameters { return true }
      return writesAll(fields, under: [], form: form)
    }.min { $0.parameters.count < $1.parameters.count }
    guard let form = chosen else {
      // Name what Connect has no place for: the settings the closest form leaves unwritten.
      let unwritten = forms.compactMap { form -> [[String]]? in
        guard form.implied.allSatisfy({ field([$0.0])?.scalarText == $0.1 }), !form.wholeParameters, kind != .setAttributes else { return nil }
        let names = Set(given(form).map(\.name.value))
        guard form.requires.allSatisfy(names.contains) else { return nil }
        return leaves(given(form), under: [], form: form).filter { !form.written.contains($0) }
      }.min { settings($0) < settings($1) }.map { $0.map { $0.joined(separator: ".") } }
      if let unwritten, !unwritten.isEmpty {
        return .failure(
          Unwritable(
            message: "Amazon Connect's flow language has no parameter for \(Suggestions.list(unwritten)) of `\(kind.rawValue)`",
            span: block.kind.span))
      }
      // Or the value a form is chosen by (`role: outbound`) that no form has.
      if let key = forms.first?.implied.first?.0, forms.allSatisfy({ $0.implied.contains { $0.0 == key } }), let value = field([key])?.scalarText {
        let values = forms.compactMap { $0.implied.first { $0.0 == key }?.1 }
        return .failure(
          Unwritable(
            message: "Amazon Connect has a form of `\(kind.rawValue)` for \(Suggestions.list(values.map { "\(key): \($0)" }, conjunction: "or")), not for `\(key): \(value)`",
            span: block.kind.span))
      }
      let names = Set(fields.map(\.name.value)).subtracting(forms.compactMap(\.conditionParameter)).sorted().map { "`\($0)`" }.joined(separator: ", ")
      return .failure(
        Unwritable(message: "`\(kind.rawValue)` with \(names) has no Amazon Connect form that Callflow can write", span: block.kind.span))
    }
    var parameters = ObjectBuilder()
    for (path, value) in form.fixed { parameters.set(path, .string(value)) }
    if form.wholeParameters {
      for f in fields { parameters.set([f.name.value], json(f.value)) }
    }
    if kind == .setAttributes {
      var attributes: [(String, ConnectJSON)] = []
      for f in fields { attributes.append((f.name.value, .string(f.value.scalarText ?? ""))) }
      parameters.set(["Attributes"], .object(attributes))
    }
    for parameter in form.parameters {
      guard let value = field(parameter.callflow) else { continue }
      if case .json = parameter.conversion {
        parameters.set(parameter.connect, json(value))
        continue
      }
      guard let text = value.scalarText, let converted = toConnect(text, parameter.conversion, resource: resource) else {
        return .failure(Unwritable(message: "`\(parameter.callflow.joined(separator: "."))` cannot be written for Amazon Connect", span: value.span))
      }
      parameters.set(parameter.connect, .string(converted))
    }
    switch form.conditions {
    case .none: break
    case .attribute:
      guard let list = conditionList(field(["conditions"])) else {
        return .failure(Unwritable(message: "the conditions cannot be written for Amazon Connect", span: block.body.span))
      }
      conditions = list
    case .options(let parameter, _):
      if case .list(let keys)? = field([parameter])?.kind {
        for key in keys {
          guard let text = key.scalarText, let target = branchTarget(text) else { continue }
          conditions.append(condition("Equals", text, target))
        }
      }
    case .outcomes(let outcomes):
      for (op, operand, outcome) in outcomes {
        guard let target = outcome == "next" ? block.next?.value : branchTarget(outcome) else { continue }
        conditions.append(condition(op, operand, target))
      }
    }
    for branch in block.branches {
      guard let type = form.errors.first(where: { $0.branch == branch.name.value })?.type else { continue }
      errors.append(.object([("NextAction", .string(identifier(branch.target.value))), ("ErrorType", .string(type))]))
    }
    switch form.nextAction {
    case .next:
      if let next = block.next { transitions.append(("NextAction", .string(identifier(next.value)))) }
    case .sameAs(let names):
      if let target = names.lazy.compactMap(branchTarget).first { transitions.append(("NextAction", .string(identifier(target)))) }
    case .none: break
    }
    if !conditions.isEmpty { transitions.append(("Conditions", .array(conditions))) }
    if !errors.isEmpty { transitions.append(("Errors", .array(errors))) }
    return .success(
      .object([
        ("Identifier", .string(identifier(block.id.value))), ("Type", .string(form.type)), ("Parameters", parameters.value),
        ("Transitions", .object(transitions)),
      ]))
  }

  /// The block's body as fields: a scalar body is its main parameter.
  static func normalizedBody(_ block: BlockSyntax, _ kind: BlockKind) -> [SyntaxField] {
    switch block.body.kind {
    case .record(let fields): return fields
    case .null: return []
    case .scalar, .list:
      guard let main = kind.spec.mainParameter else { return [] }
      return [SyntaxField(name: Located(main.name, at: block.kind.span), value: block.body)]
    }
  }

  // MARK: Pieces

  static func node(_ root: JSONNode?, _ path: [String]) -> JSONNode? {
    var current = root
    for key in path { current = current?[key] }
    return current
  }

  static func toCallflow(_ text: String, _ conversion: ConnectForm.Conversion)
    -> (text: String, form: ScalarForm)?
  {
    switch conversion {
    case .text: return (text, .quoted)
    case .attribute:
      guard case .success = AttributePath.parse(text) else { return nil }
      return (text, .bare)
    case .seconds:
      guard let n = Int(text), n >= 0, String(n) == text else { return nil }
      return (DurationSyntax.format(n), .bare)
    case .integer(let offset):
      guard let n = Int(text), String(n) == text else { return nil }
      return (String(n - offset), .bare)
    case .reference: return (text, .quoted)
    case .words(let words): return words[text].map { ($0, .bare) }
    case .json: return nil
    }
  }

  static func toConnect(_ text: String, _ conversion: ConnectForm.Conversion, resource: (ResourceKind, String) -> String) -> String? {
    switch conversion {
    case .text, .attribute: return text
    case .seconds: return (try? DurationSyntax.parse(text).get()).map(String.init)
    case .integer(let offset): return Int(text).map { String($0 + offset) }
    case .reference(let kind): return resource(kind, text)
    case .words(let words): return words.first { $0.value == text }?.key
    case .json: return nil
    }
  }
}

/// Fields of a record built by path (`callback.max-retries` inside `callback`).
struct RecordBuilder {
  var fields: [SyntaxField] = []

  mutating func set(_ path: [String], _ value: SyntaxValue) {
    guard let first = path.first else { return }
    if path.count == 1 {
      fields.append(SyntaxField(name: Located(first, at: value.span), value: value))
      return
    }
    var inner = RecordBuilder()
    if let k = fields.firstIndex(where: { $0.name.value == first }), case .record(let existing) = fields[k].value.kind {
      inner.fields = existing
      inner.set(Array(path.dropFirst()), value)
      fields[k].value = SyntaxValue(.record(inner.fields), at: fields[k].value.span)
    } else {
      inner.set(Array(path.dropFirst()), value)
      fields.append(SyntaxField(name: Located(first, at: value.span), value: SyntaxValue(.record(inner.fields), at: value.span)))
    }
  }
}

/// A JSON object built by path.
struct ObjectBuilder {
  var members: [(String, ConnectJSON)] = []
  var value: ConnectJSON { .object(members) }

  mutating func set(_ path: [String], _ value: ConnectJSON) {
    guard let first = path.first else { return }
    if path.count == 1 {
      members.append((first, value))
      return
    }
    var inner = ObjectBuilder()
    if let k = members.firstIndex(where: { $0.0 == first }), case .object(let existing) = members[k].1 {
      inner.members = existing
      inner.set(Array(path.dropFirst()), value)
      members[k].1 = inner.value
    } else {
      inner.set(Array(path.dropFirst()), value)
      members.append((first, inner.value))
    }
  }
}

extension ByteKeyedTable where Value == String {
  /// A transition's target with the readable id this table gives its identifier; as written
  /// when the identifier has none (no action has it: the checker reports it).
  func target(_ target: Located<String>) -> Located<String> {
    self[target.value].map { Located($0, at: target.span) } ?? target
  }
}
