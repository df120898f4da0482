import CallflowSimulator
import CallflowVM

/// The world of a scenario: each contact does exactly what its entry says, in order.
/// Inputs that run out are timeouts; dials that run out are answered by a person.
public struct ScenarioWorld: World {
  private var arrivals: [Arrival]
  private var next = 0
  private var inputs: [[String]]
  private var inputUsed: [Int]
  private var dials: [[DialAnswer]]
  private var dialsUsed: [Int]
  private var patience: [Int?]
  private var contactHandleTimes: [Int?]
  private var agentHandleTimes: [Int]
  private let lambdas: [String: LambdaAnswer]

  public init(_ scenario: Scenario, agentHandleTimes: [Int]) {
    arrivals = scenario.contacts.enumerated()
      .map { Arrival(time: $0.element.at, from: $0.element.from, to: $0.element.to.value, label: $0.offset) }
      .sorted { ($0.time, $0.label) < ($1.time, $1.label) }
    inputs = scenario.contacts.map(\.input)
    inputUsed = Array(repeating: 0, count: scenario.contacts.count)
    dials = scenario.contacts.map(\.dials)
    dialsUsed = inputUsed
    patience = scenario.contacts.map(\.hangsUpAfter)
    contactHandleTimes = scenario.contacts.map(\.handleTime)
    self.agentHandleTimes = agentHandleTimes
    lambdas = scenario.lambdas
  }

  /// The scenario's answer for the function; a function it does not list answers at once, with nothing.
  public func lambda(_ function: String) -> LambdaAnswer { lambdas[function] ?? LambdaAnswer() }

  public mutating func nextArrival() -> Arrival? {
    guard next < arrivals.count else { return nil }
    next += 1
    return arrivals[next - 1]
  }

  public mutating func input(label: Int, call: HostCall) -> String? {
    guard inputUsed[label] < inputs[label].count else { return nil }
    inputUsed[label] += 1
    return inputs[label][inputUsed[label] - 1]
  }

  public mutating func dial(label: Int) -> DialAnswer {
    guard dialsUsed[label] < dials[label].count else { return .human }
    dialsUsed[label] += 1
    return dials[label][dialsUsed[label] - 1]
  }

  public mutating func patience(label: Int) -> Int? { patience[label] }

  public mutating func handleTime(agent: Int, label: Int) -> Int { contactHandleTimes[label] ?? agentHandleTimes[agent] }
}
