import CallflowDiagnostics
import CallflowSyntax

/// Types parameter values against the catalog's ``ValueType``s, reporting `invalid-value`,
/// `unknown-parameter`, `missing-parameter` and `undefined-reference`.
struct ValueTyper {
  let index: ProjectIndex
  var bag: DiagnosticBag
  /// The flows referred to so far.
  var flowReferences: [Located<String>] = []

  init(index: ProjectIndex, bag: DiagnosticBag) {
    self.index = index
    self.bag = bag
  }

  /// `value` typed as `type`; `what` names the parameter in messages.
  mutating func type(_ value: SyntaxValue, as type: ValueType, what describe: @autoclosure () -> String) -> Located<TypedValue>? {
    // A `${NAME}` still here had no value and is reported already; typing it would only repeat that.
    if case .scalar(let text, _) = value.kind, Substitutions.mayHoldSubstitution(text) {
      if case .text = type { return Located(.text(text), at: value.span) }
      return nil
    }
    switch type {
    case .text:
      return expect(ScalarTyping.text(value), value, describe()) { .text($0) }
    case .integer(let range):
      return complete(ScalarTyping.integer(value, in: range, what: describe()), value) { .integer($0) }
    case .duration(let range):
      return complete(ScalarTyping.duration(value, in: range, what: describe()), value) { .duration($0) }
    case .phoneNumber:
      guard let text = expect(ScalarTyping.text(value), value, describe(), { $0 }) else { return nil }
      return phone(text.value, value)
    case .attribute:
      guard let text = expect(ScalarTyping.text(value), value, describe(), { $0 }) else { return nil }
      return attribute(text.value, value)
    case .phoneOrAttribute:
      guard let text = expect(ScalarTyping.text(value), value, describe(), { $0 }) else { return nil }
      if AttributePath.looksLikeAttribute(text.value) { return attribute(text.value, value) }
      if PhoneNumberSyntax.looksLikePhoneNumber(text.value) { return phone(text.value, value) }
      return invalid("\(describe()) must be an attribute such as `$.StoredCustomerInput` or an E.164 number, not `\(text.value)`", value)
    case .valueOrAttribute:
      guard let text = expect(ScalarTyping.text(value), value, describe(), { $0 }) else { return nil }
      if AttributePath.looksLikeAttribute(text.value) { return attribute(text.value, value) }
      return Located(.text(text.value), at: value.span)
    case .dtmf:
      guard let text = expect(ScalarTyping.text(value), value, describe(), { $0 }) else { return nil }
      guard !text.value.isEmpty, text.value.allSatisfy({ "0123456789*#".contains($0) }) else {
        return invalid("\(describe()) `\(text.value)` is not a key sequence: use the digits 0-9, `*` and `#`", value)
      }
      return Located(.text(text.value), at: value.span)
    case .word(let words):
      guard let text = expect(ScalarTyping.text(value), value, describe(), { $0 }) else { return nil }
      guard words.contains(text.value) else {
        bag.report(
          .invalidValue, "`\(text.value)` is not a valid \(describe())", at: value.span,
          notes: [Note("expected \(Suggestions.list(words, conjunction: "or"))")], fixes: FixIt.didYouMean(text, among: words))
        return nil
      }
      return Located(.word(text.value), at: value.span)
    case .country:
      guard let text = expect(ScalarTyping.text(value), value, describe(), { $0 }) else { return nil }
      guard text.value.count == 2, text.value.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
        return invalid("`\(text.value)` is not a country code; write two capital letters such as `US` or `FR`", value)
      }
      return Located(.word(text.value), at: value.span)
    case .reference(let kind):
      guard let text = expect(ScalarTyping.text(value), value, describe(), { $0 }) else { return nil }
      // A JSONPath names the resource only when the contact runs (`$.Attributes.queueArn`).
      if AttributePath.looksLikeAttribute(text.value) { return attribute(text.value, value) }
      reference(kind, Located(text.value, at: value.span))
      // An Amazon Connect ARN or id the project knows is typed as the resource's name, so
      // that the compiled flow refers to it as every other stage does.
      return Located(.reference(kind, index.name(of: kind, connectID: text.value) ?? text.value), at: value.span)
    case .list(let element):
      guard case .list(let items) = value.kind else {
        return invalid("\(describe()) must be a list such as `[\"1\", \"2\"]`, not \(value.kindDescription)", value)
      }
      var typed: [Located<TypedValue>] = []
      for item in items {
        if let t = self.type(item, as: element, what: "an item of \(describe())") { typed.append(t) }
      }
      return Located(.list(typed), at: value.span)
    case .record(let fields):
      guard case .record(let given) = value.kind else {
        return invalid("\(describe()) must be a mapping, not \(value.kindDescription)", value)
      }
      return Located(.record(arguments(given, specs: fields, in: describe())), at: value.span)
    case .conditions:
      return conditions(value, describe())
    case .any:
      // Kept as written; typed as a short description for labels and the host.
      let summary: String
      switch value.kind {
      case .scalar(let text, _): summary = text
      case .list(let items): summary = items.count == 1 ? "1 item" : "\(items.count) items"
      case .record(let fields): summary = fields.map(\.name.value).joined(separator: ", ")
      case .null: summary = ""
      }
      return Located(.text(summary), at: value.span)
    }
  }

  /// Whether `value` is a value of `type` (a number, a duration), whatever its range: a rule
  /// of a parameter judges the range, `invalid-value` the form.
  static func isWellFormed(_ value: SyntaxValue, as type: ValueType) -> Bool {
    switch type {
    case .integer:
      if case .success = ScalarTyping.integer(value) { return true }
      return false
    case .duration:
      if case .success = ScalarTyping.duration(value) { return true }
      return false
    case .text, .phoneNumber, .attribute, .phoneOrAttribute, .valueOrAttribute, .dtmf, .word, .country, .reference, .list, .record,
      .conditions, .any:
      return true
    }
  }

  /// Types the fields of a record against `specs`, reporting unknown names.
  mutating func arguments(_ given: [SyntaxField], specs: [ParameterSpec], in place: @autoclosure () -> String) -> [Argument] {
    var result: [Argument] = []
    result.reserveCapacity(given.count)
    for field in given {
      guard let spec = specs.first(where: { $0.name == field.name.value }) else {
        unknownParameter(field.name, known: specs.map(\.name), in: place())
        continue
      }
      let mark = bag.count
      if let value = type(field.value, as: spec.type, what: "`\(field.name.value)`") {
        result.append(Argument(name: field.name, value: value))
      }
      // A parameter's own rule judges a value out of its range; one that is not a value of
      // the type at all (`15 minutes` for a duration) stays `invalid-value`.
      if let rule = spec.rule, Self.isWellFormed(field.value, as: spec.type) { bag.reassign(since: mark, to: rule) }
    }
    return result
  }

  mutating func unknownParameter(_ name: Located<String>, known: [String], in place: String) {
    let fixes = FixIt.didYouMean(name, among: known)
    let notes: [Note]
    if !fixes.isEmpty {
      notes = []
    } else if known.isEmpty {
      notes = [Note("\(place) takes no parameters")]
    } else {
      notes = [Note("\(place) takes \(Suggestions.list(known, conjunction: "and"))")]
    }
    bag.report(.unknownParameter, "\(place) has no parameter `\(name.value)`", at: name.span, notes: notes, fixes: fixes)
  }

  /// Reports a reference to a resource the project does not define.
  mutating func reference(_ kind: ResourceKind, _ name: Located<String>) {
    if case .flow = kind { flowReferences.append(name) }
    guard index.defines(kind, name.value) == false else { return }
    if index.center == nil, let folder = index.centerSought, kind.centerSlot != nil {
      bag.report(
        .undefinedReference, "no \(kind.noun) named `\(name.value)`: the project has no center.yaml", at: name.span,
        notes: [
          Note("center.yaml was looked for in `\(folder)` and every folder above it"),
          Note("a project's queues, prompts, hours and routing profiles are defined in its center.yaml"),
        ])
      return
    }
    let fixes = FixIt.didYouMean(name, among: index.names(of: kind))
    var notes: [Note] = []
    if fixes.isEmpty {
      let known = index.names(of: kind)
      let place: String
      if case .flow = kind { place = "the project" } else { place = "center.yaml" }
      notes.append(
        Note(known.isEmpty ? "\(place) defines no \(kind.noun)" : "\(place) defines \(Suggestions.list(Array(known.prefix(8))))"))
    }
    bag.report(.undefinedReference, "no \(kind.noun) named `\(name.value)`", at: name.span, notes: notes, fixes: fixes)
  }

  // MARK: Pieces

  private mutating func conditions(_ value: SyntaxValue, _ what: @autoclosure () -> String) -> Located<TypedValue>? {
    guard case .list(let items) = value.kind else {
      return invalid("\(what()) must be a list of `{<operator>: value, goto: block}` items, not \(value.kindDescription)", value)
    }
    var result: [Condition] = []
    for item in items {
      guard case .record(let fields) = item.kind else {
        _ = invalid("a condition is a mapping such as `{equals: gold, goto: vip}`, not \(item.kindDescription)", item)
        continue
      }
      var op: (Located<ConditionOperator>, SyntaxValue)?
      var target: Located<String>?
      for field in fields {
        if field.name.value == "goto" {
          if let t = expect(ScalarTyping.text(field.value), field.value, "`goto`", { $0 }) { target = t }
        } else if let known = ConditionOperator(rawValue: field.name.value) {
          if let (first, _) = op {
            bag.report(
              .invalidValue, "a condition has one operator, but this one has `\(first.value.rawValue)` and `\(field.name.value)`",
              at: field.name.span)
          } else {
            op = (Located(known, at: field.name.span), field.value)
          }
        } else {
          unknownParameter(field.name, known: ConditionOperator.names + ["goto"], in: "a condition")
        }
      }
      // The edge's label: the first key that is not `goto`, as written.
      let written = fields.first { $0.name.value != "goto" }
      let label = written.map { "\($0.name.value) \($0.value.scalarText ?? "…")" } ?? "condition"
      guard let (opName, operandValue) = op else {
        bag.report(
          .missingParameter, "this condition has no operator", at: item.span,
          notes: [Note("expected one of \(Suggestions.list(ConditionOperator.names, conjunction: "or"))")])
        if let target { result.append(Condition(op: nil, operand: nil, target: target, label: label)) }
        continue
      }
      guard let target else {
        bag.report(.missingParameter, "this condition has no `goto`: the block to go to when it holds", at: item.span)
        continue
      }
      let operandType: ValueType = opName.value.isNumeric ? .integer(Int.min...Int.max) : .valueOrAttribute
      let operand = type(operandValue, as: operandType, what: "the operand of `\(opName.value.rawValue)`")
      result.append(Condition(op: opName, operand: operand, target: target, label: label))
    }
    return Located(.conditions(result), at: value.span)
  }

  private mutating func phone(_ text: String, _ value: SyntaxValue) -> Located<TypedValue>? {
    switch PhoneNumberSyntax.parseE164(text) {
    case .success(let n): return Located(.phoneNumber(n), at: value.span)
    case .failure(let problem): return invalid("`\(text)` is not an E.164 number: \(problem.message)", value)
    }
  }

  private mutating func attribute(_ text: String, _ value: SyntaxValue) -> Located<TypedValue>? {
    switch AttributePath.parse(text) {
    case .success(let path): return Located(.attribute(path), at: value.span)
    case .failure(let problem): return invalid(problem.message, value)
    }
  }

  private mutating func expect<T, U>(
    _ result: Result<T, ValueError>, _ value: SyntaxValue, _ what: @autoclosure () -> String, _ wrap: (T) -> U
  ) -> Located<U>? {
    switch result {
    case .success(let v): return Located(wrap(v), at: value.span)
    case .failure(let problem):
      bag.report(.invalidValue, "\(what()): \(problem.message)", at: value.span)
      return nil
    }
  }

  /// The typed value, or a report of the failure whose message is already complete.
  private mutating func complete<T>(_ result: Result<T, ValueError>, _ value: SyntaxValue, _ wrap: (T) -> TypedValue)
    -> Located<TypedValue>?
  {
    switch result {
    case .success(let v): return Located(wrap(v), at: value.span)
    case .failure(let problem): return invalid(problem.message, value)
    }
  }

  private mutating func invalid(_ message: String, _ value: SyntaxValue) -> Located<TypedValue>? {
    bag.report(.invalidValue, message, at: value.span)
    return nil
  }
}
