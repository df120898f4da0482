/// How a flow file is written: what the front end read, so that suggestions are spelled as
/// the file spells them (`next: ask` in YAML, `-> ask` in the DSL).
public enum FlowNotation: Sendable, Hashable {
  /// `*.flow.yaml`, and flows read from Amazon Connect (imported as YAML).
  case yaml
  /// `*.flow`, the text DSL (`Grammar/`).
  case dsl

  /// The success branch to `target`: `next: <block id>` or `-> <block id>`.
  public func next(_ target: String) -> String {
    switch self {
    case .yaml: "next: \(target)"
    case .dsl: "-> \(target)"
    }
  }

  /// A block's other branches, each to a target: `on: {timeout: x, error: y}` or
  /// `{ timeout -> x error -> y }`.
  public func branches(_ pairs: [(branch: String, target: String)]) -> String {
    switch self {
    case .yaml: "on: {" + pairs.map { "\(Self.quotedBranch($0.branch)): \($0.target)" }.joined(separator: ", ") + "}"
    case .dsl: "{ " + pairs.map { "\(Self.quotedBranch($0.branch)) -> \($0.target)" }.joined(separator: " ") + " }"
    }
  }

  /// Where the success branch goes, for a `next` written among the other branches.
  public var nextPlacement: String {
    switch self {
    case .yaml: "`next` is written beside `on`, not inside it"
    case .dsl: "`next` is written `-> <block id>` after the block's parameters, not inside its braces"
    }
  }

  /// The flow's `on-error` target: `on-error: <block id>` or `on-error <block id>`.
  public func onError(_ target: String) -> String {
    switch self {
    case .yaml: "on-error: \(target)"
    case .dsl: "on-error \(target)"
    }
  }

  /// The flow's first block: `start: <id>` or `start <id>`.
  public func start(_ id: String) -> String {
    switch self {
    case .yaml: "start: \(id)"
    case .dsl: "start \(id)"
    }
  }

  /// Where a flow's name is written: `flow: <name>` or `flow <name> : <type> { … }`.
  public func flowName(_ name: String) -> String {
    switch self {
    case .yaml: "flow: \(name)"
    case .dsl: "flow \(name) : <type> { … }"
    }
  }

  /// A block of `kind` with these parameters written out: `kind: {a: …}` or `kind(a: …)`;
  /// with none, `kind: {}` or `kind`.
  public func block(_ kind: String, parameters: [String]) -> String {
    let list = parameters.map { "\($0): …" }.joined(separator: ", ")
    switch self {
    case .yaml: return "\(kind): {\(list)}"
    case .dsl: return parameters.isEmpty ? kind : "\(kind)(\(list))"
    }
  }

  /// A block of `kind` given only its main parameter: `kind: <value>` or `kind(<value>)`.
  public func block(_ kind: String, main value: String) -> String {
    switch self {
    case .yaml: "\(kind): \(value)"
    case .dsl: "\(kind)(\(value))"
    }
  }

  /// A branch name as both notations write it: DTMF keys are quoted.
  public static func quotedBranch(_ branch: String) -> String {
    branch.first.map { $0.isNumber || $0 == "*" || $0 == "#" } == true ? "\"\(branch)\"" : branch
  }
}
