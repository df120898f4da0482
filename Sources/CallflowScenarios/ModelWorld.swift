import CallflowSimulator
import CallflowVM
import Foundation

/// The world of a load model: callers arrive as a Poisson process at each window's rate and
/// make their choices, answer dials, wait and talk for times drawn from a seeded generator.
public struct ModelWorld: World {
  private var random: SeededRandom
  private let model: LoadModel
  /// Every caller, in time order: when they call, the model's stream they call (its number),
  /// and the seven digits of their own number. Kept this small since a model of weeks has
  /// millions (Docs/PERFORMANCE.md); the ``Arrival`` is made as the caller arrives.
  private var arrivals: [(time: Int, stream: Int32, digits: UInt32)] = []
  private var next = 0
  /// The mean handle time of each agent.
  private let handleTimes: [Int]
  /// The mean after-contact work of each agent (0: none).
  private let afterContactWork: [Int]
  /// The model's choices that can be drawn from (a weight above zero), and the index of each
  /// block's among them.
  private let choiceList: [(keys: [String?], weights: [Double])]
  private let choiceOfBlockNamed: [String: Int]
  /// Whether each block a caller met asks for a choice, and the model's choices for it, by
  /// its instruction (an array: instructions are numbered from 0): worked out once per block,
  /// not once per caller.
  private var choicesOfBlock: [BlockChoice] = []
  /// What a block asks of the caller, as far as the model's choices go.
  private enum BlockChoice {
    /// Not worked out yet.
    case unknown
    /// The block does not ask the caller for a choice.
    case notAsked
    /// It asks, but the model gives it no choice with a weight: the caller keys nothing.
    case none
    /// It asks, and the caller's answer is drawn from ``choiceList``'s entry at this index.
    case drawn(Int)
  }
  private let answerWeights: [Double]

  /// The model's answer for the function; a function it does not list answers at once, with nothing.
  public func lambda(_ function: String) -> LambdaAnswer { model.lambdas[function] ?? LambdaAnswer() }

  public init(model: LoadModel, agentHandleTimes: [Int], agentAfterContactWork: [Int] = []) {
    self.model = model
    random = SeededRandom(seed: model.seed)
    handleTimes = agentHandleTimes
    afterContactWork = agentAfterContactWork
    var list: [(keys: [String?], weights: [Double])] = []
    var named: [String: Int] = [:]
    for (block, pairs) in model.choices where pairs.contains(where: { $0.weight > 0 }) {
      named[block] = list.count
      list.append((pairs.map(\.key), pairs.map(\.weight)))
    }
    choiceList = list
    choiceOfBlockNamed = named
    answerWeights = model.answers.map(\.weight)
    // Arrivals are drawn up front, window by window, then put in time order.
    for day in 0...model.days {
      let weekday = model.weekday(day)
      for (s, stream) in model.arrivals.enumerated() where stream.days.contains(weekday) {
        for (window, rate) in stream.perHour where rate > 0 {
          let from = model.utc(day: day, seconds: window.lowerBound)
          let to = model.utc(day: day, seconds: window.upperBound)
          var t = Double(from)
          while true {
            t += -3600 / rate * log(1 - random.unit())
            guard t < Double(to) else { break }
            let time = Int(t)
            guard time >= model.start, time < model.end else { continue }
            arrivals.append((time, Int32(s), 0))
          }
        }
      }
    }
    arrivals.sort { $0.time < $1.time }
    for i in arrivals.indices {
      // A North American number, different for (nearly) every caller.
      arrivals[i].digits = UInt32(1_000_000 + random.next() % 9_000_000)
    }
  }

  /// Caller `label`'s phone number.
  private func number(of label: Int) -> String {
    // Its twelve bytes written on the stack and read as one small string: converting the
    // digits to a string and appending it to the prefix cost 600 instructions a caller.
    var digits = arrivals[label].digits
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 12) { bytes in
      bytes[0] = UInt8(ascii: "+")
      bytes[1] = UInt8(ascii: "1")
      bytes[2] = UInt8(ascii: "2")
      bytes[3] = UInt8(ascii: "0")
      bytes[4] = UInt8(ascii: "6")
      for i in stride(from: 11, through: 5, by: -1) {
        bytes[i] = UInt8(ascii: "0") + UInt8(digits % 10)
        digits /= 10
      }
      return String(decoding: bytes, as: UTF8.self)
    }
  }

  /// The number of callers the model generated.
  public var callerCount: Int { arrivals.count }

  public mutating func nextArrival() -> Arrival? {
    guard next < arrivals.count else { return nil }
    next += 1
    let arrival = arrivals[next - 1]
    return Arrival(time: arrival.time, from: number(of: next - 1), to: model.arrivals[Int(arrival.stream)].to.value, label: next - 1)
  }

  public mutating func input(label: Int, call: HostCall) -> String? {
    // Only the blocks that collect input ask for it: a menu's answer is drawn from the
    // model's choices for the block, stored input is the caller's number or random digits.
    switch choice(of: call) {
    case .drawn(let k):
      // The choices are read in place: drawn with `pick`, they would be copied to be read
      // while the generator changes, their two arrays counted and released for every caller.
      let draw = random.unit()
      return choiceList[k].keys[SeededRandom.index(at: draw, in: choiceList[k].weights)]
    case .none, .unknown: return nil
    case .notAsked: break
    }
    guard call.action == .storeInput else { return nil }
    if call.text(.kind) == "phone-number" { return number(of: label) }
    var digits = 8
    if case .integer(let n)? = call.argument(.maxDigits) { digits = max(1, min(n, 20)) }
    var text: [UInt8] = []
    text.reserveCapacity(digits)
    for _ in 0..<digits { text.append(UInt8(ascii: "0") + UInt8(random.next() % 10)) }
    return String(decoding: text, as: UTF8.self)
  }

  /// Whether the block of `call` asks the caller for a choice, and the model's choices for it.
  private mutating func choice(of call: HostCall) -> BlockChoice {
    guard let instruction = call.instruction else { return choice(asked: call) }
    if instruction >= choicesOfBlock.count { choicesOfBlock += repeatElement(.unknown, count: instruction - choicesOfBlock.count + 1) }
    if case .unknown = choicesOfBlock[instruction] { choicesOfBlock[instruction] = choice(asked: call) }
    return choicesOfBlock[instruction]
  }

  /// The choices of the block of `call`, looked up by its id.
  private func choice(asked call: HostCall) -> BlockChoice {
    guard LoadModel.choiceActions.contains(call.action) else { return .notAsked }
    return choiceOfBlockNamed[call.block].map(BlockChoice.drawn) ?? .none
  }

  public mutating func dial(label: Int) -> DialAnswer { model.answers[random.pick(answerWeights)].answer }

  public mutating func patience(label: Int) -> Int? { model.patience.map { random.exponential(mean: Double($0)) } }

  public mutating func handleTime(agent: Int, label: Int) -> Int { random.exponential(mean: Double(handleTimes[agent])) }

  public var timesIVR: Bool { model.timesIVR }

  public mutating func ivrSeconds(words: Int, input: IVRInput?) -> Int {
    // A model that times no IVR draws nothing, so that its runs stay as they were.
    guard model.timesIVR else { return 0 }
    var seconds = model.wordsPerMinute.map { Int((Double(words) * 60 / $0).rounded()) } ?? 0
    switch input {
    case .answered?: seconds += model.answerTime.map { random.exponential(mean: Double($0)) } ?? 0
    case .unanswered(let timeout)?: seconds += timeout
    case nil: break
    }
    return seconds
  }

  public mutating func afterContactWork(agent: Int) -> Int {
    // A group without after-contact work draws nothing, so that its runs stay as they were.
    guard agent < afterContactWork.count, afterContactWork[agent] > 0 else { return 0 }
    return random.exponential(mean: Double(afterContactWork[agent]))
  }
}
