import CallflowDiagnostics
import CallflowSyntax

/// The round trip INTEROP.md pins, as one function: a flow-language file imported (lowered,
/// printed as YAML, read back) and exported again, and what of it must come back.
public enum ConnectRoundTrip {
  /// What one round trip gives.
  public struct Outcome: Sendable {
    /// The flow language read.
    public var original: ConnectJSON
    /// The flow language written; `nil` when a step failed (`problem` says which).
    public var exported: ConnectJSON?
    public var native = 0
    public var opaque = 0
    public var problem: String?

    /// Whether the flow came back as INTEROP.md pins it.
    public var isIdentical: Bool {
      guard let exported else { return false }
      return ConnectRoundTrip.essence(exported, positionsOf: original) == ConnectRoundTrip.essence(original)
    }
  }

  /// Imports then exports `bytes`; `nil` when they are not a flow-language file (or a
  /// wrapper of one) that reads without error. `yaml` prints a flow and reads it back (the
  /// YAML front end lives in a module of its own).
  public static func run(_ bytes: [UInt8], yaml: (FlowSyntax) -> FlowSyntax?) -> Outcome? {
    guard case .success(let document) = ConnectReader.read(bytes, file: FileID(0)), document.shape != .legacy else { return nil }
    var outcome = Outcome(original: ConnectJSON(document.content))
    var lowering = ConnectLowering(document, file: FileID(0))
    let (lowered, diagnostics) = lowering.lower(fallbackName: "flow")
    outcome.native = lowering.nativeCount
    outcome.opaque = lowering.opaqueCount
    guard let flow = lowered, diagnostics.isEmpty else { return nil }
    guard let reread = yaml(flow) else {
      outcome.problem = "the YAML does not read back"
      return outcome
    }
    switch ConnectExporter.export(reread, resource: { _, name in name }) {
    case .success(let json): outcome.exported = json
    case .failure(let failure): outcome.problem = failure.diagnostics.first?.message
    }
    return outcome
  }

  /// The round trip of a legacy export translated into flow language: the flow language
  /// the exporter writes of it must itself come back from import and export (the legacy
  /// modules themselves are never written back). `nil` when `bytes` are not a legacy export
  /// that translates and exports without error.
  public static func runLegacy(_ bytes: [UInt8], yaml: (FlowSyntax) -> FlowSyntax?) -> Outcome? {
    guard case .success(let document) = ConnectReader.read(bytes, file: FileID(0)), document.shape == .legacy else { return nil }
    var lowering = ConnectLowering(document, file: FileID(0))
    let (lowered, diagnostics) = lowering.lower(fallbackName: "flow")
    guard let flow = lowered, diagnostics.isEmpty, case .success(let translated) = ConnectExporter.export(flow, resource: { _, name in name })
    else { return nil }
    return run(Array(translated.printed().utf8), yaml: yaml)
  }

  /// What must come back: the start, the actions by identifier (as Connect reads them), the
  /// settings, and the designer positions of the actions `positionsOf` has them for (the
  /// exporter lays out the others).
  public static func essence(_ flow: ConnectJSON, positionsOf reference: ConnectJSON? = nil) -> ConnectJSON {
    let positioned = (reference ?? flow)["Metadata"]?["ActionMetadata"]
    var actions: [(String, ConnectJSON)] = []
    if case .array(let items)? = flow["Actions"] {
      for item in items {
        guard case .string(let id)? = item["Identifier"] else { continue }
        actions.append((id, ConnectLowering.normalized(item)))
      }
    }
    var positions: [(String, ConnectJSON)] = []
    if case .object(let metadata)? = flow["Metadata"]?["ActionMetadata"] {
      for (id, value) in metadata where actions.contains(where: { $0.0 == id }) && positioned?[id]?["position"] != nil {
        if let position = value["position"] { positions.append((id, position)) }
      }
    }
    return .object([
      ("StartAction", flow["StartAction"] ?? .null), ("Actions", .object(actions)), ("Settings", flow["Settings"] ?? .null),
      ("Positions", .object(positions)),
    ])
  }
}
