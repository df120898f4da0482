import CallflowDiagnostics
import CallflowSimulator
import CallflowSyntax
import CallflowYAML
import Foundation

/// Reads the values of a scenario or load-model file, collecting an error with its span for
/// each key that is unknown, missing or of the wrong kind.
public struct DocumentReader {
  public var diagnostics: [Diagnostic] = []

  public init() {}

  /// The diagnostics in the order of their places in the file.
  public var sortedDiagnostics: [Diagnostic] {
    diagnostics.enumerated().sorted { a, b in
      let (x, y) = (a.element.span.start, b.element.span.start)
      return (x.line, x.column, a.offset) < (y.line, y.column, b.offset)
    }.map(\.element)
  }

  public mutating func error(_ message: String, at span: SourceSpan, notes: [Note] = []) {
    diagnostics.append(Diagnostic(.invalidValue, message, at: span, notes: notes))
  }

  /// Reports a number dialled that starts no flow of the project.
  public mutating func checkNumber(_ number: Located<String>, in center: CenterModel) {
    // An empty number is one that was missing or not text, reported where it was read.
    guard !number.value.isEmpty, center.flowOfNumber[number.value] == nil else { return }
    let numbers = center.flowOfNumber.keys.sorted()
    error(
      "no flow answers \(number.value): it is not among the phone numbers of center.yaml", at: number.span,
      notes: [Note(Suggestions.nearest(to: number.value, in: numbers).map { "did you mean \($0)?" } ?? "the numbers are " + numbers.joined(separator: ", "))])
  }

  /// The index of the routing profile `name`, or `nil` with an error at its place.
  public mutating func routingProfile(_ name: Located<String>, in center: CenterModel) -> Int? {
    if let profile = center.routingProfile(named: name.value) { return profile }
    let names = center.routingProfiles.map(\.name)
    error(
      "no routing profile `\(name.value)` in center.yaml", at: name.span,
      notes: [Note(names.isEmpty ? "center.yaml has no routing profiles" : "the routing profiles are " + names.joined(separator: ", "))])
    return nil
  }

  /// Reports a queue name the project does not have, at `span`.
  public mutating func checkQueue(_ name: String, at span: SourceSpan, in center: CenterModel) {
    guard center.queue(named: name) == nil else { return }
    error("no queue `\(name)` in center.yaml", at: span, notes: [Note("the queues are " + center.queues.map(\.name).joined(separator: ", "))])
  }

  /// Reads the YAML file `path` into `sources`: its root value, or `nil` with the reader's
  /// diagnostics (and the file's id).

  /// Reads `bytes` as the YAML file `path`, as ``load(_:into:)`` does.
  public static func load(_ bytes: [UInt8], path: String, into sources: inout SourceMap) -> (root: SyntaxValue?, file: FileID, reader: DocumentReader) {
    let file = sources.add(SourceFile(path: path, bytes: bytes))
    var reader = DocumentReader()
    guard let source = sources[file] else { return (nil, file, reader) }
    let (root, diagnostics) = YAMLReader().readValue(source, file: file)
    reader.diagnostics = diagnostics
    return (diagnostics.isEmpty ? root : nil, file, reader)
  }

  /// The fields of a mapping, with unknown keys reported (and the nearest known one
  /// suggested); `nil` when `value` is not a mapping.
  public mutating func fields(_ value: SyntaxValue, of what: String, allowed: [String]) -> [String: SyntaxField]? {
    guard case .record(let fields) = value.kind else {
      error("\(what) is a mapping, not \(value.kindDescription)", at: value.span)
      return nil
    }
    var result: [String: SyntaxField] = [:]
    for field in fields {
      guard allowed.contains(field.name.value) else {
        let hint = Suggestions.nearest(to: field.name.value, in: allowed).map { "did you mean `\($0)`?" }
        error(
          "unknown key `\(field.name.value)` in \(what)", at: field.name.span,
          notes: [Note(hint ?? "the keys are " + allowed.map { "`\($0)`" }.joined(separator: ", "))])
        continue
      }
      result[field.name.value] = field
    }
    return result
  }

  /// The text of a scalar.
  public mutating func text(_ value: SyntaxValue, _ what: String) -> String? {
    guard let text = value.scalarText else {
      error("\(what) is text, not \(value.kindDescription)", at: value.span)
      return nil
    }
    return text
  }

  /// A required key's value.
  public mutating func required(_ fields: [String: SyntaxField], _ key: String, in what: String, at span: SourceSpan) -> SyntaxValue? {
    guard let field = fields[key] else {
      error("\(what) needs `\(key)`", at: span)
      return nil
    }
    return field.value
  }

  /// A list's items (a single scalar counts as a list of one).
  public mutating func list(_ value: SyntaxValue, _ what: String) -> [SyntaxValue]? {
    switch value.kind {
    case .list(let items): return items
    case .scalar: return [value]
    default:
      error("\(what) is a list, not \(value.kindDescription)", at: value.span)
      return nil
    }
  }

  public mutating func integer(_ value: SyntaxValue, _ what: String, in range: ClosedRange<Int> = 0...Int.max) -> Int? {
    guard let text = value.scalarText, let n = Int(text), range.contains(n) else {
      let bounds = range.upperBound == Int.max ? "at least \(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
      error("\(what) is a whole number, \(bounds), not \(value.kindDescription)", at: value.span)
      return nil
    }
    return n
  }

  public mutating func number(_ value: SyntaxValue, _ what: String) -> Double? {
    guard let text = value.scalarText, let x = Double(text), x.isFinite, x >= 0 else {
      error("\(what) is a number of at least 0, not \(value.kindDescription)", at: value.span)
      return nil
    }
    return x
  }

  /// A duration such as `90s`, `5m`, `1h30m`, in seconds.
  public mutating func duration(_ value: SyntaxValue, _ what: String) -> Int? {
    guard let text = value.scalarText else {
      error("\(what) is a duration such as `5m`, not \(value.kindDescription)", at: value.span)
      return nil
    }
    switch DurationSyntax.parse(text) {
    case .success(let seconds): return seconds
    case .failure(let failure):
      error("\(what): \(failure.message)", at: value.span)
      return nil
    }
  }

  public mutating func bool(_ value: SyntaxValue, _ what: String) -> Bool? {
    switch value.scalarText {
    case "true"?: return true
    case "false"?: return false
    default:
      error("\(what) is `true` or `false`, not \(value.kindDescription)", at: value.span)
      return nil
    }
  }

  /// A time of day `HH:MM` or `HH:MM:SS`, in seconds after midnight.
  public static func timeOfDay(_ text: String) -> Int? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard (2...3).contains(parts.count), parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
      let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0..<60).contains(m)
    else { return nil }
    let s = parts.count == 3 ? Int(parts[2]) ?? 60 : 0
    guard (0..<60).contains(s), h < 24 || (m == 0 && s == 0) else { return nil }
    return h * 3600 + m * 60 + s
  }

  /// A range of times of day `HH:MM-HH:MM`, in seconds after midnight.
  public static func timeRange(_ text: String) -> Range<Int>? {
    let ends = text.split(separator: "-", omittingEmptySubsequences: false)
    guard ends.count == 2, let a = timeOfDay(String(ends[0])), let b = timeOfDay(String(ends[1])), a < b else { return nil }
    return a..<b
  }

  /// Days of the week, 0 = Monday: `mon-fri`, `sat`, `mon-sun`, or a list of those.
  public mutating func days(_ value: SyntaxValue, _ what: String) -> Set<Int>? {
    let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    guard let items = list(value, what) else { return nil }
    var days: Set<Int> = []
    for item in items {
      guard let text = item.scalarText else { return nil }
      let ends = text.lowercased().split(separator: "-").map(String.init)
      guard (1...2).contains(ends.count), let a = names.firstIndex(of: ends[0]), let b = names.firstIndex(of: ends.last ?? ""), a <= b else {
        error("\(what) are days such as `mon-fri`, `sat` or `mon-sun`, not `\(text)`", at: item.span)
        return nil
      }
      days.formUnion(a...b)
    }
    return days
  }
}
