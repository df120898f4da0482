import CallflowSyntax

/// The blocks of a project's flows by id: what a load model's `choices` may name, and the
/// answers each block offers a caller.
public struct ProjectBlocks: Sendable {
  /// One block of a flow.
  public struct Block: Sendable {
    /// The flow it is in.
    public var flow: String
    public var kind: BlockKind
    /// The answers it offers a caller, each a branch of its own (`get-input`'s `options`,
    /// `lex-bot`'s `intents`).
    public var answers: [String]

    public init(flow: String, kind: BlockKind, answers: [String]) {
      self.flow = flow
      self.kind = kind
      self.answers = answers
    }

    /// Whether a load model's `choices` decide what a caller answers at this block.
    public var takesChoices: Bool {
      if case .host(let action) = kind.spec.execution { return LoadModel.choiceActions.contains(action) }
      return false
    }
  }

  private var byID: [String: [Block]] = [:]

  public init() {}

  /// Adds the block `id` of a flow.
  public mutating func add(id: String, _ block: Block) { byID[id, default: []].append(block) }

  /// The blocks with id `id`, one per flow that has one.
  public func blocks(_ id: String) -> [Block] { byID[id] ?? [] }

  /// The ids of the blocks whose answers a load model's `choices` decide, sorted.
  public var choiceIDs: [String] { byID.filter { $0.value.contains(where: \.takesChoices) }.keys.sorted() }
}
