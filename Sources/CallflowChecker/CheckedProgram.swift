import CallflowDiagnostics
import CallflowSyntax

/// A parameter value typed against the catalog.
public indirect enum TypedValue: Sendable {
  case text(String)
  case integer(Int)
  /// Seconds.
  case duration(Int)
  case phoneNumber(String)
  case attribute(AttributePath)
  case word(String)
  case reference(ResourceKind, String)
  case list([Located<TypedValue>])
  case record([Argument])
  case conditions([Condition])
}

/// A named, typed parameter of a block.
public struct Argument: Sendable {
  public var name: Located<String>
  public var value: Located<TypedValue>
}

/// One condition of `check-attribute`: an operator, its operand and the block it goes to.
public struct Condition: Sendable {
  public var op: Located<String>
  public var operand: Located<TypedValue>
  public var target: Located<String>
}

/// A control-flow edge: the branch taken and the block it leads to.
public struct Edge: Sendable {
  public enum Source: Sendable {
    /// `next`.
    case next
    /// A branch of `on`.
    case branch
    /// A `goto` of a `check-attribute` condition.
    case condition
    /// An `error` branch not written in the block, sent to the flow's `on-error`.
    case onError
  }

  public var label: String
  public var source: Source
  /// The target as written (for `on-error` edges, the flow's `on-error` value).
  public var target: Located<String>
  /// The index of the target block, when it exists.
  public var targetIndex: Int?
}

/// A block after checking.
public struct CheckedBlock: Sendable {
  public var id: Located<String>
  /// The block's kind, or `nil` when the kind is not in the catalog.
  public var kind: BlockKind?
  public var kindSpan: SourceSpan
  public var arguments: [Argument]
  public var edges: [Edge]
  public var span: SourceSpan

  /// The argument named `name`, if given and well-typed.
  public func argument(_ name: String) -> Argument? { arguments.first { $0.name.value == name } }
}

/// A flow after checking: its blocks with typed arguments and resolved edges.
public struct CheckedFlow: Sendable {
  public var syntax: FlowSyntax
  public var name: String?
  public var type: FlowType?
  public var blocks: [CheckedBlock]
  /// The index of the first block.
  public var start: Int?
  /// The index of the `on-error` block.
  public var onError: Int?
  /// The flows this flow refers to, with where.
  public var flowReferences: [Located<String>]
}
