/// "Did you mean" suggestions by edit distance over the names in scope.
public enum Suggestions {
  /// The candidate closest to `name`, if it is close enough to be a plausible typo:
  /// at most a third of the name's length in edits (case differences cost nothing extra
  /// beyond one edit per character), and never the name itself.
  public static func nearest<S: Sequence>(to name: String, in candidates: S) -> String?
  where S.Element == String {
    let target = Array(name.lowercased().unicodeScalars)
    guard !target.isEmpty else { return nil }
    let limit = max(1, target.count / 3)
    var best: (name: String, distance: Int)?
    for candidate in candidates where candidate != name {
      let c = Array(candidate.lowercased().unicodeScalars)
      if abs(c.count - target.count) > limit { continue }
      let d = c == target ? 0 : distance(target, c, limit: limit)
      guard d <= limit else { continue }
      if let current = best, d > current.distance || (d == current.distance && candidate > current.name) {
        continue
      }
      best = (candidate, d)
    }
    return best?.name
  }

  /// Damerau-Levenshtein (optimal string alignment) distance, giving up past `limit`.
  static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMin = current[0]
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          v = min(v, previous2[j - 2] + 1)
        }
        current[j] = v
        rowMin = min(rowMin, v)
      }
      if rowMin > limit { return rowMin }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }

  /// `a`, `a` and `b`, or `a`, `b` and `c`, each in backticks.
  public static func list(_ names: [String], conjunction: String = "and") -> String {
    let quoted = names.map { "`\($0)`" }
    switch quoted.count {
    case 0: return ""
    case 1: return quoted[0]
    case 2: return "\(quoted[0]) \(conjunction) \(quoted[1])"
    default:
      return quoted.dropLast().joined(separator: ", ") + ", \(conjunction) " + quoted[quoted.count - 1]
    }
  }
}
