import CallflowDiagnostics
import CallflowSyntax

/// How the diagram draws each category of block, each kind of edge and each severity: one
/// table, so the legend in Docs/GRAPH.md and the drawing agree.
public enum GraphStyle {
  /// The node attributes of a block of `category`.
  static func node(_ category: BlockCategory) -> [(String, String)] {
    switch category {
    case .prompt: prompt
    case .input: input
    case .queue: queue
    case .callback: callback
    case .check: check
    case .data: data
    case .flowControl: flowControl
    case .terminal: terminal
    }
  }

  private static let prompt = [("shape", "box"), ("style", "rounded,filled"), ("fillcolor", "#e3f2fd")]
  private static let input = [("shape", "parallelogram"), ("style", "filled"), ("fillcolor", "#fff3e0")]
  private static let queue = [("shape", "box3d"), ("style", "filled"), ("fillcolor", "#e8f5e9")]
  private static let callback = [("shape", "box"), ("style", "rounded,filled,bold"), ("fillcolor", "#f3e5f5")]
  private static let check = [("shape", "hexagon"), ("style", "filled"), ("fillcolor", "#fffde7")]
  private static let data = [("shape", "note"), ("style", "filled"), ("fillcolor", "#eceff1")]
  private static let flowControl = [("shape", "cds"), ("style", "filled"), ("fillcolor", "#e0f7fa")]
  private static let terminal = [("shape", "doubleoctagon"), ("style", "filled"), ("fillcolor", "#ffebee")]

  /// What the category is called in the legend.
  public static func name(_ category: BlockCategory) -> String {
    switch category {
    case .prompt: "prompt"
    case .input: "input"
    case .queue: "queue and transfer"
    case .callback: "callback"
    case .check: "check and branch"
    case .data: "data"
    case .flowControl: "flow control"
    case .terminal: "terminal"
    }
  }

  /// A block no path from `start` reaches: greyed.
  static let unreachable: [(String, String)] = [("fillcolor", "#f5f5f5"), ("fontcolor", "#9e9e9e"), ("color", "#bdbdbd")]

  /// The outline of a block with diagnostics of `severity`.
  static func outline(_ severity: Severity) -> [(String, String)] {
    switch severity {
    case .error: [("color", "#d32f2f"), ("penwidth", "3")]
    case .warning: [("color", "#f57c00"), ("penwidth", "3")]
    case .info: [("color", "#1976d2"), ("penwidth", "2")]
    }
  }

  /// Edges by what their branches are.
  enum EdgeKind {
    case normal, error, onError, atCapacity, flowReference, entry, missing
  }

  static func edge(_ kind: EdgeKind) -> [(String, String)] {
    switch kind {
    case .normal: normalEdge
    case .error: errorEdge
    case .onError: onErrorEdge
    case .atCapacity: atCapacityEdge
    case .flowReference: flowReferenceEdge
    case .entry: entryEdge
    case .missing: missingEdge
    }
  }

  private static let normalEdge: [(String, String)] = []
  private static let errorEdge = [("color", "#d32f2f"), ("fontcolor", "#d32f2f"), ("style", "dashed")]
  // The flow's `on-error` catches every unconnected `error`: drawn light, and left out of the
  // layout's ranking so that the many edges to one block do not pull the flow apart.
  private static let onErrorEdge = [("color", "#ef9a9a"), ("fontcolor", "#e57373"), ("style", "dotted"), ("arrowsize", "0.6"), ("constraint", "false")]
  private static let atCapacityEdge = [("color", "#f57c00"), ("fontcolor", "#f57c00"), ("style", "dashed")]
  private static let flowReferenceEdge = [("color", "#6a1b9a"), ("fontcolor", "#6a1b9a"), ("style", "bold"), ("arrowhead", "vee")]
  private static let entryEdge = [("color", "#2e7d32"), ("penwidth", "2")]
  private static let missingEdge = [("color", "#d32f2f"), ("fontcolor", "#d32f2f"), ("style", "dotted")]
}
