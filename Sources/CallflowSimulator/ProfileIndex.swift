import CallflowBytecode
import CallflowSemantics
import CallflowVM

/// The answers of `customer-profile-lookup` by one key (`phone`, `name`, a field's name),
/// worked out once from the module's profiles: a lookup is then one hash of the value rather
/// than a pass over every profile's fields, and the profile's `$.Customer.*` writes are made
/// once. It answers as ``HostChecks/lookup(key:value:in:)`` does.
struct ProfileIndex {
  private var answers: [String: HostResult] = [:]
  private let notFound = HostChecks.lookupResult([])

  init(key: String, in module: borrowing Module) {
    let fields = HostChecks.lookupFields(key)
    // The profiles each value finds, in the module's order, each once.
    var matches: [String: [Int]] = [:]
    for p in module.resources.profiles.indices {
      for value in HostChecks.lookupValues(of: p, fields: fields, in: module) where matches[value]?.last != p {
        matches[value, default: []].append(p)
      }
    }
    for (value, profiles) in matches {
      answers[value] = HostChecks.lookupResult(profiles.map { HostChecks.profileFields($0, in: module) })
    }
  }

  /// What a lookup of `value` answers.
  func answer(for value: String) -> HostResult { answers[value] ?? notFound }
}
