import ArgumentParser
import CallflowDiagnostics
import CallflowDriver
import CallflowScenarios
import CallflowSyntax
import Foundation

struct Staff: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "staff",
    abstract: "Find the fewest agents in a group of a load model that meet service targets.",
    discussion: """
      Simulates the project under the load model (Docs/SIMULATOR.md) with different counts of \
      one agent group, the rest of the model as it is, and reports the smallest count whose \
      replications meet every target with 95% confidence: a service level within a time, an \
      abandon rate, callbacks handled within a time. Each count is simulated --replications \
      times, and twice as many (up to --max-replications) while a target's confidence \
      interval straddles it. Replication k has the same seed at every count.
      """
  )

  @OptionGroup var input: LoadModelArguments

  @Option(name: .long, help: "The agent group of the model to staff (its `name`).")
  var group: String

  @Option(name: .customLong("service-level"), help: "Answer at least this share of callers within a time: 80%/20s (80% alone: within the model's service-level).")
  var serviceLevel: String?

  @Option(name: .long, help: "Lose at most this share of callers on the line, who hang up waiting: 5%.")
  var abandoned: String?

  @Option(name: .long, help: "Talk to at least this share of callbacks within a time of their creation: 90%/2h.")
  var callbacks: String?

  @Option(name: .long, help: "The queues the service level and abandon targets apply to (all when none is named); repeatable.")
  var queue: [String] = []

  @Option(name: .long, help: "Replications of each count tried (2 to 1000).")
  var replications: Int = 10

  @Option(name: .customLong("max-replications"), help: "The most replications of a count whose intervals straddle a target.")
  var maxReplications: Int = 40

  @Option(name: .customLong("max-agents"), help: "The most agents to try (1 to 100000).")
  var maxAgents: Int = 10_000

  @Flag(name: .customLong("per-day"), help: "Search each day of the model on which the group works on its own: a count per day.")
  var perDay = false

  @OptionGroup var checking: CheckingOptions

  func validate() throws {
    guard (2...1000).contains(replications) else { throw ValidationError("--replications must be from 2 to 1000, not \(replications)") }
    guard (replications...1000).contains(maxReplications) else {
      throw ValidationError("--max-replications must be from --replications (\(replications)) to 1000, not \(maxReplications)")
    }
    guard (1...100_000).contains(maxAgents) else { throw ValidationError("--max-agents must be from 1 to 100000, not \(maxAgents)") }
    _ = try targets()
  }

  /// The targets from the options; at least one.
  func targets() throws -> StaffingTargets {
    var targets = StaffingTargets()
    if let serviceLevel {
      let (share, within) = try Self.share(serviceLevel, option: "--service-level", needsTime: false)
      targets.serviceLevel = (share, within)
    }
    if let abandoned {
      let (share, within) = try Self.share(abandoned, option: "--abandoned", needsTime: false)
      guard within == nil else { throw ValidationError("--abandoned is a share such as 5%, not '\(abandoned)'") }
      targets.abandoned = share
    }
    if let callbacks {
      let (share, within) = try Self.share(callbacks, option: "--callbacks", needsTime: true)
      targets.callbacks = (share, within ?? 0)
    }
    guard !targets.isEmpty else { throw ValidationError("name a target: --service-level, --abandoned or --callbacks") }
    return targets
  }

  /// `80%` or `80%/20s`: a share from 0 to 1 and the time, if written.
  static func share(_ text: String, option: String, needsTime: Bool) throws -> (Double, Int?) {
    let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    let example = needsTime ? "90%/2h" : "80%/20s"
    guard parts[0].hasSuffix("%"), let percent = Double(parts[0].dropLast()), percent > 0, percent <= 100 else {
      throw ValidationError("\(option) is a share from 0% to 100% such as \(example), not '\(text)'")
    }
    guard parts.count == 2 else {
      if needsTime { throw ValidationError("\(option) needs a time after the share, such as \(example), not '\(text)'") }
      return (percent / 100, nil)
    }
    switch DurationSyntax.parse(parts[1]) {
    case .success(let seconds): return (percent / 100, seconds)
    case .failure(let error): throw ValidationError("\(option): \(error.message)")
    }
  }

  func run() throws {
    let showProgress = isatty(STDERR_FILENO) == 1
    func show(_ line: String) { if showProgress { Terminal.standardError("\r\u{1B}[K" + line) } }
    if perDay {
      let result = SimulateRun.staffPerDay(
        path: input.path, modelPath: input.model, group: group, targets: try targets(), queues: queue, replications: replications,
        maxReplications: maxReplications, maxAgents: maxAgents, options: checking.checkOptions()
      ) { day, step in show("day \(day + 1): tried \(step.agents) agents over \(step.replications) replications: \(step.verdict.rawValue)") }
      show("")
      try write(result, text: StaffingReport.dailyText, json: StaffingReport.dailyJSON)
    } else {
      let result = SimulateRun.staff(
        path: input.path, modelPath: input.model, group: group, targets: try targets(), queues: queue, replications: replications,
        maxReplications: maxReplications, maxAgents: maxAgents, options: checking.checkOptions()
      ) { step in show("tried \(step.agents) agents over \(step.replications) replications: \(step.verdict.rawValue)") }
      show("")
      try write(result, text: { $0.text() }, json: { $0.json() })
    }
  }

  /// The search's report in the format asked for, or its failure reported.
  private func write<Report>(_ result: Result<Report, SimulateRun.Failure>, text: (Report) -> String, json: (Report) -> JSONValue) throws {
    switch result {
    case .failure(let failure):
      throw failure.report(colors: checking.wantsColor(fd: STDERR_FILENO))
    case .success(let report):
      switch input.format {
      case .text: Terminal.standardOutput(text(report))
      case .json: Terminal.standardOutput(json(report).printed() + "\n")
      }
    }
  }
}
