/// Names handed out once each: a name already taken gets `-2`, `-3`, … (block ids from
/// actions' identifiers or kinds, flow names from exports' names).
public struct UniqueNames: Sendable {
  private var taken = ByteKeyedTable<Void>()

  public init() {}

  /// Takes `name` as it is, so that no claimed name is it.
  public mutating func reserve(_ name: String) { taken.add(name, ()) }

  /// `base`, or the first of `base-2`, `base-3`, … not taken yet; it is taken now.
  public mutating func claim(_ base: String) -> String {
    if taken.add(base, ()).added { return base }
    var n = 2
    while true {
      let name = "\(base)-\(n)"
      if taken.add(name, ()).added { return name }
      n += 1
    }
  }
}
