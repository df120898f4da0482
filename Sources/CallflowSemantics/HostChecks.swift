import CallflowBytecode
import CallflowSyntax
import CallflowVM
import Foundation

/// What blocks mean, answered the same way by every host: which input `store-input` accepts,
/// which numbers are valid, whether hours of operation are open, which profiles a lookup
/// finds in a module's resources. `callflow run`'s terminal and the simulator share them; the
/// VM knows none of it.
public enum HostChecks {
  /// Whether `text` is a phone number in E.164.
  public static func isE164(_ text: String) -> Bool {
    if case .success = PhoneNumberSyntax.parseE164(text) { return true }
    return false
  }

  /// Whether `store-input` accepts `text` for a block of this kind and format.
  public static func acceptsInput(_ text: String, call: HostCall) -> Bool {
    let phone = call.text(.kind) == "phone-number"
    if phone && call.text(.format) != "local" { return isE164(text) }
    return !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
  }

  /// Whether `validate-phone` accepts `value` in the block's format.
  public static func isValidPhone(_ value: String, call: HostCall) -> Bool {
    call.text(.format) == "local" ? (7...15).contains(value.count) && value.allSatisfy { $0.isASCII && $0.isNumber } : isE164(value)
  }

  /// The module's hours named `name`, or `nil`.
  public static func hours(_ name: String, in module: Module) -> Resources.Hours? {
    module.resources.hours.first { module.text($0.name) == name }
  }

  /// Whether `hours` are open at `seconds` after 1970-01-01T00:00:00Z, in their time zone.
  public static func isOpen(_ hours: Resources.Hours, in module: Module, at seconds: Int) -> Bool {
    let zone = hours.timezone.flatMap { module.text($0) }.flatMap(TimeZone.init(identifier:)) ?? .gmt
    let local = seconds + zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
    return isOpen(hours, localSeconds: local)
  }

  /// Whether `hours` are open at a local time given as seconds after 1970-01-01T00:00 local.
  public static func isOpen(_ hours: Resources.Hours, localSeconds local: Int) -> Bool {
    let (days, weekday) = day(ofLocalSeconds: local)
    let minute = (local - days * 86_400) / 60
    return hours.rules.contains { $0.days & (1 << UInt8(weekday)) != 0 && $0.intervals.contains { $0.contains(minute) } }
  }

  /// The day of `seconds` after 1970-01-01T00:00 (in whatever zone they are counted), as a day
  /// number from that date, and its weekday: 0 is Monday, as hours of operation count them.
  public static func day(ofLocalSeconds seconds: Int) -> (day: Int, weekday: Int) {
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    // 1970-01-01 was a Thursday.
    return (days, ((days + 3) % 7 + 7) % 7)
  }

  /// The module's profiles a `customer-profile-lookup` by `key` finds for `value`, each as
  /// its fields by name. `name` matches the first or the last name.
  public static func lookup(key: String, value: String, in module: borrowing Module) -> [[(name: String, value: String)]] {
    let fields = lookupFields(key)
    return module.resources.profiles.indices.compactMap { p in
      lookupValues(of: p, fields: fields, in: module).contains(value) ? profileFields(p, in: module) : nil
    }
  }

  /// The profile fields a lookup by `key` compares: `name` is the first or the last name.
  public static func lookupFields(_ key: String) -> [String] { key == "name" ? ["first-name", "last-name"] : [key] }

  /// The values that find profile `p` by its fields named `fields` (``lookupFields(_:)``).
  public static func lookupValues(of p: Int, fields: [String], in module: borrowing Module) -> [String] {
    module.resources.profiles[p].compactMap { field in fields.contains(module.text(field.name) ?? "") ? module.text(field.value) : nil }
  }

  /// Profile `p`'s fields by name, as a lookup that finds it gives them.
  public static func profileFields(_ p: Int, in module: borrowing Module) -> [(name: String, value: String)] {
    module.resources.profiles[p].compactMap { field in
      guard let name = module.text(field.name), let text = module.text(field.value) else { return nil }
      return (name, text)
    }
  }

  /// What a lookup answers: `next` with the one profile's fields as `$.Customer.*`, or
  /// `multiple` or `not-found`.
  public static func lookupResult(_ matches: [[(name: String, value: String)]]) -> HostResult {
    guard matches.count == 1, let profile = matches.first else { return HostResult(.branch(matches.isEmpty ? .notFound : .multiple)) }
    var writes = Attributes()
    for field in profile { writes["$.Customer.\(field.name)"] = field.value }
    return HostResult(.next, writes: writes)
  }
}
