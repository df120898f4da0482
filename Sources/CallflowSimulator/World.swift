import CallflowVM

/// A contact that arrives at the center: when, from which number, to which number.
public struct Arrival: Sendable {
  public var time: Int
  public var from: String
  public var to: String
  /// The caller, for the world's answers and for records (`Label`).
  public var label: Int
  public init(time: Int, from: String, to: String, label: Int) {
    self.time = time
    self.from = from
    self.to = to
    self.label = label
  }
}

/// An agent: routing profile, the times they are available, and how long they take.
public struct AgentSchedule: Sendable {
  public var name: String
  public var profile: Int
  /// Times available, as seconds, in order.
  public var shifts: [Range<Int>]
  public init(name: String, profile: Int, shifts: [Range<Int>]) {
    self.name = name
    self.profile = profile
    self.shifts = shifts
  }
}

/// Everything outside the center: callers, what they press, how they answer the phone, how
/// long they wait, and how long agents talk. A scenario scripts it; a load model draws it
/// from a seeded generator.
public protocol World {
  /// The next caller to arrive, in time order; `nil` when no one else calls.
  mutating func nextArrival() -> Arrival?
  /// What the caller `label` keys in at an input block (`get-input`, `store-input`);
  /// `nil`: nothing (a timeout).
  mutating func input(label: Int, call: HostCall) -> String?
  /// How the caller's phone answers the next outbound dial.
  mutating func dial(label: Int) -> DialAnswer
  /// How long the caller waits in a queue before hanging up; `nil`: for ever.
  mutating func patience(label: Int) -> Int?
  /// How long `agent` talks to the contact of `label`.
  mutating func handleTime(agent: Int, label: Int) -> Int
  /// How long `agent` works on a contact after talking to its customer, before taking
  /// another (after-contact work); 0 for none.
  mutating func afterContactWork(agent: Int) -> Int
  /// Whether IVR blocks take time in this world (``ivrSeconds(words:input:)``): when not, the
  /// simulator does not count their words.
  var timesIVR: Bool { get }
  /// How long the caller spends at an IVR block that speaks `words` to them and, for an input
  /// block, waits for their answer (`input`; `nil` for a prompt alone); 0 for no time.
  mutating func ivrSeconds(words: Int, input: IVRInput?) -> Int
  /// How the Lambda function `function` (its ARN or name, as the flow gives it) answers.
  func lambda(_ function: String) -> LambdaAnswer
}

extension World {
  /// Agents take the next contact as soon as they finish talking.
  public mutating func afterContactWork(agent: Int) -> Int { 0 }

  /// IVR blocks take no time.
  public var timesIVR: Bool { false }
  public mutating func ivrSeconds(words: Int, input: IVRInput?) -> Int { 0 }

  /// Every function answers at once, with nothing.
  public func lambda(_ function: String) -> LambdaAnswer { LambdaAnswer() }
}

/// What a caller does at an input block: answers, or lets the block time out.
public enum IVRInput: Sendable, Equatable {
  case answered
  /// No answer: the block waits its timeout, in seconds.
  case unanswered(timeout: Int)
}

/// How a Lambda function answers an `invoke-lambda`: what it returns (`$.External.*`), or an
/// error, after how long.
public struct LambdaAnswer: Sendable, Equatable {
  public var results: [String: String]
  public var fails: Bool
  /// Seconds before the answer comes.
  public var latency: Int

  public init(results: [String: String] = [:], fails: Bool = false, latency: Int = 0) {
    self.results = results
    self.fails = fails
    self.latency = latency
  }
}
