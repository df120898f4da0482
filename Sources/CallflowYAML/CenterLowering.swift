import CallflowDiagnostics
import CallflowSyntax
import Foundation

/// Turns `center.yaml` into a typed ``Center``, reporting unknown keys, missing keys and
/// values of the wrong type. References between resources are the checker's work.
struct CenterLowering {
  var bag: DiagnosticBag
  let file: FileID

  static let topKeys = ["center", "queues", "routing-profiles", "phone-numbers", "hours", "prompts", "profiles", "agents"]
  static let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

  mutating func lower(_ root: SyntaxValue) -> Center {
    var center = Center(file: file)
    guard let top = record(root, keys: Self.topKeys, in: "center.yaml") else { return center }
    for field in top.fields {
      switch field.name.value {
      case "center": center.name = text(field.value, what: "the center's name")
      case "queues": center.queues = collect(entries(field.value, what: "queues")) { $0.queue($1) }
      case "routing-profiles": center.routingProfiles = collect(entries(field.value, what: "routing profiles")) { $0.routingProfile($1) }
      case "phone-numbers": center.phoneNumbers = collect(entries(field.value, what: "phone numbers")) { $0.phoneNumber($1) }
      case "hours": center.hours = collect(entries(field.value, what: "hours")) { $0.hours($1) }
      case "prompts": center.prompts = collect(entries(field.value, what: "prompts")) { $0.prompt($1) }
      case "profiles": center.profiles = collect(items(field.value, what: "profiles")) { $0.profile($1) }
      case "agents": center.agents = collect(items(field.value, what: "agents")) { $0.agent($1) }
      default: break
      }
    }
    return center
  }

  /// `transform` applied to each element, keeping the results that are not `nil`.
  private mutating func collect<E, T>(_ elements: [E], _ transform: (inout CenterLowering, E) -> T?) -> [T] {
    var result: [T] = []
    for element in elements {
      if let t = transform(&self, element) { result.append(t) }
    }
    return result
  }

  // MARK: Resources

  private mutating func queue(_ field: SyntaxField) -> Center.Queue? {
    var queue = Center.Queue(name: field.name)
    guard let keys = record(field.value, keys: ["capacity", "caller-id", "hours", "arn"], in: "queue `\(field.name.value)`") else {
      return queue
    }
    for f in keys.fields {
      switch f.name.value {
      case "capacity": queue.capacity = integer(f.value, what: "capacity", range: 1...1_000_000)
      case "hours": queue.hours = text(f.value, what: "the name of the queue's hours")
      case "arn": queue.arn = text(f.value, what: "the queue's ARN in Amazon Connect")
      case "caller-id":
        guard let id = record(f.value, keys: ["name", "number"], in: "caller-id") else { continue }
        queue.callerID = Center.CallerID(
          name: id["name"].flatMap { text($0.value, what: "the caller ID name") },
          number: id["number"].flatMap { e164($0.value) }, span: f.value.span)
      default: break
      }
    }
    return queue
  }

  private mutating func routingProfile(_ field: SyntaxField) -> Center.RoutingProfile? {
    var profile = Center.RoutingProfile(name: field.name, entries: [])
    guard let keys = record(field.value, keys: ["queues"], in: "routing profile `\(field.name.value)`") else { return profile }
    guard let queues = keys["queues"] else {
      bag.report(.missingParameter, "routing profile `\(field.name.value)` has no `queues`", at: field.name.span)
      return profile
    }
    for item in items(queues.value, what: "the profile's queues") {
      guard let entry = record(item, keys: ["queue", "priority", "delay"], in: "a routing profile entry") else { continue }
      guard let queueField = entry["queue"], let queue = text(queueField.value, what: "a queue name") else {
        if entry["queue"] == nil {
          bag.report(.missingParameter, "this routing profile entry names no `queue`", at: item.span)
        }
        continue
      }
      let priority = entry["priority"].flatMap { integer($0.value, what: "priority", range: 1...99) }
      if entry["priority"] == nil {
        bag.report(
          .missingParameter, "queue `\(queue.value)` in routing profile `\(field.name.value)` has no `priority`",
          at: item.span, notes: [Note("1 is the highest priority; among queues of equal priority the oldest contact goes first")])
      }
      let delay = entry["delay"].flatMap { duration($0.value, what: "delay", range: 0...86_400) }
      profile.entries.append(.init(queue: queue, priority: priority, delay: delay, span: item.span))
    }
    return profile
  }

  private mutating func phoneNumber(_ field: SyntaxField) -> Center.PhoneNumberEntry? {
    let keyValue = SyntaxValue(.scalar(field.name.value, .quoted), at: field.name.span)
    guard let number = e164(keyValue), let flow = text(field.value, what: "the name of the flow the number starts") else {
      return nil
    }
    return Center.PhoneNumberEntry(number: number, flow: flow)
  }

  private mutating func hours(_ field: SyntaxField) -> Center.Hours? {
    var hours = Center.Hours(name: field.name, timezone: nil, rules: [])
    guard case .record(let keys) = field.value.kind else {
      bag.report(.invalidValue, "hours `\(field.name.value)` should be a mapping with `timezone` and days", at: field.value.span)
      return hours
    }
    for f in keys {
      if f.name.value == "arn" {
        hours.arn = text(f.value, what: "the hours' ARN in Amazon Connect")
        continue
      }
      if f.name.value == "timezone" {
        guard let zone = text(f.value, what: "an IANA time zone such as `America/New_York`") else { continue }
        if TimeZone(identifier: zone.value) == nil {
          bag.report(.invalidValue, "`\(zone.value)` is not a known IANA time zone", at: zone.span,
            notes: [Note("write a zone such as `America/New_York`, `Europe/Paris` or `UTC`")])
        }
        hours.timezone = zone
        continue
      }
      guard let days = dayRange(f.name) else { continue }
      guard let schedule = text(f.value, what: "opening times such as \"08:00-18:00\"") else { continue }
      guard let intervals = openingTimes(schedule) else { continue }
      hours.rules.append(.init(days: days, intervals: intervals, span: f.name.span.union(f.value.span)))
    }
    if hours.timezone == nil {
      bag.report(.missingParameter, "hours `\(field.name.value)` have no `timezone`", at: field.name.span)
    }
    return hours
  }

  private mutating func prompt(_ field: SyntaxField) -> Center.Prompt? {
    if case .record = field.value.kind {
      guard let keys = record(field.value, keys: ["text", "arn"], in: "prompt `\(field.name.value)`") else { return nil }
      guard let textField = keys["text"], let words = text(textField.value, what: "the prompt's text") else {
        bag.report(.missingParameter, "prompt `\(field.name.value)` has no `text`", at: field.name.span)
        return nil
      }
      var prompt = Center.Prompt(name: field.name, text: words)
      prompt.arn = keys["arn"].flatMap { text($0.value, what: "the prompt's ARN in Amazon Connect") }
      return prompt
    }
    return text(field.value, what: "the prompt's text").map { Center.Prompt(name: field.name, text: $0) }
  }

  private mutating func profile(_ item: SyntaxValue) -> Center.CustomerProfile? {
    guard case .record(let fields) = item.kind else {
      bag.report(.invalidValue, "a profile is a mapping of fields, such as `{first-name: John, phone: \"+14255550100\"}`", at: item.span)
      return nil
    }
    var result: [(name: String, value: Located<String>)] = []
    for f in fields {
      if let value = text(f.value, what: "the field's value") { result.append((f.name.value, value)) }
    }
    if !result.contains(where: { $0.name == "first-name" }) {
      bag.report(.missingParameter, "this profile has no `first-name`, the one field a profile requires", at: item.span)
    }
    return Center.CustomerProfile(fields: result, span: item.span)
  }

  private mutating func agent(_ item: SyntaxValue) -> Center.Agent? {
    guard let keys = record(item, keys: ["name", "routing-profile"], in: "an agent") else { return nil }
    guard let nameField = keys["name"], let name = text(nameField.value, what: "the agent's name") else {
      if keys["name"] == nil { bag.report(.missingParameter, "this agent has no `name`", at: item.span) }
      return nil
    }
    return Center.Agent(
      name: name, routingProfile: keys["routing-profile"].flatMap { text($0.value, what: "a routing profile name") },
      span: item.span)
  }

  // MARK: Values

  private mutating func dayRange(_ key: Located<String>) -> [Int]? {
    let parts = key.value.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    let indexes = parts.map { Self.days.firstIndex(of: $0) }
    if parts.count == 1, let d = indexes[0] { return [d] }
    if parts.count == 2, let a = indexes[0], let b = indexes[1], a <= b { return Array(a...b) }
    bag.report(
      .unknownParameter, "unknown key `\(key.value)` in hours", at: key.span,
      notes: [Note("expected `timezone`, a day (`mon` … `sun`) or a range of days such as `mon-fri`")])
    return nil
  }

  /// `08:00-18:00`, several separated by commas, or `closed`.
  private mutating func openingTimes(_ text: Located<String>) -> [ClosedRange<Int>]? {
    if text.value == "closed" { return [] }
    var result: [ClosedRange<Int>] = []
    for part in text.value.split(separator: ",") {
      let bounds = part.trimmingCharacters(in: .whitespaces).split(separator: "-").map(String.init)
      guard bounds.count == 2, let open = minutes(bounds[0]), let close = minutes(bounds[1]), open < close else {
        bag.report(
          .invalidValue, "`\(text.value)` is not a list of opening times", at: text.span,
          notes: [Note("write \"08:00-18:00\", \"08:00-12:00, 13:00-17:00\" or \"closed\"; times are 24-hour HH:MM")])
        return nil
      }
      result.append(open...(close - 1))
    }
    return result
  }

  private func minutes(_ text: String) -> Int? {
    let parts = text.split(separator: ":")
    guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
      let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0...59).contains(m), h * 60 + m <= 1440
    else { return nil }
    return h * 60 + m
  }

  private mutating func record(_ value: SyntaxValue, keys: [String], in place: String) -> KnownFields? {
    guard case .record(let fields) = value.kind else {
      if case .null = value.kind { return KnownFields() }
      bag.report(.invalidValue, "\(place) should be a mapping, not \(value.kindDescription)", at: value.span)
      return nil
    }
    var result = KnownFields()
    for field in fields {
      if keys.contains(field.name.value) {
        result.fields.append(field)
      } else {
        bag.reportUnknownKey(field.name, expected: keys, in: place)
      }
    }
    return result
  }

  private mutating func entries(_ value: SyntaxValue, what: String) -> [SyntaxField] {
    switch value.kind {
    case .record(let fields): return fields
    case .null: return []
    default:
      bag.report(.invalidValue, "\(what) should be a mapping of names, not \(value.kindDescription)", at: value.span)
      return []
    }
  }

  private mutating func items(_ value: SyntaxValue, what: String) -> [SyntaxValue] {
    switch value.kind {
    case .list(let items): return items
    case .null: return []
    default:
      bag.report(.invalidValue, "\(what) should be a list, not \(value.kindDescription)", at: value.span)
      return []
    }
  }

  private mutating func text(_ value: SyntaxValue, what: String) -> Located<String>? {
    report(ScalarTyping.text(value), at: value.span, what: what)
  }

  private mutating func integer(_ value: SyntaxValue, what: String, range: ClosedRange<Int>) -> Located<Int>? {
    reportComplete(ScalarTyping.integer(value, in: range, what: what), at: value.span)
  }

  private mutating func duration(_ value: SyntaxValue, what: String, range: ClosedRange<Int>) -> Located<Int>? {
    reportComplete(ScalarTyping.duration(value, in: range, what: what), at: value.span)
  }

  /// The value, or a report of the failure whose message is already complete.
  private mutating func reportComplete<T>(_ result: Result<T, ValueError>, at span: SourceSpan) -> Located<T>? {
    switch result {
    case .success(let v): return Located(v, at: span)
    case .failure(let problem):
      bag.report(.invalidValue, problem.message, at: span)
      return nil
    }
  }

  private mutating func e164(_ value: SyntaxValue) -> Located<String>? {
    guard let text = text(value, what: "an E.164 phone number such as \"+18005550199\"") else { return nil }
    switch PhoneNumberSyntax.parseE164(text.value) {
    case .success: return text
    case .failure(let problem):
      bag.report(.invalidValue, "`\(text.value)` is not an E.164 number: \(problem.message)", at: text.span)
      return nil
    }
  }

  private mutating func report<T>(_ result: Result<T, ValueError>, at span: SourceSpan, what: String) -> Located<T>? {
    switch result {
    case .success(let v): return Located(v, at: span)
    case .failure(let problem):
      bag.report(.invalidValue, "\(what): \(problem.message)", at: span)
      return nil
    }
  }
}

/// The fields of a mapping whose keys are known, in source order.
private struct KnownFields {
  var fields: [SyntaxField] = []
  subscript(name: String) -> SyntaxField? { fields.first { $0.name.value == name } }
}
