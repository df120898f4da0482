import CallflowDiagnostics

/// `loop-without-wait`: a cycle that can repeat without a `wait`, `get-input`, `store-input` or bounded `loop`.
public struct LoopWithoutWaitRule: Rule {
  public var id: String { "loop-without-wait" }
  public var severity: Severity { .error }
  public var section: RuleSection { .syntax }
  public var summary: String {
    "a cycle that can repeat without a `wait`, `get-input`, `store-input` or bounded `loop`"
  }
  public var page: [UInt8] { PackageResources.loop_without_wait_md }

  public init() {}
}

extension Rule where Self == LoopWithoutWaitRule {
  /// `loop-without-wait`.
  public static var loopWithoutWait: Self { Self() }
}
