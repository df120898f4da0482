/// Names handed out once each: a name already taken gets `-2`, `-3`, … (block ids from
/// actions' identifiers or kinds, flow names from exports' names).
public struct UniqueNames: Sendable {
  private var taken: Set<String> = []

  public init() {}

  /// Takes `name` as it is, so that no claimed name is it.
  public mutating func reserve(_ name: String) { taken.insert(name) }

  /// `base`, or the first of `base-2`, `base-3`, … not taken yet; it is taken now.
  public mutating func claim(_ base: String) -> String {
    var name = base
    var n = 2
    while taken.contains(name) {
      name = "\(base)-\(n)"
      n += 1
    }
    taken.insert(name)
    return name
  }
}
