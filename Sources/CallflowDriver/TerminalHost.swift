import CallflowBytecode
import CallflowDiagnostics
import CallflowSemantics
import CallflowSyntax
import CallflowVM
import Foundation

/// `callflow run`'s host: the person at the terminal is the caller. Prompts are printed, each
/// input is a line read (so a run can be scripted) and shown, hours are checked against a
/// virtual clock that `wait` blocks advance, profiles are looked up in the module's
/// resources, and every other effect is printed and succeeds. The end of input is the
/// caller hanging up.
public struct TerminalHost: FlowHost {
  let program: Program
  /// The virtual clock.
  public private(set) var now: Date
  /// Whether the caller hung up: input ended where the flow waited for the caller. The
  /// call is over; the pending block's answer is not to be used.
  public private(set) var hungUp = false
  let readLine: () -> String?
  let write: (String) -> Void

  public init(program: Program, at now: Date, readLine: @escaping () -> String?, write: @escaping (String) -> Void) {
    self.program = program
    self.now = now
    self.readLine = readLine
    self.write = write
  }

  /// The next line of input, trimmed and shown as read; `nil` at the end of input, when the
  /// caller hangs up.
  private mutating func read() -> String? {
    guard let line = readLine() else {
      hungUp = true
      return nil
    }
    let text = line.trimmingCharacters(in: .whitespaces)
    write("  reads: " + (text.isEmpty ? "(an empty line)" : text) + "\n")
    return text
  }

  public mutating func perform(_ call: HostCall, state: ContactState) -> HostResult {
    func say(_ text: String) { write("  " + text + "\n") }
    switch call.action {
    case .playPrompt:
      say("says: " + (call.text(.text) ?? promptText(call.text(.prompt)) ?? ""))
      return HostResult(.next)
    case .getInput:
      var options: [String] = []
      if case .list(let items)? = call.argument(.options) { options = items }
      say("asks: \(call.text(.prompt) ?? "") [\(options.joined(separator: ", "))]")
      guard let line = read() else { return HostResult(.branch(.timeout)) }
      guard !line.isEmpty else { return HostResult(.branch(.timeout)) }
      return HostResult(options.contains(line) ? .option(line) : .branch(.noMatch))
    case .storeInput:
      say("asks: " + (call.text(.prompt) ?? ""))
      guard let line = read() else { return HostResult(.branch(.error)) }
      guard !line.isEmpty else { return HostResult(.branch(.error)) }
      return HostChecks.acceptsInput(line, call: call) ? HostResult(.next, writes: [AttributeCatalog.storedInput: line]) : HostResult(.branch(.error))
    case .validatePhone:
      let value = call.text(.value) ?? ""
      let valid = HostChecks.isValidPhone(value, call: call)
      say("validates \(value.isEmpty ? "nothing" : value): \(valid ? "valid" : "invalid")")
      return HostResult(valid ? .next : .branch(.invalid))
    case .setCallbackNumber:
      let value = call.text(.value) ?? ""
      guard HostChecks.isE164(value) else {
        say("callback number \(value.isEmpty ? "unset" : value): invalid")
        return HostResult(.branch(.invalidNumber))
      }
      say("callback number: \(value)")
      return HostResult(.next)
    case .checkHours:
      guard let name = call.text(.hours) else {
        say("the queue's hours: taken as open")
        return HostResult(.next)
      }
      guard let open = isOpen(name) else { return HostResult(.branch(.error)) }
      say("hours `\(name)` at \(now.ISO8601Format()): \(open ? "open" : "closed")")
      return HostResult(open ? .next : .branch(.outOfHours))
    case .wait:
      // The caller holds on while the clock runs: a line goes on (its text is not a key
      // anyone listens for), the end of input hangs up, so a flow that waits in a loop ends.
      let seconds: Int
      if case .duration(let d)? = call.argument(.duration) { seconds = d } else { seconds = 0 }
      say("waits \(DurationSyntax.format(seconds)): a line holds on, the end of input hangs up")
      guard read() != nil else { return HostResult(.next) }
      now += TimeInterval(seconds)
      return HostResult(.next)
    case .getQueueMetrics:
      let fields = ["PositionInQueue": "1", "ContactsInQueue": "1", "OldestContactAge": "0", "AgentsAvailable": "0", "AgentsOnline": "0"]
      say("reads the metrics of \(call.text(.queue) ?? "the current queue"): position 1, no agents at a terminal")
      return HostResult(.next, writes: Attributes(Dictionary(uniqueKeysWithValues: fields.map { ("$.Metrics.\($0.key)", $0.value) })))
    case .customerProfileLookup:
      return lookup(call, say)
    case .checkCallProgress:
      let answers = call.outcomes.map(\.description)
      say("who answered? (\(answers.joined(separator: ", ")))")
      // Only an answer the block can take is taken; anything else is asked again.
      while let line = read() {
        if let outcome = call.outcome(named: line) { return HostResult(outcome) }
        let hint = Suggestions.nearest(to: line, in: answers).map { "; did you mean `\($0)`?" } ?? ""
        say((line.isEmpty ? "an empty line" : "`\(line)`") + " is not one of the answers\(hint) (\(answers.joined(separator: ", ")))")
      }
      return HostResult(.branch(.error))
    case .transferToQueue:
      if call.gives(.callback) {
        say("queues a callback in \(call.text(ParameterKey.callback.field(.workingQueue)) ?? call.text(.queue) ?? "the working queue")")
      } else {
        say("transfers to queue \(call.text(.queue) ?? "(the working queue)")")
      }
      return HostResult(.next)
    case .setWorkingQueue, .setCustomerQueueFlow, .setWhisperFlow, .setRoutingPriority, .checkStaffing, .sendMessage,
      .createCallback, .startCallback, .registerCallback, .declineCallback, .transferToFlow:
      // Effects a person at a terminal cannot see: printed, and they succeed.
      let arguments = call.arguments.keys.sorted().compactMap { key in call.argument(key)?.text.map { "\(key): \($0)" } }
      say(call.kind.rawValue + (arguments.isEmpty ? "" : " (" + arguments.joined(separator: ", ") + ")"))
      return HostResult(.next)
    case .invokeLambda:
      say("invokes the Lambda function \(call.text(.function) ?? "?"): no answer here, it returns nothing")
      return HostResult(.next)
    case .showView:
      guard case .list(let actions)? = call.argument(.actions), let first = actions.first else { return HostResult(.branch(.noMatch)) }
      say("shows the agent view \(call.text(.view) ?? "?"); the agent takes `\(first)`")
      return HostResult(.option(first))
    case .lexBot:
      guard case .list(let intents)? = call.argument(.intents), let first = intents.first else { return HostResult(.branch(.noMatch)) }
      say("talks with the Lex bot \(call.text(.bot) ?? "?"), which recognizes `\(first)`")
      return HostResult(.option(first))
    case .invokeModule:
      say("invokes the flow module \(call.text(.module) ?? "?")")
      return HostResult(.next)
    case .loopPrompts:
      say("plays its messages in a loop until the contact leaves")
      return HostResult(.next)
    case .setContactOption:
      say(call.kind.rawValue)
      return HostResult(.next)
    case .connectAction:
      // An Amazon Connect action this terminal cannot carry out: it goes on at its first way on.
      say("runs the Amazon Connect action \(call.text(.type) ?? "?")")
      return HostResult(.next)
    }
  }

  private func promptText(_ name: String?) -> String? {
    guard let name else { return nil }
    let module = program.module
    return module.resources.prompts.first { module.text($0.name) == name }.flatMap { module.text($0.text) }
  }

  /// Whether the hours named `name` are open now, or `nil` when the module has no such hours.
  func isOpen(_ name: String) -> Bool? {
    guard let hours = HostChecks.hours(name, in: program.module) else { return nil }
    return HostChecks.isOpen(hours, in: program.module, at: Int(now.timeIntervalSince1970.rounded(.down)))
  }

  private func lookup(_ call: HostCall, _ say: (String) -> Void) -> HostResult {
    let key = call.text(.key) ?? ""
    let value = call.text(.value) ?? ""
    let matches = HostChecks.lookup(key: key, value: value, in: program.module)
    say("looks up a profile by \(key) \(value): \(matches.count == 1 ? "one" : matches.isEmpty ? "none" : "\(matches.count)") found")
    return HostChecks.lookupResult(matches)
  }
}
