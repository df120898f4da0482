/// A named branch a block can take besides `next` and its option values. Each has a stable
/// number in modules, whatever the order of the cases.
public enum Branch: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
  case error
  case timeout
  case noMatch = "no-match"
  case invalid
  case invalidNumber = "invalid-number"
  case notDialable = "not-dialable"
  case atCapacity = "at-capacity"
  case looping
  case human
  case voicemailBeep = "voicemail-beep"
  case voicemailNoBeep = "voicemail-no-beep"
  case unanswered
  case busy
  case fax
  case outOfHours = "out-of-hours"
  case `false` = "false"
  case multiple
  case notFound = "not-found"

  /// The branch's number in modules (1 to 63; 0 is `next`).
  public var code: Int {
    switch self {
    case .error: 1
    case .timeout: 2
    case .noMatch: 3
    case .invalid: 4
    case .invalidNumber: 5
    case .notDialable: 6
    case .atCapacity: 7
    case .looping: 8
    case .human: 9
    case .voicemailBeep: 10
    case .voicemailNoBeep: 11
    case .unanswered: 12
    case .busy: 13
    case .fax: 14
    case .outOfHours: 15
    case .false: 16
    case .multiple: 17
    case .notFound: 18
    }
  }

  /// The branch's name as written in flows.
  public var description: String { rawValue }

  /// The branch named `name`, if there is one.
  public static func named(_ name: String) -> Branch? { Branch(rawValue: name) }
}

/// What a block comes to: `next`, one of its options (`get-input`'s keys), or a branch. The
/// host answers each call with one; the VM goes to the target the module gives it.
public enum Outcome: Hashable, Sendable, CustomStringConvertible {
  case next
  /// The option with this value (a key the caller pressed).
  case option(String)
  case branch(Branch)

  /// The outcome as written in flows: `next`, the option's value, or the branch's name.
  public var description: String {
    switch self {
    case .next: "next"
    case .option(let value): value
    case .branch(let branch): branch.rawValue
    }
  }

  /// The outcome written `name`: `next`, a branch's name, or else an option's value.
  public static func named(_ name: String) -> Outcome {
    if name == "next" { return .next }
    return Branch(rawValue: name).map(Outcome.branch) ?? .option(name)
  }

  /// The number of the outcome in a module's branch tables: 0 for `next`, the branch's code,
  /// or ``optionBase`` plus the option's place among the block's options.
  public func code(options: [String]) -> Int? {
    switch self {
    case .next: 0
    case .branch(let branch): branch.code
    case .option(let value): options.firstIndex(of: value).map { Self.optionBase + $0 }
    }
  }

  /// The outcome numbered `code` for a block with these options, if it names one.
  public static func decode(_ code: Int, options: [String]) -> Outcome? {
    if code == 0 { return .next }
    if code >= optionBase { return options.indices.contains(code - optionBase) ? .option(options[code - optionBase]) : nil }
    return Branch.allCases.first { $0.code == code }.map(Outcome.branch)
  }

  /// Where option numbers start in branch tables.
  public static let optionBase = 64
}
