import CallflowDiagnostics
import CallflowSyntax

/// `callback-number-unvalidated`: the number a callback dials must pass a phone validation on
/// every path: the `next` of a `store-input` of kind `phone-number` (for
/// `$.StoredCustomerInput`) or of a `validate-phone` of that attribute. This is dominance of
/// the validating edges over the block, computed as a must-analysis so that a later write of
/// the attribute undoes the validation and a copy by `set-attributes` keeps it.
///
/// `callback-number-unset`: a callback transfer with no `set-callback-number` on some path.
struct CallbackNumberRules {
  let context: FlowContext

  func run(_ bag: inout DiagnosticBag, _ summary: inout CheckedFlow.Summary) {
    unvalidated(&bag)
    unset(&bag, &summary)
  }

  // MARK: callback-number-unvalidated

  private func unvalidated(_ bag: inout DiagnosticBag) {
    let flow = context.flow
    var uses: [(block: Int, number: Located<AttributePath>)] = []
    for b in flow.blocks.indices where context.graph.isReachable(b) {
      let parameter: String
      switch context.kind(b) {
      case .setCallbackNumber: parameter = "value"
      case .createCallback, .registerCallback: parameter = "number"
      default: continue
      }
      guard let argument = flow.blocks[b].argument(parameter), case .attribute(let path) = argument.value.value else { continue }
      // In an outbound flow the customer's address is the number the platform just dialled.
      if flow.type == .outbound && path.description == AttributeCatalog.callerAddress { continue }
      uses.append((b, Located(path, at: argument.value.span)))
    }
    guard !uses.isEmpty else { return }
    // One bit per attribute that is used as a number, validated, or copied into another.
    var bits = Interner<String>()
    // (At most one pass of facts: in a flow with more numbers than that, the rest go unchecked.)
    func track(_ path: String) { if bits.count < Dataflow.bitsPerPass { bits.intern(path) } }
    for use in uses { track(use.number.value.description) }
    for b in flow.blocks.indices where context.graph.isReachable(b) {
      switch context.kind(b) {
      case .storeInput: track(AttributeCatalog.storedInput)
      case .validatePhone, .setAttributes:
        for argument in flow.blocks[b].arguments {
          if case .attribute(let path) = argument.value.value { track(path.description) }
        }
      default: continue
      }
    }
    let stored = AttributeCatalog.storedInput
    // What each block does to the facts on `next`, worked out once: which bits it sets,
    // clears, or copies from another.
    enum Effect {
      case none
      case set(bit: Int, to: Bool)
      case copies([(bit: Int, from: Int?)])
    }
    var effects = [Effect](repeating: .none, count: flow.blocks.count)
    // The blocks read in place: a block copied out counts a reference to each of its parts.
    let blocks = flow.blocks
    for b in blocks.indices where context.graph.isReachable(b) {
      switch context.kind(b) {
      case .storeInput:
        guard let bit = bits.index(of: stored) else { continue }
        let phone: Bool
        if case .word("phone-number")? = blocks[b].argument("kind")?.value.value { phone = true } else { phone = false }
        effects[b] = .set(bit: bit, to: phone)
      case .validatePhone:
        if case .attribute(let path)? = blocks[b].argument("value")?.value.value, let bit = bits.index(of: path.description) {
          effects[b] = .set(bit: bit, to: true)
        }
      case .setAttributes:
        let copies: [(bit: Int, from: Int?)] = blocks[b].arguments.compactMap { argument in
          guard let bit = bits.index(of: "$.Attributes.\(argument.name.value)") else { return nil }
          if case .attribute(let source) = argument.value.value { return (bit, bits.index(of: source.description)) }
          return (bit, nil)
        }
        if !copies.isEmpty { effects[b] = .copies(copies) }
      default:
        continue
      }
    }
    let acts = effects.map { if case .none = $0 { false } else { true } }
    let solved = Dataflow(graph: context.graph, bits: bits.count, meet: .must, acts: acts, entry: { _ in }) { b, e, facts in
      guard context.isNext(b, e) else { return }
      switch effects[b] {
      case .none:
        return
      case .set(let bit, let on):
        facts.set(bit, on)
      case .copies(let copies):
        let before = facts
        for copy in copies { facts.set(copy.bit, copy.from.map { before[$0] } ?? false) }
      }
    }
    var paths = 0
    for use in uses {
      guard let bit = bits.index(of: use.number.value.description), !solved.holds(bit, at: use.block) else { continue }
      let own = use.number.value.description == AttributeCatalog.callerAddress
      var notes: [Note] = []
      // The edges that validate this number: a path shown must avoid them.
      let validates: (Int, Int) -> Bool = { b, e in
        guard context.isNext(b, e) else { return false }
        switch effects[b] {
        case .set(let set, let on): return on && set == bit
        case .copies(let copies): return copies.contains { $0.bit == bit && $0.from != nil }
        case .none: return false
        }
      }
      paths += 1
      if paths <= FlowContext.pathNotes {
        if let path = context.graph.path(to: use.block, avoiding: validates) {
          notes.append(Note("this path passes no validation: \(context.describe(path, to: use.block))"))
        }
        let validator = flow.blocks.indices.first { b in flow.blocks[b].edges.indices.contains { validates(b, $0) } }
        if let validator {
          notes.append(Note("\(context.name(validator)) validates it, but not on every path here", at: flow.blocks[validator].id.span))
        }
      }
      if own {
        notes.append(Note("the caller's own number may be withheld or not dialable; check it with `validate-phone` first"))
      } else {
        notes.append(
          Note("validate it with `validate-phone: \(use.number.value)` first, or collect it with `store-input` of `kind: phone-number`"))
      }
      bag.append(
        Diagnostic(
          .callbackNumberUnvalidated,
          "\(context.name(use.block)) uses `\(use.number.value)` as the callback number without validating it",
          at: use.number.span, notes: notes, severity: own ? .warning : .error))
    }
  }

  // MARK: callback-number-unset

  private func unset(_ bag: inout DiagnosticBag, _ summary: inout CheckedFlow.Summary) {
    // Flows other than inbound ones run after one that may have set the number.
    guard context.flow.type == .inbound else { return }
    let transfers = context.callbacks.keys.filter { context.graph.isReachable($0) }.sorted()
    guard !transfers.isEmpty else { return }
    let acts = context.blocks(of: [.setCallbackNumber])
    let solved = Dataflow(graph: context.graph, bits: 1, meet: .must, acts: acts, entry: { _ in }) { b, e, facts in
      if context.kind(b) == .setCallbackNumber, context.isNext(b, e) { facts.set(0) }
    }
    for (n, b) in transfers.filter({ !solved.holds(0, at: $0) }).enumerated() {
      var notes: [Note] = []
      if n < FlowContext.pathNotes, let path = context.graph.path(to: b, avoiding: { from, e in context.kind(from) == .setCallbackNumber && context.isNext(from, e) }),
        !path.isEmpty
      {
        notes.append(Note("no `set-callback-number` on this path: \(context.describe(path, to: b))"))
      }
      notes.append(Note("the platform then dials the caller's address, which may be withheld or a switchboard"))
      let block = context.flow.blocks[b]
      let diagnostic = Diagnostic(
        .callbackNumberUnset, "the callback queued by `\(block.id.value)` may have no callback number set",
        at: context.callback(b)?.name ?? block.id.span, notes: notes)
      summary.entryDependent.append(EntryDependentDiagnostic(unless: .enteredFromAnotherFlow, diagnostic: diagnostic))
    }
  }
}
