import CallflowSyntax

/// A compiled project: every flow's code, the constants it uses, and where each instruction
/// came from. ``ModuleWriter`` and ``ModuleReader`` turn it into bytes and back; the format is
/// specified in `Docs/BYTECODE.md`.
public struct Module: Equatable, Sendable {
  /// One flow of the module.
  public struct Flow: Equatable, Sendable {
    /// A `flow` constant: the flow's name.
    public var name: Int
    public var type: FlowType
    /// An index into ``Module/files``: the source file.
    public var file: Int
    /// The flow's code: a range of ``Module/code``. Targets count from its start.
    public var code: Range<Int>
    /// The blocks, by code offset (from the flow's start) where each begins, in offset order:
    /// each block's id and source line.
    public var lines: [Line]

    public init(name: Int, type: FlowType, file: Int, code: Range<Int>, lines: [Line]) {
      self.name = name
      self.type = type
      self.file = file
      self.code = code
      self.lines = lines
    }
  }

  /// The block whose code starts at `offset`: a `name` constant holding its id, and its
  /// source line.
  public struct Line: Equatable, Sendable {
    public var offset: Int
    public var block: Int
    public var line: Int
    public init(offset: Int, block: Int, line: Int) {
      self.offset = offset
      self.block = block
      self.line = line
    }
  }

  public var constants: [Constant]
  /// Source file paths, relative to the project's folder.
  public var files: [String]
  public var flows: [Flow]
  public var code: [UInt8]
  public var resources: Resources

  public init(constants: [Constant] = [], files: [String] = [], flows: [Flow] = [], code: [UInt8] = [], resources: Resources = Resources()) {
    self.constants = constants
    self.files = files
    self.flows = flows
    self.code = code
    self.resources = resources
  }

  /// The text of constant `index`, when it is text-like.
  public func text(_ index: Int) -> String? {
    guard constants.indices.contains(index), case .text(_, let text) = constants[index] else { return nil }
    return text
  }
}

/// Why a module was refused, with the byte offset where the problem was found.
public enum ModuleError: Error, Equatable, Sendable, CustomStringConvertible {
  case truncated(at: Int)
  case malformed(at: Int, String)

  public var description: String {
    switch self {
    case .truncated(let offset): "the module ends too early (at byte \(offset))"
    case .malformed(let offset, let what): "\(what) (at byte \(offset))"
    }
  }
}

/// The stable numbering of flow types in modules.
extension FlowType {
  static let encoding: [FlowType] = [.inbound, .customerQueue, .outbound, .agentWhisper, .outboundWhisper, .transferToQueue]

  var code: UInt8 { UInt8(Self.encoding.firstIndex(of: self) ?? 0) }
}
