import CallflowDiagnostics
import CallflowSimulator
import CallflowSyntax

/// One item of a scenario's `expect` list (Docs/SIMULATOR.md lists them).
public struct Expectation: Sendable {
  public enum Check: Sendable {
    case path([String], flow: String?)
    case created([InitiationMethod])
    case handledBy(String?)
    case dialAttempts(Int)
    case disconnectReason(String)
    case connectedAt(Int)
    case abandoned(Bool)
    case queue(String)
    case attribute(String, String)
    case order([Located<String>])
    case metric(Metric, queue: String?, interval: Range<Int>?, Comparison)
    case realtime(callbacks: Bool, queue: String, at: Int, Comparison)
  }

  public struct Comparison: Sendable {
    var equals: Double?
    var atLeast: Double?
    var atMost: Double?
    func holds(_ x: Double?) -> Bool {
      guard let x else { return equals == nil && atLeast == nil && atMost == nil }
      if let e = equals, abs(x - e) > 0.005 { return false }
      if let a = atLeast, x < a - 1e-9 { return false }
      if let b = atMost, x > b + 1e-9 { return false }
      return true
    }
    var text: String {
      var parts: [String] = []
      if let e = equals { parts.append(Expectation.number(e)) }
      if let a = atLeast { parts.append("at least " + Expectation.number(a)) }
      if let b = atMost { parts.append("at most " + Expectation.number(b)) }
      return parts.joined(separator: " and ")
    }
  }

  /// The scenario contact it is about, and which of its contacts (by initiation method and
  /// 1-based index among those).
  public var contact: Located<String>?
  public var initiation: InitiationMethod?
  public var index = 1
  public var checks: [(name: String, check: Check)] = []
  public var span: SourceSpan

  public static let contactKeys = [
    "contact", "initiation", "index", "path", "flow", "created", "handled-by", "dial-attempts", "disconnect-reason",
    "connected-at", "abandoned", "queue", "attribute",
  ]
  public static let metricKeys = ["metric", "queue", "interval", "equals", "at-least", "at-most"]
  public static let realtimeKeys = ["callbacks-waiting", "contacts-in-queue", "queue", "at"]

  public static func read(_ value: SyntaxValue, times: ScenarioTimes, reader: inout DocumentReader) -> Expectation? {
    guard case .record(let raw) = value.kind else {
      reader.error("an expectation is a mapping, not \(value.kindDescription)", at: value.span)
      return nil
    }
    let keys = Set(raw.map(\.name.value))
    var expectation = Expectation(span: value.span)
    if keys.contains("order") {
      guard let fields = reader.fields(value, of: "an `order` expectation", allowed: ["order"]), let items = fields["order"].flatMap({ reader.list($0.value, "`order`") }) else { return nil }
      let names = items.compactMap { item in reader.text(item, "a contact id").map { Located($0, at: item.span) } }
      expectation.checks.append(("order", .order(names)))
      return expectation
    }
    if keys.contains("metric") {
      guard let fields = reader.fields(value, of: "a `metric` expectation", allowed: metricKeys), let metricValue = fields["metric"]?.value,
        let name = reader.text(metricValue, "`metric`")
      else { return nil }
      guard let metric = Metric(rawValue: name) else {
        let names = Metric.allCases.map(\.rawValue)
        reader.error(
          "`\(name)` is not a metric", at: metricValue.span,
          notes: [Note(Suggestions.nearest(to: name, in: names).map { "did you mean `\($0)`?" } ?? "the metrics are " + names.joined(separator: ", "))])
        return nil
      }
      var interval: Range<Int>?
      if let v = fields["interval"]?.value { interval = times.window(v, "`interval`", reader: &reader) }
      let queue = fields["queue"].flatMap { reader.text($0.value, "`queue`") }
      guard let comparison = comparison(fields, at: value.span, reader: &reader) else { return nil }
      expectation.checks.append((name, .metric(metric, queue: queue, interval: interval, comparison)))
      return expectation
    }
    if keys.contains("callbacks-waiting") || keys.contains("contacts-in-queue") {
      guard let fields = reader.fields(value, of: "a real-time expectation", allowed: realtimeKeys) else { return nil }
      let callbacks = fields["callbacks-waiting"] != nil
      let key = callbacks ? "callbacks-waiting" : "contacts-in-queue"
      guard let count = fields[key].flatMap({ reader.integer($0.value, "`\(key)`") }),
        let queue = reader.required(fields, "queue", in: "a real-time expectation", at: value.span).flatMap({ reader.text($0, "`queue`") }),
        let at = reader.required(fields, "at", in: "a real-time expectation", at: value.span).flatMap({ times.time($0, "`at`", reader: &reader) })
      else { return nil }
      expectation.checks.append((key, .realtime(callbacks: callbacks, queue: queue, at: at, Comparison(equals: Double(count)))))
      return expectation
    }
    guard keys.contains("contact") else {
      reader.error("an expectation names a `contact`, an `order`, a `metric`, or `callbacks-waiting` / `contacts-in-queue`", at: value.span)
      return nil
    }
    guard let fields = reader.fields(value, of: "a contact expectation", allowed: contactKeys), let contactValue = fields["contact"]?.value,
      let contact = reader.text(contactValue, "`contact`")
    else { return nil }
    expectation.contact = Located(contact, at: contactValue.span)
    if let v = fields["initiation"]?.value, let text = reader.text(v, "`initiation`") {
      guard let method = InitiationMethod(rawValue: text) else {
        reader.error("`\(text)` is not an initiation method", at: v.span, notes: [Note("one of " + InitiationMethod.allCases.map(\.rawValue).joined(separator: ", "))])
        return nil
      }
      expectation.initiation = method
    }
    if let v = fields["index"]?.value, let n = reader.integer(v, "`index`", in: 1...1_000_000) { expectation.index = n }
    if let v = fields["path"]?.value, let items = reader.list(v, "`path`") {
      let flow = fields["flow"].flatMap { reader.text($0.value, "`flow`") }
      expectation.checks.append(("path", .path(items.compactMap { reader.text($0, "a block id") }, flow: flow)))
    }
    if let v = fields["created"]?.value, let items = reader.list(v, "`created`") {
      var methods: [InitiationMethod] = []
      for item in items {
        guard let text = reader.text(item, "an initiation method") else { continue }
        guard let method = InitiationMethod(rawValue: text) else {
          reader.error("`\(text)` is not an initiation method", at: item.span, notes: [Note("one of " + InitiationMethod.allCases.map(\.rawValue).joined(separator: ", "))])
          continue
        }
        methods.append(method)
      }
      expectation.checks.append(("created", .created(methods)))
    }
    if let v = fields["handled-by"]?.value {
      expectation.checks.append(("handled-by", .handledBy(v.scalarText == "none" ? nil : reader.text(v, "`handled-by`"))))
    }
    if let v = fields["dial-attempts"]?.value, let n = reader.integer(v, "`dial-attempts`") { expectation.checks.append(("dial-attempts", .dialAttempts(n))) }
    if let v = fields["disconnect-reason"]?.value, let t = reader.text(v, "`disconnect-reason`") { expectation.checks.append(("disconnect-reason", .disconnectReason(t))) }
    if let v = fields["connected-at"]?.value, let t = times.time(v, "`connected-at`", reader: &reader) { expectation.checks.append(("connected-at", .connectedAt(t))) }
    if let v = fields["abandoned"]?.value, let b = reader.bool(v, "`abandoned`") { expectation.checks.append(("abandoned", .abandoned(b))) }
    if let v = fields["queue"]?.value, let t = reader.text(v, "`queue`") { expectation.checks.append(("queue", .queue(t))) }
    if let v = fields["attribute"]?.value {
      guard case .record(let pairs) = v.kind else {
        reader.error("`attribute` maps attribute names to values, not \(v.kindDescription)", at: v.span)
        return nil
      }
      for pair in pairs {
        // `tier` is the user attribute `$.Attributes.tier`; a `$.` path names any other.
        let key = pair.name.value.hasPrefix("$.") ? pair.name.value : "$.Attributes." + pair.name.value
        if let text = reader.text(pair.value, "an attribute's value") { expectation.checks.append(("attribute", .attribute(key, text))) }
      }
    }
    // Checks are reported in the order their keys were written.
    let order = raw.map(\.name.value)
    expectation.checks = expectation.checks.enumerated().sorted { a, b in
      let (ka, kb) = (order.firstIndex(of: a.element.name) ?? 0, order.firstIndex(of: b.element.name) ?? 0)
      return ka != kb ? ka < kb : a.offset < b.offset
    }.map(\.element)
    if expectation.checks.isEmpty {
      reader.error("this expectation checks nothing about `\(contact)`", at: value.span, notes: [Note("add one of " + contactKeys.dropFirst(3).map { "`\($0)`" }.joined(separator: ", "))])
      return nil
    }
    return expectation
  }

  private static func comparison(_ fields: [String: SyntaxField], at span: SourceSpan, reader: inout DocumentReader) -> Comparison? {
    var c = Comparison()
    if let v = fields["equals"]?.value { c.equals = reader.number(v, "`equals`") }
    if let v = fields["at-least"]?.value { c.atLeast = reader.number(v, "`at-least`") }
    if let v = fields["at-most"]?.value { c.atMost = reader.number(v, "`at-most`") }
    guard c.equals != nil || c.atLeast != nil || c.atMost != nil else {
      reader.error("a metric expectation needs `equals`, `at-least` or `at-most`", at: span)
      return nil
    }
    return c
  }

  public static func number(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String((x * 100).rounded() / 100)
  }
}
