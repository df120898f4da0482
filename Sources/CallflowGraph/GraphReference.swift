import CallflowSyntax

/// The part of Docs/GRAPH.md made from the catalog and the style table: how each category of
/// block is drawn and which kinds it holds.
public enum GraphReference {
  public static func markdown() -> String {
    var lines = ["| category | drawn as | blocks |", "|---|---|---|"]
    for category in BlockCategory.allCases {
      let style = GraphStyle.node(category)
      func value(_ name: String) -> String { style.first { $0.0 == name }?.1 ?? "" }
      let kinds = BlockKind.allCases.filter { $0.spec.category == category }.map { "`\($0.rawValue)`" }
      let extra = category == .callback ? ", and `transfer-to-queue` with a `callback`" : ""
      lines.append("| \(GraphStyle.name(category)) | \(value("shape")), \(value("fillcolor"))\(value("style").contains("bold") ? ", bold" : "") | \(kinds.joined(separator: ", "))\(extra) |")
    }
    return lines.joined(separator: "\n")
  }
}
