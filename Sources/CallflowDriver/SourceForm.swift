import CallflowDSL
import CallflowDiagnostics
import CallflowSyntax
import CallflowYAML

/// The two ways of writing a flow.
public enum SourceForm: String, CaseIterable, Sendable {
  case yaml
  case dsl

  /// The form of a file by its name: `*.flow.yaml` / `*.flow.yml` / `*.yaml` are YAML, `*.flow` is DSL.
  public init?(path: String) {
    if path.hasSuffix(".flow") {
      self = .dsl
    } else if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
      self = .yaml
    } else {
      return nil
    }
  }

  /// The form of text of unknown origin (standard input): DSL when its first word, after
  /// white space and comments, is `flow` followed by a name or `{`; YAML otherwise.
  public static func detect(_ bytes: [UInt8]) -> SourceForm {
    var i = 0
    while i < bytes.count {
      switch bytes[i] {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        i += 1
      case UInt8(ascii: "#"):
        return .yaml
      case UInt8(ascii: "/") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "/"):
        return .dsl
      default:
        let word = Array("flow".utf8)
        guard bytes.count >= i + word.count + 1, Array(bytes[i..<(i + word.count)]) == word else { return .yaml }
        let after = bytes[i + word.count]
        return after == UInt8(ascii: " ") || after == UInt8(ascii: "{") || after == UInt8(ascii: "\t") ? .dsl : .yaml
      }
    }
    return .yaml
  }

  /// The flow in `source`, read with this form's front end, `${NAME}` left as written.
  public func parse(_ source: SourceFile, file: FileID) -> (flow: FlowSyntax?, diagnostics: [Diagnostic]) {
    switch self {
    case .yaml: YAMLFrontend(substitutions: nil).parseFlow(source, file: file)
    case .dsl: DSLFrontend(substitutions: nil).parseFlow(source, file: file)
    }
  }

  /// `flow` written in this form.
  public func print(_ flow: FlowSyntax) -> String {
    switch self {
    case .yaml: YAMLPrinter.print(flow)
    case .dsl: DSLPrinter.print(flow)
    }
  }
}
