/// The language reference generated from the catalog: every flow type, block kind,
/// parameter, branch and attribute, as Markdown. `Docs/LANGUAGE.md` embeds it, and a test
/// keeps the two equal.
public enum CatalogReference {
  /// The whole generated reference.
  public static func markdown() -> String {
    var out = "### Flow types\n\n| type | what it is |\n|---|---|\n"
    for type in FlowType.allCases { out += "| `\(type.rawValue)` | \(type.summary) |\n" }
    out += "\n### Blocks by category\n\n"
    for category in BlockCategory.allCases {
      let kinds = BlockKind.allCases.filter { $0.spec.category == category }
      guard !kinds.isEmpty else { continue }
      out += "- **\(category.rawValue)**: " + kinds.map { "[`\($0.rawValue)`](#\($0.rawValue))" }.joined(separator: ", ") + "\n"
    }
    for kind in BlockKind.allCases { out += "\n" + markdown(for: kind) }
    out += "\n### Attributes\n\n| reference | what it holds |\n|---|---|\n"
    for root in AttributeCatalog.roots {
      let written: String
      switch root.shape {
      case .leaf: written = "`$.\(root.name)`"
      case .named: written = "`$.\(root.name).<name>`"
      case .path: written = "`$.\(root.name).<path>`"
      case .fields(let fields): written = fields.map { "`$.\(root.name).\($0)`" }.joined(separator: ", ")
      }
      out += "| \(written) | \(root.summary) |\n"
    }
    return out
  }

  /// The reference of one block kind.
  public static func markdown(for kind: BlockKind) -> String {
    let spec = kind.spec
    var out = "### \(kind.rawValue)\n\n\(spec.summary)\n\n"
    let allowed = FlowType.allCases.filter(spec.allowedIn.contains).map { "`\($0.rawValue)`" }
    out += "- Category: \(spec.category.rawValue). Allowed in \(allowed.joined(separator: ", ")) flows"
    if let rule = spec.placementRule { out += " (elsewhere: `\(rule.id)`)" }
    out += ".\n"
    if let main = spec.mainParameter { out += "- Short form: `\(kind.rawValue): <\(main)>`.\n" }
    if let open = spec.openParameters {
      out += "- Parameters: a mapping of attribute names to values (\(open.syntax)).\n"
    }
    for group in spec.requiresOneOf {
      out += "- Needs " + group.map { "`\($0)`" }.joined(separator: " or ") + ".\n"
    }
    for rule in spec.requiresWhen {
      out += "- With `\(rule.parameter): \(rule.value)`, needs `\(rule.requires)`.\n"
    }
    if !spec.writes.isEmpty {
      out += "- Writes " + spec.writes.map { "`\($0)`" }.joined(separator: ", ") + " when it goes on at `next`.\n"
    }
    out += "- Success: " + success(spec) + "\n"
    var branches = spec.branches.map { "`\($0)`" }
    if let perValue = spec.branchPerValueOf { branches.insert("one per value of `\(perValue)`", at: 0) }
    out += "- Branches: " + (branches.isEmpty ? "none" : branches.joined(separator: ", ")) + ".\n"
    if !spec.parameters.isEmpty {
      out += "\n| parameter | type | required | meaning |\n|---|---|---|---|\n"
      for parameter in spec.parameters {
        out += "| `\(parameter.name)` | \(parameter.type.syntax) | \(parameter.required ? "yes" : "no") | \(parameter.summary) |\n"
        if case .record(let fields) = parameter.type {
          for field in fields {
            out += "| `\(parameter.name).\(field.name)` | \(field.type.syntax) | \(field.required ? "yes" : "no") | \(field.summary) |\n"
          }
        }
      }
    }
    return out
  }

  private static func success(_ spec: BlockSpec) -> String {
    switch spec.success {
    case .next(let meaning?): "`next` (required), taken when \(meaning)."
    case .next(nil): "`next` (required)."
    case .branchesOnly: "no `next`; the block goes on only through its branches."
    case .handsOff(let parameter?): "hands the contact over and the flow ends; with `\(parameter)` it continues at `next` (then required)."
    case .handsOff(nil): "hands the contact over and the flow ends; no `next`."
    case .terminal: "ends the flow; no `next`, no branches."
    case .open: "`next`, conditions and branches of any name, as the Connect action has them; with none the flow ends."
    }
  }
}
