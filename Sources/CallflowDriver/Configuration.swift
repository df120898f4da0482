import CallflowDiagnostics
import CallflowRules
import CallflowSyntax
import CallflowYAML

/// The project configuration, `callflow.yaml`: rule levels, paths to leave out, and the
/// environments whose values fill `${NAME}`.
public struct Configuration: Sendable {
  /// Environment name -> substitution name -> value.
  public var environments: [String: [String: String]] = [:]
  /// Rule id -> level; `--rule` on the command line wins.
  public var rules: [String: RuleLevel] = [:]
  /// Glob patterns, relative to the project folder, of flow files to leave out.
  public var exclude: [String] = []

  public init() {}

  static let keys = ["rules", "exclude", "environments"]

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
      switch field.name.value {
      case "environments": break
      case "rules":
        config.rules = rules(field.value, &bag)
        continue
      case "exclude":
        config.exclude = patterns(field.value, &bag)
        continue
      default:
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

  private static func rules(_ value: SyntaxValue, _ bag: inout DiagnosticBag) -> [String: RuleLevel] {
    guard case .record(let entries) = value.kind else {
      bag.report(.invalidValue, "`rules` maps rule names to levels, such as `{unreachable-block: error}`", at: value.span)
      return [:]
    }
    var levels: [String: RuleLevel] = [:]
    for entry in entries {
      guard RuleCatalog.named(entry.name.value) != nil else {
        bag.report(
          .unknownParameter, "there is no rule `\(entry.name.value)`", at: entry.name.span,
          fixes: FixIt.didYouMean(entry.name, among: RuleCatalog.ids))
        continue
      }
      guard let text = entry.value.scalarText, let level = RuleLevel(rawValue: text) else {
        bag.report(
          .invalidValue, "a rule's level is `off`, `info`, `warning` or `error`, not \(entry.value.kindDescription)",
          at: entry.value.span)
        continue
      }
      levels[entry.name.value] = level
    }
    return levels
  }

  private static func patterns(_ value: SyntaxValue, _ bag: inout DiagnosticBag) -> [String] {
    guard case .list(let items) = value.kind else {
      bag.report(.invalidValue, "`exclude` is a list of glob patterns, such as `[\"drafts/**\"]`", at: value.span)
      return []
    }
    return items.compactMap { item in
      guard let text = item.scalarText else {
        bag.report(.invalidValue, "an `exclude` pattern is text, not \(item.kindDescription)", at: item.span)
        return nil
      }
      return text
    }
  }
}

/// Glob patterns over `/`-separated relative paths: `*` matches within one path segment,
/// `**` any number of segments, `?` one character.
public enum Glob {
  public static func matches(_ pattern: String, _ path: String) -> Bool {
    match(Array(pattern.unicodeScalars)[...], Array(path.unicodeScalars)[...])
  }

  private static func match(_ p: ArraySlice<Unicode.Scalar>, _ s: ArraySlice<Unicode.Scalar>) -> Bool {
    guard let first = p.first else { return s.isEmpty }
    if first == "*" {
      let rest = p.dropFirst()
      if rest.first == "*" {
        var tail = rest.dropFirst()
        var i = s.startIndex
        if tail.first == "/" {
          // `**/`: zero or more whole segments, so the rest starts at a segment boundary.
          tail = tail.dropFirst()
          while true {
            if match(tail, s[i...]) { return true }
            guard let slash = s[i...].firstIndex(of: "/") else { return false }
            i = s.index(after: slash)
          }
        }
        // `**` elsewhere: any characters, `/` included.
        while true {
          if match(tail, s[i...]) { return true }
          if i == s.endIndex { return false }
          i = s.index(after: i)
        }
      }
      var i = s.startIndex
      while true {
        if match(rest, s[i...]) { return true }
        guard i < s.endIndex, s[i] != "/" else { return false }
        i = s.index(after: i)
      }
    }
    guard let c = s.first else { return false }
    if first == "?" ? c != "/" : first == c { return match(p.dropFirst(), s.dropFirst()) }
    return false
  }
}
