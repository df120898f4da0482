import CallflowDiagnostics

/// `profile-multiple-unhandled`: a `customer-profile-lookup` whose `multiple` branch is unconnected.
public struct ProfileMultipleUnhandledRule: Rule {
  public let id = "profile-multiple-unhandled"
  public let severity = Severity.warning
  public let section = RuleSection.callbacks
  public let summary =
    "a `customer-profile-lookup` whose `multiple` branch is unconnected"
  public var page: [UInt8] { PackageResources.profile_multiple_unhandled_md }

  public init() {}
}

extension Rule where Self == ProfileMultipleUnhandledRule {
  /// `profile-multiple-unhandled`.
  public static var profileMultipleUnhandled: Self { Self() }
}
