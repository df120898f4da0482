/// What a resource reference written in an Amazon Connect export is: an ARN, a resource id, a
/// JSONPath only the running contact resolves, or a deployment template's placeholder. Read
/// by the checker (which references it can check), the importer and the exporter (which it
/// writes as they are).
public enum ConnectReference {
  /// Whether `text` is a Connect resource id: a UUID (flow modules are named so).
  public static func isID(_ text: String) -> Bool {
    // 8-4-4-4-12 hexadecimal digits, read off the bytes.
    let utf8 = text.utf8
    guard utf8.count == 36 else { return false }
    return utf8.withContiguousStorageIfAvailable(isUUID) ?? isUUID(Array(utf8))
  }

  private static func isUUID<C: Collection<UInt8>>(_ bytes: C) -> Bool where C.Index == Int {
    for (k, b) in zip(0..., bytes) {
      if k == 8 || k == 13 || k == 18 || k == 23 {
        guard b == UInt8(ascii: "-") else { return false }
      } else {
        let hex = (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "f"))
        guard hex else { return false }
      }
    }
    return true
  }

  /// Whether `text` holds a deployment template's placeholder, `{{…}}` or `%%…%%`, kept as
  /// text (`${…}` is a Callflow substitution).
  public static func isPlaceholder(_ text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable(hasPlaceholderPair) ?? hasPlaceholderPair(Array(text.utf8))
  }

  /// Whether `bytes` hold `{{` or `%%`.
  private static func hasPlaceholderPair<C: Collection<UInt8>>(_ bytes: C) -> Bool {
    var previous: UInt8 = 0
    for byte in bytes {
      if byte == previous && (byte == UInt8(ascii: "{") || byte == UInt8(ascii: "%")) { return true }
      previous = byte
    }
    return false
  }

  /// Whether `text` is written into flow language as it is, not looked up as a name: an
  /// ARN, a JSONPath, or a placeholder of any kind (`${…}` included).
  public static func isWrittenAsIs(_ text: String) -> Bool {
    text.hasPrefix("arn:") || text.hasPrefix("$.") || text.contains("${") || isPlaceholder(text)
  }
}
