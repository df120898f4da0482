import Foundation

/// A small deterministic random generator (SplitMix64): the same seed gives the same draws on
/// every run and machine.
public struct SeededRandom: RandomNumberGenerator, Sendable {
  public var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform draw in [0, 1).
  public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// An exponential draw with mean `mean`, rounded to whole seconds, at least 1.
  public mutating func exponential(mean: Double) -> Int {
    max(1, Int((-mean * log(1 - unit())).rounded()))
  }

  /// An index drawn with the given weights (which must not all be zero).
  public mutating func pick(_ weights: [Double]) -> Int { Self.index(at: unit(), in: weights) }

  /// The index that a uniform draw `unit` in [0, 1) picks with the given weights: what
  /// ``pick(_:)`` returns for that draw. For weights read in place while the generator
  /// changes (passed to ``pick(_:)``, they would be copied to be read).
  public static func index(at unit: Double, in weights: [Double]) -> Int {
    let total = weights.reduce(0, +)
    var x = unit * total
    for (i, w) in weights.enumerated() {
      x -= w
      if x < 0 { return i }
    }
    return weights.count - 1
  }
}
