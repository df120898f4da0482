import Foundation

/// A quantity estimated from independent replications of a simulation: the mean of its
/// values and the 95% confidence interval of that mean (Student's t with one degree of
/// freedom fewer than the values).
public struct Estimate: Equatable, Sendable {
  /// The confidence of the interval.
  public static let confidence = 0.95

  public var mean: Double
  /// Half the width of the interval: the mean is within `mean ± halfWidth` with 95%
  /// confidence. Zero for a single value, which says nothing of its spread.
  public var halfWidth: Double
  /// How many replications gave the quantity a value (an average over no contacts has none).
  public var count: Int

  public var low: Double { mean - halfWidth }
  public var high: Double { mean + halfWidth }

  /// The estimate from `values`; `nil` when there are none.
  public init?(_ values: [Double]) {
    guard !values.isEmpty else { return nil }
    count = values.count
    mean = values.reduce(0, +) / Double(count)
    guard count > 1 else {
      halfWidth = 0
      return
    }
    let center = mean
    let variance = values.reduce(0) { $0 + ($1 - center) * ($1 - center) } / Double(count - 1)
    halfWidth = StudentT.quantile(1 - (1 - Self.confidence) / 2, degreesOfFreedom: count - 1) * (variance / Double(count)).squareRoot()
  }

  public init(mean: Double, halfWidth: Double, count: Int) {
    self.mean = mean
    self.halfWidth = halfWidth
    self.count = count
  }

  /// Whether `value` lies in the interval.
  public func contains(_ value: Double) -> Bool { low <= value && value <= high }

  /// The estimate of a percentage as reports write it, `82.3% ± 1.2`: `scale` is 100 for a
  /// share from 0 to 1, 1 for a figure already in percent.
  func percentText(scale: Double) -> String { String(format: "%.1f%% ± %.1f", mean * scale, halfWidth * scale) }
}

/// Student's t distribution.
public enum StudentT {
  /// The value `t` with P(T ≤ t) = `p` (0.5 < p < 1) for `df` degrees of freedom.
  public static func quantile(_ p: Double, degreesOfFreedom df: Int) -> Double {
    precondition(p > 0.5 && p < 1 && df >= 1)
    // The distribution function rises with t: halve the interval until it is exact to the
    // last bits a Double holds.
    var low = 0.0, high = 1.0
    while cdf(high, degreesOfFreedom: df) < p { high *= 2 }
    for _ in 0..<200 {
      let middle = (low + high) / 2
      if middle == low || middle == high { break }
      if cdf(middle, degreesOfFreedom: df) < p { low = middle } else { high = middle }
    }
    return (low + high) / 2
  }

  /// P(T ≤ t) for `df` degrees of freedom, from the regularized incomplete beta function.
  public static func cdf(_ t: Double, degreesOfFreedom df: Int) -> Double {
    let v = Double(df)
    let tail = 0.5 * IncompleteBeta.regularized(x: v / (v + t * t), a: v / 2, b: 0.5)
    return t >= 0 ? 1 - tail : tail
  }
}

/// The regularized incomplete beta function I_x(a, b), by its continued fraction (evaluated
/// with the modified Lentz method), on the side of x where it converges fast.
enum IncompleteBeta {
  static func regularized(x: Double, a: Double, b: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let logBeta: Double = lgamma(a) + lgamma(b) - lgamma(a + b)
    let logPowers: Double = a * log(x) + b * log(1 - x)
    let logFront = logPowers - logBeta
    if x < (a + 1) / (a + b + 2) {
      return exp(logFront) * fraction(x: x, a: a, b: b) / a
    }
    return 1 - exp(logFront) * fraction(x: 1 - x, a: b, b: a) / b
  }

  private static func fraction(x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var result = d
    for m in 1...500 {
      let m = Double(m)
      // The even step, then the odd step, of the fraction's terms.
      var numerator = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
      d = 1 + numerator * d
      if abs(d) < tiny { d = tiny }
      c = 1 + numerator / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      result *= d * c
      numerator = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
      d = 1 + numerator * d
      if abs(d) < tiny { d = tiny }
      c = 1 + numerator / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let step = d * c
      result *= step
      if abs(step - 1) < 1e-15 { break }
    }
    return result
  }
}
