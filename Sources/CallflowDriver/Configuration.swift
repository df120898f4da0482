import CallflowDiagnostics
import CallflowSyntax
import CallflowYAML

/// The project configuration, `callflow.yaml`: for now its environments, the values of
/// `${NAME}` substitutions per environment.
public struct Configuration: Sendable {
  /// Environment name -> substitution name -> value.
  public var environments: [String: [String: String]] = [:]

  public init() {}

  static let keys = ["environments"]

  /// Reads `callflow.yaml`, reporting what is wrong with it.
  static func parse(_ source: SourceFile, file: FileID) -> (Configuration, [Diagnostic]) {
    var config = Configuration()
    let (root, diagnostics) = YAMLReader().readValue(source, file: file)
    var bag = DiagnosticBag()
    bag.append(contentsOf: diagnostics)
    guard let value = root else { return (config, bag.diagnostics) }
    guard case .record(let fields) = value.kind else {
      if case .null = value.kind { return (config, bag.diagnostics) }
      bag.report(.invalidValue, "callflow.yaml should be a mapping with `environments`", at: value.span)
      return (config, bag.diagnostics)
    }
    for field in fields {
      guard field.name.value == "environments" else {
        bag.reportUnknownKey(field.name, expected: keys, in: "callflow.yaml")
        continue
      }
      guard case .record(let environments) = field.value.kind else {
        bag.report(.invalidValue, "`environments` maps environment names to their values", at: field.value.span)
        continue
      }
      for environment in environments {
        var values: [String: String] = [:]
        if case .record(let entries) = environment.value.kind {
          for entry in entries {
            if let text = entry.value.scalarText {
              values[entry.name.value] = text
            } else {
              bag.report(.invalidValue, "`\(entry.name.value)` should be a single value, not \(entry.value.kindDescription)", at: entry.value.span)
            }
          }
        } else if case .null = environment.value.kind {
        } else {
          bag.report(
            .invalidValue, "environment `\(environment.name.value)` maps names to values, such as `{CALLBACK_QUEUE: Callbacks}`",
            at: environment.value.span)
        }
        config.environments[environment.name.value] = values
      }
    }
    return (config, bag.diagnostics)
  }
}
