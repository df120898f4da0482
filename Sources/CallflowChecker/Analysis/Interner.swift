/// Numbers distinct keys in the order they are first seen. While there are few it scans them
/// (comparing short strings costs less than hashing one); past 32 it keeps a table, so that
/// many keys stay linear.
struct Interner<Key: Hashable> {
  private(set) var keys: [Key] = []
  private var table: [Key: Int]?

  var count: Int { keys.count }

  /// The number of `key`, if it was interned.
  func index(of key: Key) -> Int? {
    if let table { return table[key] }
    return keys.firstIndex(of: key)
  }

  /// The number of `key`, interning it if it is new.
  @discardableResult
  mutating func intern(_ key: Key) -> Int {
    if let i = index(of: key) { return i }
    keys.append(key)
    if table != nil {
      table?[key] = keys.count - 1
    } else if keys.count > 32 {
      table = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
    }
    return keys.count - 1
  }
}
