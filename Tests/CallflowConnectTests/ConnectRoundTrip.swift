import CallflowConnect
import CallflowDiagnostics
import CallflowSyntax
import CallflowYAML

/// Import then export of one Connect file, as INTEROP.md pins it: the flow language read,
/// lowered, printed as YAML, read back, and written as flow language again.
enum ConnectRoundTrip {
  struct Outcome {
    var original: ConnectJSON
    var exported: ConnectJSON?
    var native = 0
    var opaque = 0
    var problem: String?
  }

  static func run(_ bytes: [UInt8]) -> Outcome? {
    guard case .success(let document) = ConnectReader.read(bytes, file: FileID(0)), document.shape != .legacy else { return nil }
    var outcome = Outcome(original: ConnectJSON(document.content))
    var lowering = ConnectLowering(document, file: FileID(0))
    let (lowered, diagnostics) = lowering.lower(fallbackName: "flow")
    outcome.native = lowering.nativeCount
    outcome.opaque = lowering.opaqueCount
    guard let flow = lowered, diagnostics.isEmpty else {
      outcome.problem = diagnostics.first?.message ?? "no flow"
      return outcome
    }
    let yaml = YAMLPrinter.print(flow)
    let (reread, problems) = YAMLFrontend(substitutions: nil).parseFlow(SourceFile(path: "flow.yaml", text: yaml), file: FileID(1))
    guard let reread, problems.isEmpty else {
      outcome.problem = "the YAML does not read back: \(problems.first?.message ?? "")"
      return outcome
    }
    switch ConnectExporter.export(reread, resource: { _, name in name }) {
    case .success(let json): outcome.exported = json
    case .failure(let failure): outcome.problem = failure.diagnostics.first?.message
    }
    return outcome
  }

  /// What INTEROP.md says must come back: the start, the actions by identifier (normalized as
  /// Connect reads them), the settings, the designer positions.
  /// Positions are compared for the actions `positionsOf` has them for (the exporter lays out
  /// the others).
  static func essence(_ flow: ConnectJSON, positionsOf reference: ConnectJSON? = nil) -> ConnectJSON {
    let positioned = (reference ?? flow)["Metadata"]?["ActionMetadata"]
    var members: [(String, ConnectJSON)] = []
    members.append(("StartAction", flow["StartAction"] ?? .null))
    var actions: [(String, ConnectJSON)] = []
    if case .array(let items)? = flow["Actions"] {
      for item in items {
        guard case .string(let id)? = item["Identifier"] else { continue }
        actions.append((id, ConnectLowering.normalized(item)))
      }
    }
    members.append(("Actions", .object(actions)))
    members.append(("Settings", flow["Settings"] ?? .null))
    var positions: [(String, ConnectJSON)] = []
    if case .object(let metadata)? = flow["Metadata"]?["ActionMetadata"] {
      for (id, value) in metadata where actions.contains(where: { $0.0 == id }) && positioned?[id]?["position"] != nil {
        if let position = value["position"] { positions.append((id, position)) }
      }
    }
    members.append(("Positions", .object(positions)))
    return .object(members)
  }
}
