import Foundation

/// `file:` URIs and the paths they name. Other schemes (`untitled:`) name documents with no
/// file: they are checked on their own, as standard input is.
public enum DocumentURI {
  /// The absolute path of a `file:` URI, percent-decoded; `nil` for other schemes.
  public static func path(_ uri: String) -> String? {
    guard uri.hasPrefix("file://") else { return nil }
    var rest = Substring(uri.dropFirst("file://".count))
    // `file://host/path`: only the local host, written empty or `localhost`.
    if rest.hasPrefix("localhost/") { rest = rest.dropFirst("localhost".count) }
    guard rest.hasPrefix("/") else { return nil }
    return String(rest).removingPercentEncoding
  }

  /// The `file:` URI of an absolute path.
  public static func uri(_ path: String) -> String {
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "?#[]@!$&'()*+,;=")
    return "file://" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path)
  }
}
