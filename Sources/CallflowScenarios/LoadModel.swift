import CallflowDiagnostics
import CallflowSimulator
import CallflowSyntax
import CallflowSemantics
import CallflowVM
import Foundation

/// A load model (`*.model.yaml`): who calls when, what they do, and who answers, over days.
public struct LoadModel: Sendable {
  public struct Arrivals: Sendable {
    var to: Located<String>
    var days: Set<Int>
    /// Calls per hour in each window of the day (local time, seconds after midnight).
    var perHour: [(window: Range<Int>, rate: Double)]
  }

  public struct AgentGroup: Sendable {
    var name: String
    var routingProfile: Located<String>
    var count: Int
    var days: Set<Int>
    var shift: Range<Int>
    var handleTime: Int
    /// Mean seconds of work after each contact; 0 for none.
    var afterContactWork = 0
  }

  public var name: String
  public var start: Int
  public var days: Int
  public var seed: UInt64
  public var timezone: TimeZone
  /// Seconds per interval of the report's time series.
  public var interval: Int
  /// The answer time within which a call counts toward the service level.
  public var serviceLevel: Int
  public var arrivals: [Arrivals] = []
  /// Per `get-input` block id: the weights of each key; `none` is pressing nothing.
  public var choices: [String: [(key: String?, weight: Double)]] = [:]
  /// The `choices` as written: each block id and its keys, with their places.
  public var choiceEntries: [(block: Located<String>, keys: [Located<String>])] = []
  public var answers: [(answer: DialAnswer, weight: Double)] = [(.human, 1)]
  /// Mean seconds a caller waits in a queue before hanging up; `nil`: they never do.
  public var patience: Int?
  /// How fast prompts are spoken, in words a minute; `nil`: prompts take no time.
  public var wordsPerMinute: Double?
  /// Mean seconds a caller takes to answer an input block; `nil`: they answer at once. With
  /// either this or ``wordsPerMinute``, an input block the caller does not answer takes its
  /// timeout.
  public var answerTime: Int?
  /// Whether IVR blocks take time (``wordsPerMinute``, ``answerTime``).
  public var timesIVR: Bool { wordsPerMinute != nil || answerTime != nil }
  public var agents: [AgentGroup] = []
  /// How each Lambda function answers `invoke-lambda`.
  public var lambdas: [String: LambdaAnswer] = [:]

  /// The most calls per hour a window may have, and the most intervals a report may have:
  /// bounds on the work and memory a model file can ask for.
  public static let maxRate = 100_000.0
  public static let maxIntervals = 20_000

  public static let keys = ["model", "start", "days", "seed", "timezone", "interval", "service-level", "arrivals", "callers", "agents", "lambdas"]

  /// The blocks at which `choices` decide what a caller answers; other blocks that wait for
  /// input time out.
  public static let choiceActions: Set<HostAction> = [.getInput, .lexBot]

  /// The word that stands for answering nothing in `choices`.
  public static let noAnswer = "none"

  /// Reads a load model from its YAML value: all of it that reads, with an error in
  /// `reader` for each mistake; `nil` only when `root` is not a mapping. The model is run
  /// only when `reader` has no errors.
  public static func read(_ root: SyntaxValue, reader: inout DocumentReader) -> LoadModel? {
    guard let fields = reader.fields(root, of: "a load model", allowed: keys) else { return nil }
    var model = LoadModel(name: "", start: 0, days: 1, seed: 1, timezone: .gmt, interval: 3600, serviceLevel: 20)
    model.name = reader.required(fields, "model", in: "a load model", at: root.span).flatMap { reader.text($0, "`model`") } ?? ""
    if let v = reader.required(fields, "start", in: "a load model", at: root.span), let text = reader.text(v, "`start`") {
      if let t = Clock.parse(text) { model.start = t } else { reader.error("`start` is an ISO 8601 time such as 2026-01-05T00:00:00Z, not `\(text)`", at: v.span) }
    }
    if let v = fields["days"]?.value, let n = reader.integer(v, "`days`", in: 1...366) { model.days = n }
    if let v = fields["seed"]?.value, let n = reader.integer(v, "`seed`") { model.seed = UInt64(n) }
    if let v = fields["timezone"]?.value, let text = reader.text(v, "`timezone`") {
      if let zone = TimeZone(identifier: text) { model.timezone = zone } else { reader.error("`\(text)` is not an IANA time zone such as America/New_York", at: v.span) }
    }
    if let v = fields["interval"]?.value, let t = reader.duration(v, "`interval`") {
      if t >= 60 { model.interval = t } else { reader.error("`interval` is at least a minute", at: v.span) }
    }
    if let v = fields["interval"]?.value, model.days * 86_400 / model.interval > maxIntervals {
      reader.error("\(model.days) days in intervals of \(DurationSyntax.format(model.interval)) is more than \(maxIntervals) intervals", at: v.span)
    }
    if let v = fields["service-level"]?.value, let t = reader.duration(v, "`service-level`") { model.serviceLevel = t }
    if let v = reader.required(fields, "arrivals", in: "a load model", at: root.span), let items = reader.list(v, "`arrivals`") {
      model.arrivals = items.compactMap { readArrivals($0, reader: &reader) }
    }
    if let v = fields["callers"]?.value { readCallers(v, into: &model, reader: &reader) }
    if let value = fields["lambdas"]?.value { model.lambdas = reader.lambdas(value) }
    if let v = reader.required(fields, "agents", in: "a load model", at: root.span), let items = reader.list(v, "`agents`") {
      model.agents = items.compactMap { readAgents($0, reader: &reader) }
    }
    return model
  }

  private static func readArrivals(_ value: SyntaxValue, reader: inout DocumentReader) -> Arrivals? {
    guard let fields = reader.fields(value, of: "arrivals", allowed: ["to", "days", "per-hour"]),
      let toValue = reader.required(fields, "to", in: "arrivals", at: value.span), let to = reader.text(toValue, "`to`"),
      let rates = reader.required(fields, "per-hour", in: "arrivals", at: value.span)
    else { return nil }
    var arrivals = Arrivals(to: Located(to, at: toValue.span), days: Set(0..<7), perHour: [])
    if let v = fields["days"]?.value, let days = reader.days(v, "`days`") { arrivals.days = days }
    guard case .record(let windows) = rates.kind else {
      reader.error("`per-hour` maps windows of the day to calls per hour, such as \"08:00-12:00\": 300", at: rates.span)
      return nil
    }
    for window in windows {
      guard let range = DocumentReader.timeRange(window.name.value) else {
        reader.error("`\(window.name.value)` is not a window of the day such as 08:00-12:00", at: window.name.span)
        continue
      }
      guard let rate = reader.number(window.value, "calls per hour") else { continue }
      guard rate <= maxRate else {
        reader.error("at most \(Int(maxRate)) calls per hour in a window", at: window.value.span)
        continue
      }
      arrivals.perHour.append((range, rate))
    }
    return arrivals
  }

  private static func readCallers(_ value: SyntaxValue, into model: inout LoadModel, reader: inout DocumentReader) {
    guard let fields = reader.fields(value, of: "`callers`", allowed: ["choices", "answers", "patience", "words-per-minute", "answer-time"]) else { return }
    if let v = fields["patience"]?.value { model.patience = reader.duration(v, "`patience`") }
    if let v = fields["answer-time"]?.value { model.answerTime = reader.duration(v, "`answer-time`") }
    if let v = fields["words-per-minute"]?.value, let rate = reader.number(v, "`words-per-minute`") {
      if rate >= 30, rate <= 600 { model.wordsPerMinute = rate } else { reader.error("`words-per-minute` is from 30 to 600, not \(v.scalarText ?? "that")", at: v.span) }
    }
    if let v = fields["choices"]?.value {
      if case .record(let blocks) = v.kind {
        for block in blocks {
          guard case .record(let keys) = block.value.kind else {
            reader.error("the choices at `\(block.name.value)` map keys to weights, such as {\"1\": 30, \"2\": 70}", at: block.value.span)
            continue
          }
          model.choices[block.name.value] = keys.compactMap { key in
            reader.number(key.value, "a weight").map { (key.name.value == noAnswer ? nil : key.name.value, $0) }
          }
          model.choiceEntries.append((block.name, keys.map(\.name)))
        }
      } else {
        reader.error("`choices` maps input block ids to the weights of their keys", at: v.span)
      }
    }
    if let v = fields["answers"]?.value {
      guard case .record(let pairs) = v.kind else {
        reader.error("`answers` maps ways to answer a dial to weights, such as {human: 70, no-answer: 30}", at: v.span)
        return
      }
      model.answers = pairs.compactMap { pair in
        guard let answer = DialAnswer(rawValue: pair.name.value) else {
          reader.error("`\(pair.name.value)` is not a way to answer a dial", at: pair.name.span, notes: [Note("one of " + DialAnswer.allCases.map(\.rawValue).joined(separator: ", "))])
          return nil
        }
        return reader.number(pair.value, "a weight").map { (answer, $0) }
      }
      if model.answers.allSatisfy({ $0.weight == 0 }) { reader.error("`answers` needs a weight above 0", at: v.span) }
    }
  }

  private static func readAgents(_ value: SyntaxValue, reader: inout DocumentReader) -> AgentGroup? {
    guard let fields = reader.fields(value, of: "agents", allowed: ["name", "routing-profile", "count", "days", "shift", "handle-time", "after-contact-work"]),
      let profileValue = reader.required(fields, "routing-profile", in: "agents", at: value.span),
      let profile = reader.text(profileValue, "`routing-profile`")
    else { return nil }
    var group = AgentGroup(name: profile, routingProfile: Located(profile, at: profileValue.span), count: 1, days: Set(0..<7), shift: 0..<86_400, handleTime: 300)
    if let v = fields["name"]?.value, let name = reader.text(v, "`name`") { group.name = name }
    if let v = fields["count"]?.value, let n = reader.integer(v, "`count`", in: 1...100_000) { group.count = n }
    if let v = fields["days"]?.value, let days = reader.days(v, "`days`") { group.days = days }
    if let v = fields["shift"]?.value, let text = reader.text(v, "`shift`") {
      if let range = DocumentReader.timeRange(text) { group.shift = range } else { reader.error("`shift` is a window of the day such as 08:00-18:00, not `\(text)`", at: v.span) }
    }
    if let v = fields["handle-time"]?.value, let t = reader.duration(v, "`handle-time`") { group.handleTime = max(t, 1) }
    if let v = fields["after-contact-work"]?.value, let t = reader.duration(v, "`after-contact-work`") { group.afterContactWork = t }
    return group
  }

  /// Reports each `choices` entry that names no block callers answer at, and each key such a
  /// block does not offer.
  public func checkChoices(against project: ProjectBlocks, reader: inout DocumentReader) {
    for (id, keys) in choiceEntries {
      let blocks = project.blocks(id.value)
      guard !blocks.isEmpty else {
        let ids = project.choiceIDs
        let hint = Suggestions.nearest(to: id.value, in: ids).map { "did you mean `\($0)`?" }
          ?? (ids.isEmpty ? "the project's flows have no get-input or lex-bot block" : "the blocks callers answer at are " + ids.map { "`\($0)`" }.joined(separator: ", "))
        reader.error("no block `\(id.value)` in the project's flows", at: id.span, notes: [Note(hint)])
        continue
      }
      let answering = blocks.filter(\.takesChoices)
      guard !answering.isEmpty else {
        let kinds = Set(blocks.map(\.kind.rawValue)).sorted().map { "`\($0)`" }.joined(separator: ", ")
        reader.error(
          "`\(id.value)` is a \(kinds) block: `choices` decide what callers answer at get-input and lex-bot blocks", at: id.span,
          notes: [Note((blocks.count == 1 ? "in flow " : "in flows ") + blocks.map { "`\($0.flow)`" }.joined(separator: ", "))])
        continue
      }
      for key in keys where key.value != Self.noAnswer && !answering.contains(where: { $0.answers.contains(key.value) }) {
        let offered = Set(answering.flatMap(\.answers)).sorted()
        let what = answering.first?.kind.spec.branchPerValueOf?.name ?? "options"
        let flows = (answering.count == 1 ? "flow " : "flows ") + answering.map { "`\($0.flow)`" }.joined(separator: ", ")
        reader.error(
          "`\(key.value)` is not among the \(what) of `\(id.value)` in \(flows)", at: key.span,
          notes: [Note("its \(what) are " + offered.map { "\"\($0)\"" }.joined(separator: ", ") + "; `\(Self.noAnswer)` answers nothing")])
      }
    }
  }

  /// The UTC time of local midnight `day` days after the start's local day, plus `seconds`.
  public func utc(day: Int, seconds: Int) -> Int {
    let offset = timezone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(start)))
    let localStart = start + offset
    let localMidnight = localStart - ((localStart % 86_400) + 86_400) % 86_400
    let local = localMidnight + day * 86_400 + seconds
    // The offset at that moment (it may differ from the start's across a DST change).
    let guess = local - offset
    return local - timezone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(guess)))
  }

  /// The weekday (0 = Monday) of local day `day`.
  public func weekday(_ day: Int) -> Int {
    let midnight = utc(day: day, seconds: 12 * 3600)
    let local = midnight + timezone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(midnight)))
    return HostChecks.day(ofLocalSeconds: local).weekday
  }

  /// The end of the simulated period.
  public var end: Int { start + days * 86_400 }

  /// The names of the agent groups, in the order of the file.
  public var agentGroupNames: [String] { agents.map(\.name) }
}
