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
    let fields: [String] = key == "name" ? ["first-name", "last-name"] : [key]
    // The profiles each value matches, in the module's order, each once.
    var matches: [String: [Int]] = [:]
    for (p, profile) in module.resources.profiles.enumerated() {
      for field in profile where fields.contains(module.text(field.name) ?? "") {
        guard let value = module.text(field.value) else { continue }
        if matches[value]?.last != p { matches[value, default: []].append(p) }
      }
    }
    for (value, profiles) in matches {
      answers[value] = HostChecks.lookupResult(
        profiles.map { p in
          module.resources.profiles[p].compactMap { field in
            guard let name = module.text(field.name), let text = module.text(field.value) else { return nil }
            return (name, text)
          }
        })
    }
  }

  /// What a lookup of `value` answers.
  func answer(for value: String) -> HostResult { answers[value] ?? notFound }
}
