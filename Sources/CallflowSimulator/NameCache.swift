/// The last few names looked up and what each resolved to. A flow names the same queues,
/// hours and flows again and again, with the same strings (its module's constants), and
/// comparing a name with a few others is far cheaper than hashing it: on a miss the caller
/// resolves the name the usual way and keeps the answer, which replaces the oldest entry.
struct NameCache<Value> {
  private var names: [String] = []
  private var values: [Value] = []
  private var oldest = 0
  /// The most names kept.
  static var capacity: Int { 8 }

  init() {}

  /// What `name` resolved to when it was kept; `nil` when it is not kept.
  func kept(_ name: String) -> Value? {
    // Names of other lengths (most of those kept) told apart without comparing their bytes.
    let count = name.utf8.count
    for k in names.indices where names[k].utf8.count == count && names[k] == name { return values[k] }
    return nil
  }

  /// What `name` resolves to: the kept answer, or `resolve(context, name)`, which is kept.
  /// The resolver is handed its context (the center, the program) rather than capturing the
  /// simulator that holds this cache.
  mutating func value<Context>(of name: String, in context: borrowing Context, resolve: (borrowing Context, String) -> Value) -> Value {
    if let kept = kept(name) { return kept }
    let value = resolve(context, name)
    keep(name, value)
    return value
  }

  /// Keeps what `name` resolves to, in place of the oldest entry when the cache is full.
  mutating func keep(_ name: String, _ value: Value) {
    if names.count < Self.capacity {
      names.append(name)
      values.append(value)
    } else {
      names[oldest] = name
      values[oldest] = value
      oldest = (oldest + 1) % Self.capacity
    }
  }
}
