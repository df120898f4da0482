import Testing

@testable import CallflowSyntax

@Suite struct DurationSyntaxTests {
  @Test(arguments: [("99s", 99), ("10m", 600), ("2h", 7_200), ("7d", 604_800), ("1m30s", 90), ("1d2h3m4s", 93_784), ("0s", 0)])
  func parses(_ text: String, _ seconds: Int) throws {
    #expect(try DurationSyntax.parse(text).get() == seconds)
  }

  @Test(arguments: [
    ("", "an empty duration"),
    ("10", "`10` has no unit (write `10s` for seconds)"),
    ("10x", "`x` is not a duration unit (use `d`, `h`, `m` or `s`)"),
    ("30s1m", "units must go from largest to smallest, each once (`1m30s`)"),
    ("1m1m", "units must go from largest to smallest, each once (`1m30s`)"),
    ("m", "`m` must follow a number"),
    ("99999999999s", "the number 99999999999 is too large"),
  ])
  func rejects(_ text: String, _ message: String) {
    #expect(throws: ValueError(message)) { try DurationSyntax.parse(text).get() }
  }

  @Test func formatsCanonically() {
    #expect(DurationSyntax.format(90) == "1m30s")
    #expect(DurationSyntax.format(604_800) == "7d")
    #expect(DurationSyntax.format(0) == "0s")
  }
}

@Suite struct PhoneNumberSyntaxTests {
  @Test func acceptsE164() throws {
    #expect(try PhoneNumberSyntax.parseE164("+14255550100").get() == "+14255550100")
    #expect(try PhoneNumberSyntax.parseE164("+331234567890123").get() == "+331234567890123")
    #expect(try PhoneNumberSyntax.parseE164("+12").get() == "+12")
  }

  @Test(arguments: [
    ("14255550100", "an E.164 number starts with `+` and the country code"),
    ("+1 425 555", "an E.164 number has only digits after the `+`, no spaces or dashes"),
    ("+0123", "a country code never starts with 0"),
    ("+1", "an E.164 number needs more than one digit"),
    ("+1234567890123456", "an E.164 number has at most 15 digits; this one has 16"),
    ("", "an E.164 number starts with `+` and the country code"),
    ("＋14255550100", "an E.164 number starts with `+` and the country code"),
    ("+", "an E.164 number has only digits after the `+`, no spaces or dashes"),
    ("+1４25", "an E.164 number has only digits after the `+`, no spaces or dashes"),
    ("+١٢٣٤", "an E.164 number has only digits after the `+`, no spaces or dashes"),
    ("+1-425", "an E.164 number has only digits after the `+`, no spaces or dashes"),
  ])
  func rejects(_ text: String, _ message: String) {
    #expect(throws: ValueError(message)) { try PhoneNumberSyntax.parseE164(text).get() }
  }
}

@Suite struct AttributePathTests {
  @Test(arguments: ["$.StoredCustomerInput", "$.CustomerEndpoint.Address", "$.Attributes.tier", "$.Metrics.PositionInQueue", "$.Customer.first-name", "$.Queue.Name",
    "$.Queue.ARN", "$.Queue.OutboundCallerId.Address", "$.CustomerEndpoint.Type", "$.PreviousContactId", "$.InstanceARN",
    // Names are letters or `_`, then letters, digits, `_` and `-`; a letter of any script counts.
    "$.Attributes._a-1_Z", "$.Attributes.café", "$.Attributes.été", "$.Attributes.名前", "$.Customer.z9",
  ])
  func accepts(_ text: String) throws {
    #expect(try AttributePath.parse(text).get().description == text)
  }

  @Test func aPathIsItsSegmentsWhetherParsedOrMade() throws {
    let parsed = try AttributePath.parse("$.Attributes.tier").get()
    var made = AttributePath(segments: ["Attributes", "tier"])
    #expect(parsed == made)
    #expect(parsed.hashValue == made.hashValue)
    #expect(made.description == "$.Attributes.tier")
    made.segments[1] = "level"
    #expect(made.description == "$.Attributes.level")
    #expect(made != parsed)
    #expect(Set([parsed, AttributePath(segments: ["Attributes", "tier"])]).count == 1)
  }

  @Test(arguments: [
    ("StoredCustomerInput", "an attribute reference starts with `$.`, as in `$.StoredCustomerInput`"),
    ("$.StoredCustomerInptu", "`$.StoredCustomerInptu` is not an attribute the platform provides; did you mean `$.StoredCustomerInput`?"),
    ("$.Metrics.Position", "`Position` is not a field of `$.Metrics`"),
    ("$.Queue.OutboundCallerId.Number", "write `$.Queue.<field>`, one of `Name`, `ARN`, or `OutboundCallerId`"),
    ("$.Metrics.PositionInQeue", "`PositionInQeue` is not a field of `$.Metrics`; did you mean `PositionInQueue`?"),
    ("$.Attributes", "write `$.Attributes.<name>`, with exactly one name"),
    ("$.StoredCustomerInput.x", "`$.StoredCustomerInput` has no fields"),
    ("$.Attributes.a b", "`a b` is not a valid attribute name in `$.Attributes.a b`"),
    ("$.", "`` is not a valid attribute name in `$.`"),
    ("$.Attributes.", "`` is not a valid attribute name in `$.Attributes.`"),
    ("$..tier", "`` is not a valid attribute name in `$..tier`"),
    ("$.Attributes.1st", "`1st` is not a valid attribute name in `$.Attributes.1st`"),
    ("$.Attributes.-a", "`-a` is not a valid attribute name in `$.Attributes.-a`"),
    ("$.Attributes.a/b", "`a/b` is not a valid attribute name in `$.Attributes.a/b`"),
    ("$.Attributes.a€", "`a€` is not a valid attribute name in `$.Attributes.a€`"),
    ("$.Attributes.٣a", "`٣a` is not a valid attribute name in `$.Attributes.٣a`"),
  ])
  func rejects(_ text: String, _ message: String) {
    #expect(throws: ValueError(message)) { try AttributePath.parse(text).get() }
  }
}

@Suite struct PlainScalarTests {
  @Test(arguments: ["Support", "-3", "+14255550100", "$.Attributes.tier", "a: b", "a #b", "*9", "null", "", " x", "x ", "-", "a\u{2028}b", "a\u{85}b", "é ü", "a#b", "?x"])
  func validity(_ text: String) {
    let expected = ["Support", "-3", "+14255550100", "$.Attributes.tier", "é ü", "a#b", "?x"].contains(text)
    #expect(PlainScalar.isValid(text) == expected, "\(text.debugDescription)")
  }
}

@Suite struct ConnectReferenceTests {
  @Test(arguments: [
    ("0b3f1d9a-2c4e-4f6a-8b1c-3d5e7f9a1b2c", true), ("0B3F1D9A-2C4E-4F6A-8B1C-3D5E7F9A1B2C", true),
    ("0b3f1d9a-2c4e-4f6a-8b1c-3d5e7f9a1b2", false), ("0b3f1d9a-2c4e-4f6a-8b1c-3d5e7f9a1b2cc", false),
    ("0b3f1d9a_2c4e-4f6a-8b1c-3d5e7f9a1b2c", false), ("0b3f1d9g-2c4e-4f6a-8b1c-3d5e7f9a1b2c", false),
    ("0b3f1d9a-2c4e-4f6a-8b1c-3d5e7f9a1b2é", false), ("Main menu", false), ("", false),
  ])
  func anIDIsAUUID(_ text: String, _ isID: Bool) {
    #expect(ConnectReference.isID(text) == isID)
  }
}

@Suite struct SubstitutionSearchTests {
  /// A file's bytes are searched for `${` before its scalars are: found at the first and last
  /// bytes and after many `$` that are not one, and not found in a `$` alone at either end,
  /// a `$ {`, a `{$` or nothing.
  @Test func findsDollarBraceWhereverItIs() {
    let many = String(repeating: "$.Attributes.x $ ", count: 500)
    for (text, holds) in [
      ("${A}", true), ("x: ${", true), (many + "${B}", true), ("a$${", true),
      ("$", false), ("a: $", false), ("$ {x}", false), ("{$", false), ("", false), (many, false),
    ] {
      #expect(Substitutions.mayHoldSubstitution(Array(text.utf8)) == holds, "\(text.prefix(20))")
      #expect(Substitutions.mayHoldSubstitution(text) == holds, "\(text.prefix(20))")
    }
  }
}
