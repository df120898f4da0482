import CallflowDiagnostics

/// `phone-number-unassigned`: an `inbound` flow no phone number reaches and no flow references.
public struct PhoneNumberUnassignedRule: Rule {
  public var id: String { "phone-number-unassigned" }
  public var severity: Severity { .warning }
  public var section: RuleSection { .references }
  public var summary: String {
    "an `inbound` flow no phone number reaches and no flow references"
  }
  public var page: [UInt8] { PackageResources.phone_number_unassigned_md }

  public init() {}
}

extension Rule where Self == PhoneNumberUnassignedRule {
  /// `phone-number-unassigned`.
  public static var phoneNumberUnassigned: Self { Self() }
}
