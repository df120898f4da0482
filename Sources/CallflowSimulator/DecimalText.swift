/// The decimal text of `value`, the same as `String(value)`, made without the standard
/// library's generic formatting: a waiting callback's queue flow writes a queue's five metrics
/// every few minutes, half a million numbers in a simulated week.
func decimalText(_ value: Int) -> String {
  // Positions, counts and agents: most numbers a queue's metrics hold are below a thousand.
  if value >= 0, value < smallDecimalTexts.count { return smallDecimalTexts[value] }
  var rest = value.magnitude
  var digits = 1
  while rest >= 10 {
    rest /= 10
    digits += 1
  }
  let length = digits + (value < 0 ? 1 : 0)
  // Made with the capacity it needs, so that a text of up to 15 bytes is stored in place.
  return String(unsafeUninitializedCapacity: length) { buffer in
    var magnitude = value.magnitude
    var k = length
    repeat {
      k -= 1
      buffer[k] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
      magnitude /= 10
    } while magnitude > 0
    if value < 0 { buffer[0] = UInt8(ascii: "-") }
    return length
  }
}

/// The decimal texts of 0 ..< 1,024, made once: each is stored in place (a small string).
private let smallDecimalTexts: [String] = (0..<1_024).map { String($0) }
