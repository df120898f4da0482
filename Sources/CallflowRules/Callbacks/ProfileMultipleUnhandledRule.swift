import CallflowDiagnostics

/// `profile-multiple-unhandled`: a `customer-profile-lookup` whose `multiple` branch is unconnected.
public struct ProfileMultipleUnhandledRule: Rule {
  public var id: String { "profile-multiple-unhandled" }
  public var severity: Severity { .warning }
  public var section: RuleSection { .callbacks }
  public var summary: String {
    "a `customer-profile-lookup` whose `multiple` branch is unconnected"
  }
  public var page: [UInt8] { PackageResources.profile_multiple_unhandled_md }

  public init() {}
}

extension Rule where Self == ProfileMultipleUnhandledRule {
  /// `profile-multiple-unhandled`.
  public static var profileMultipleUnhandled: Self { Self() }
}
