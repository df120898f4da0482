import CallflowDiagnostics
import CallflowSimulator
import CallflowSyntax
import CallflowYAML

/// A scenario file (`*.test.yaml`): a start time, agents, contacts and what must come of them.
public struct Scenario: Sendable {
  public struct Agent: Sendable {
    var name: Located<String>
    var routingProfile: Located<String>?
    var available: [Range<Int>]
    var handleTime: Int
  }

  public struct Contact: Sendable {
    var id: Located<String>
    var at: Int
    var from: String
    var to: Located<String>
    var input: [String]
    var dials: [DialAnswer]
    var hangsUpAfter: Int?
    var handleTime: Int?
  }

  public var name: String
  public var file: FileID
  public var span: SourceSpan
  public var start: Int
  public var agents: [Agent]?
  public var contacts: [Contact]
  public var expectations: [Expectation]
  /// How each Lambda function answers `invoke-lambda`, by the function as flows name it.
  public var lambdas: [String: LambdaAnswer] = [:]
  /// When the run stops; by default ``defaultHorizon`` after the last arrival.
  public var until: Int?
  public static let defaultHorizon = 8 * 86_400
  /// The longest a scenario may run.
  public static let maxSpan = 366 * 86_400

  public static let keys = ["scenario", "start", "until", "agents", "contacts", "expect", "lambdas"]

  /// Reads a scenario from its YAML value: all of it that reads, with an error in `reader`
  /// for each mistake; `nil` only when `root` is not a mapping. The scenario is run only when
  /// `reader` has no errors.
  public static func read(_ root: SyntaxValue, file: FileID, reader: inout DocumentReader) -> Scenario? {
    guard let fields = reader.fields(root, of: "a scenario", allowed: keys) else { return nil }
    let name = reader.required(fields, "scenario", in: "a scenario", at: root.span).flatMap { reader.text($0, "`scenario`") } ?? ""
    var start = 0
    if let value = reader.required(fields, "start", in: "a scenario", at: root.span), let text = reader.text(value, "`start`") {
      if let t = Clock.parse(text) { start = t } else { reader.error("`start` is an ISO 8601 time such as 2026-01-05T10:00:00Z, not `\(text)`", at: value.span) }
    }
    let times = ScenarioTimes(start: start)
    var scenario = Scenario(name: name, file: file, span: root.span, start: start, agents: nil, contacts: [], expectations: [])
    if let value = fields["until"]?.value, let until = times.time(value, "`until`", reader: &reader) {
      if until - start > maxSpan { reader.error("`until` is at most a year after `start`", at: value.span) } else { scenario.until = until }
    }
    if let value = fields["agents"]?.value, let items = reader.list(value, "`agents`") {
      scenario.agents = items.compactMap { readAgent($0, times: times, reader: &reader) }
    }
    if let value = reader.required(fields, "contacts", in: "a scenario", at: root.span), let items = reader.list(value, "`contacts`") {
      scenario.contacts = items.flatMap { readContact($0, times: times, reader: &reader) }
      var seen: [String: SourceSpan] = [:]
      for contact in scenario.contacts {
        if let first = seen[contact.id.value] {
          reader.error("two contacts are named `\(contact.id.value)`", at: contact.id.span, notes: [Note("the first is here", at: first)])
        }
        seen[contact.id.value] = contact.id.span
      }
    }
    if let value = fields["lambdas"]?.value { scenario.lambdas = reader.lambdas(value) }
    if let value = fields["expect"]?.value, let items = reader.list(value, "`expect`") {
      scenario.expectations = items.compactMap { Expectation.read($0, times: times, reader: &reader) }
    }
    return scenario
  }

  private static func readAgent(_ value: SyntaxValue, times: ScenarioTimes, reader: inout DocumentReader) -> Agent? {
    guard let fields = reader.fields(value, of: "an agent", allowed: ["name", "routing-profile", "available", "handle-time"]) else { return nil }
    guard let nameValue = reader.required(fields, "name", in: "an agent", at: value.span), let name = reader.text(nameValue, "`name`") else { return nil }
    var agent = Agent(name: Located(name, at: nameValue.span), routingProfile: nil, available: [times.start..<Int.max / 2], handleTime: 300)
    if let v = fields["routing-profile"]?.value, let profile = reader.text(v, "`routing-profile`") { agent.routingProfile = Located(profile, at: v.span) }
    if let v = fields["handle-time"]?.value, let t = reader.duration(v, "`handle-time`") { agent.handleTime = t }
    if let v = fields["available"]?.value, let items = reader.list(v, "`available`") {
      agent.available = items.compactMap { times.window($0, "`available`", reader: &reader) }
    }
    return agent
  }

  /// A contact entry; with `count: N` (and `every: 30s`) it stands for N callers `id-1` …
  /// `id-N` arriving that far apart, each doing the same.
  private static func readContact(_ value: SyntaxValue, times: ScenarioTimes, reader: inout DocumentReader) -> [Contact] {
    let keys = ["id", "at", "from", "to", "input", "dials", "hangs-up-after", "handle-time", "count", "every"]
    guard let fields = reader.fields(value, of: "a contact", allowed: keys) else { return [] }
    guard let contact = readOne(value, fields, times: times, reader: &reader) else { return [] }
    guard let countValue = fields["count"]?.value else { return [contact] }
    guard let count = reader.integer(countValue, "`count`", in: 1...100_000) else { return [] }
    let every = fields["every"].flatMap { reader.duration($0.value, "`every`") } ?? 0
    if let v = fields["every"]?.value, (count - 1) * every > Scenario.maxSpan {
      reader.error("\(count) callers \(DurationSyntax.format(every)) apart arrive over more than a year", at: v.span)
      return []
    }
    return (1...count).map { n in
      var copy = contact
      copy.id.value += "-\(n)"
      copy.at += (n - 1) * every
      return copy
    }
  }

  private static func readOne(_ value: SyntaxValue, _ fields: [String: SyntaxField], times: ScenarioTimes, reader: inout DocumentReader) -> Contact? {
    // Every key is read, so that one mistake does not hide the next.
    let idValue = reader.required(fields, "id", in: "a contact", at: value.span)
    let id = idValue.flatMap { reader.text($0, "`id`") }
    let at = reader.required(fields, "at", in: "a contact", at: value.span).flatMap { times.time($0, "`at`", reader: &reader) }
    let toValue = reader.required(fields, "to", in: "a contact", at: value.span)
    let to = toValue.flatMap { reader.text($0, "`to`") }
    if let at, let atValue = fields["at"]?.value {
      if at < times.start {
        reader.error(
          "`\(atValue.scalarText ?? "")` is before the scenario starts, at \(Clock.iso(times.start))", at: atValue.span,
          notes: [Note("a contact calls at or after `start`; move `start` earlier to run from before it")])
      } else if at - times.start > Scenario.maxSpan {
        reader.error("`at` is within a year of `start`", at: atValue.span)
      }
    }
    var contact = Contact(
      id: Located(id ?? "", at: idValue?.span ?? value.span), at: at ?? times.start, from: "", to: Located(to ?? "", at: toValue?.span ?? value.span),
      input: [], dials: [])
    if let v = fields["from"]?.value, let from = reader.text(v, "`from`") {
      switch PhoneNumberSyntax.parseE164(from) {
      case .success: contact.from = from
      case .failure(let failure):
        reader.error(
          "`from` is the caller's number in E.164, such as \"+14255550100\", not `\(from)`", at: v.span,
          notes: [Note(failure.message), Note("leave `from` out for a caller whose number is withheld")])
      }
    }
    if let v = fields["input"]?.value, let items = reader.list(v, "`input`") { contact.input = items.compactMap { reader.text($0, "an input") } }
    if let v = fields["dials"]?.value, let items = reader.list(v, "`dials`") {
      contact.dials = items.compactMap { item in
        guard let text = reader.text(item, "a dial") else { return nil }
        guard let answer = DialAnswer(rawValue: text) else {
          let names = DialAnswer.allCases.map(\.rawValue)
          reader.error(
            "`\(text)` is not a way to answer a dial", at: item.span,
            notes: [Note(Suggestions.nearest(to: text, in: names).map { "did you mean `\($0)`?" } ?? "one of " + names.joined(separator: ", "))])
          return nil
        }
        return answer
      }
    }
    if let v = fields["hangs-up-after"]?.value { contact.hangsUpAfter = reader.duration(v, "`hangs-up-after`") }
    if let v = fields["handle-time"]?.value { contact.handleTime = reader.duration(v, "`handle-time`") }
    // A contact with an id is kept even when other keys are wrong (the scenario does not run
    // then), so that expectations naming it are not reported as naming no contact.
    return id == nil ? nil : contact
  }
}

/// Times in a scenario: `HH:MM` on the start's day (UTC), a duration after the start
/// (`90s`, `2d`), or a full ISO 8601 time.
public struct ScenarioTimes: Sendable {
  public var start: Int
  public var day: Int { start - ((start % 86_400) + 86_400) % 86_400 }

  public func parse(_ text: String) -> Int? {
    if let t = DocumentReader.timeOfDay(text) { return day + t }
    if case .success(let s) = DurationSyntax.parse(text) { return start + s }
    return Clock.parse(text)
  }

  public func time(_ value: SyntaxValue, _ what: String, reader: inout DocumentReader) -> Int? {
    guard let text = reader.text(value, what) else { return nil }
    guard let t = parse(text) else {
      reader.error("\(what) is a time: `HH:MM` on the start's day, a duration after the start such as `90s`, or an ISO 8601 time; not `\(text)`", at: value.span)
      return nil
    }
    return t
  }

  /// `HH:MM-HH:MM` (or two times of any form joined by `-` where unambiguous).
  public func window(_ value: SyntaxValue, _ what: String, reader: inout DocumentReader) -> Range<Int>? {
    guard let text = reader.text(value, what) else { return nil }
    if let r = DocumentReader.timeRange(text) { return (day + r.lowerBound)..<(day + r.upperBound) }
    reader.error("\(what) is a window of time such as `10:07-18:00`, not `\(text)`", at: value.span)
    return nil
  }
}

extension DocumentReader {
  /// `lambdas`: how each Lambda function answers `invoke-lambda`, by the function as flows
  /// name it (`{returns: {name: value}, fails: true, latency: 2s}`), in scenarios and models.
  public mutating func lambdas(_ value: SyntaxValue) -> [String: LambdaAnswer] {
    guard case .record(let functions) = value.kind else {
      error("`lambdas` maps Lambda functions to how they answer, not \(value.kindDescription)", at: value.span)
      return [:]
    }
    var answers: [String: LambdaAnswer] = [:]
    for function in functions {
      guard let keys = fields(function.value, of: "a Lambda function's answer", allowed: ["returns", "fails", "latency"]) else { continue }
      var answer = LambdaAnswer()
      if let returns = keys["returns"]?.value {
        if case .record(let results) = returns.kind {
          for result in results { if let text = text(result.value, "a returned value") { answer.results[result.name.value] = text } }
        } else {
          error("`returns` maps names to the values the function returns, not \(returns.kindDescription)", at: returns.span)
        }
      }
      if let fails = keys["fails"]?.value { answer.fails = bool(fails, "`fails`") ?? false }
      if let latency = keys["latency"]?.value { answer.latency = duration(latency, "`latency`") ?? 0 }
      answers[function.name.value] = answer
    }
    return answers
  }
}
