/// A document the client has open: its text as the editor holds it, which stands for the file
/// on disk while it is open.
public struct Document: Sendable {
  /// The URI as the client wrote it (diagnostics are published to the same string).
  public var uri: String
  /// The absolute path of a `file:` URI; `nil` for an unsaved document.
  public var path: String?
  public var languageID: String
  public var version: Int
  public var text: [UInt8]

  /// What the document holds, by its name (or, for an unsaved one, by its first word).
  public enum Kind: Sendable, Equatable {
    case yamlFlow, dslFlow, center, config, scenario, model, connect, other
  }

  public var kind: Kind {
    let name = (path ?? uri).split(separator: "/").last.map(String.init) ?? ""
    if name == "center.yaml" { return .center }
    if name == "callflow.yaml" { return .config }
    if name.hasSuffix(".test.yaml") { return .scenario }
    if name.hasSuffix(".model.yaml") { return .model }
    if name.hasSuffix(".flow") { return .dslFlow }
    if name.hasSuffix(".flow.yaml") || name.hasSuffix(".flow.yml") { return .yamlFlow }
    if name.hasSuffix(".json") { return .connect }
    if path == nil { return languageID == "callflow" ? .dslFlow : .yamlFlow }
    return .other
  }
}
