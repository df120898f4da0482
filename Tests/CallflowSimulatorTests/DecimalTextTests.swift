import Testing

@testable import CallflowSimulator

/// The simulator's decimal texts of the numbers it writes as metrics are `String(n)`'s.
@Suite struct DecimalTextTests {
  @Test func decimalTextIsTheStandardOne() {
    var numbers = [0, 1, 9, 10, 99, 100, 59_999, 86_400, 999_999_999_999_999, 1_000_000_000_000_000, .max, -1, -10, -86_400, .min]
    // Seeded, so that a failure names a number that fails again.
    var generator = SeededRandom(seed: 16)
    for _ in 0..<1_000 { numbers.append(Int.random(in: .min ... .max, using: &generator) >> Int.random(in: 0...63, using: &generator)) }
    for n in numbers { #expect(decimalText(n) == String(n), "\(n)") }
  }
}
