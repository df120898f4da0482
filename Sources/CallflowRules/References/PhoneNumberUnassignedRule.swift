import CallflowDiagnostics

/// `phone-number-unassigned`: an `inbound` flow no phone number reaches and no flow references.
public struct PhoneNumberUnassignedRule: Rule {
  public let id = "phone-number-unassigned"
  public let severity = Severity.warning
  public let section = RuleSection.references
  public let summary =
    "an `inbound` flow no phone number reaches and no flow references"
  public var page: [UInt8] { PackageResources.phone_number_unassigned_md }

  public init() {}
}

extension Rule where Self == PhoneNumberUnassignedRule {
  /// `phone-number-unassigned`.
  public static var phoneNumberUnassigned: Self { Self() }
}
