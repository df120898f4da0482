#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import CallflowDiagnostics
import CallflowRules
import Foundation

/// `${NAME}` substitution values: the chosen environment of `callflow.yaml`, overridden by
/// `--define NAME=VALUE`.
public struct Substitutions: Sendable {
  public var values: [String: String]
  /// The environment the values come from, for messages.
  public var environment: String?

  public init(values: [String: String] = [:], environment: String? = nil) {
    self.values = values
    self.environment = environment
  }

  /// `value` with every `${NAME}` in its scalars replaced. A name without a value is reported
  /// as `unresolved-substitution` at the `${NAME}` itself and left as written.
  public func apply(to value: SyntaxValue, source: SourceFile?, _ bag: inout DiagnosticBag) -> SyntaxValue {
    if let source, !Self.mayHoldSubstitution(source.bytes) { return value }
    return substituted(value, source: source, &bag)
  }

  /// Whether `bytes` hold a `${` anywhere; when not, no scalar of the file can.
  public static func mayHoldSubstitution(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer(holdsDollarBrace)
  }

  /// Whether `text` holds a `${`.
  public static func mayHoldSubstitution(_ text: String) -> Bool {
    var text = text
    return text.withUTF8(holdsDollarBrace)
  }

  private static func holdsDollarBrace(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    guard buffer.count > 1, let base = buffer.baseAddress else { return false }
    // Each `$` found with `memchr`, not every byte looked at: every flow file is searched
    // whole before it is read, and most of its bytes are not `$`.
    var from = 0
    while from < buffer.count - 1, let hit = memchr(base + from, Int32(UInt8(ascii: "$")), buffer.count - 1 - from) {
      let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      if buffer[at + 1] == UInt8(ascii: "{") { return true }
      from = at + 1
    }
    return false
  }

  private func substituted(_ value: SyntaxValue, source: SourceFile?, _ bag: inout DiagnosticBag) -> SyntaxValue {
    switch value.kind {
    case .null: return value
    case .scalar(let text, let form):
      guard Self.mayHoldSubstitution(text) else { return value }
      return SyntaxValue(.scalar(substitute(text, at: value.span, source: source, &bag), form), at: value.span)
    case .list(let items):
      return SyntaxValue(.list(items.map { substituted($0, source: source, &bag) }), at: value.span)
    case .record(let fields):
      return SyntaxValue(
        .record(fields.map { SyntaxField(name: $0.name, value: substituted($0.value, source: source, &bag)) }),
        at: value.span)
    }
  }

  /// `text` with its `${NAME}`s replaced.
  public func substitute(_ text: String, at span: SourceSpan, source: SourceFile?, _ bag: inout DiagnosticBag) -> String {
    var out = ""
    var rest = Substring(text)
    while let open = rest.range(of: "${") {
      out += rest[rest.startIndex..<open.lowerBound]
      guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
        out += rest[open.lowerBound...]
        rest = ""
        break
      }
      let name = String(rest[open.upperBound..<close])
      if let replacement = values[name] {
        out += replacement
      } else {
        out += rest[open.lowerBound...close]
        report(name, in: span, source: source, &bag)
      }
      rest = rest[rest.index(after: close)...]
    }
    return out + rest
  }

  private func report(_ name: String, in span: SourceSpan, source: SourceFile?, _ bag: inout DiagnosticBag) {
    let where_ = environment.map { "has no value in environment `\($0)`" } ?? "has no value: no environment is chosen (`--env NAME`) and no `--define` gives it one"
    var notes = [Note("give it a value in `callflow.yaml` under `environments`, or with `--define \(name)=VALUE`")]
    if let near = Suggestions.nearest(to: name, in: values.keys) {
      notes.insert(Note("did you mean `${\(near)}`?"), at: 0)
    }
    bag.report(
      .unresolvedSubstitution, "`${\(name)}` \(where_)",
      at: preciseSpan(of: "${\(name)}", in: span, source: source), notes: notes)
  }

  /// The span of `needle` on the first line of `span`, or `span` when it cannot be found there.
  private func preciseSpan(of needle: String, in span: SourceSpan, source: SourceFile?) -> SourceSpan {
    guard let line = source?.lineText(span.start.line) else { return span }
    let scalars = Array(line.unicodeScalars)
    let target = Array(needle.unicodeScalars)
    var i = max(span.start.column - 1, 0)
    while i + target.count <= scalars.count {
      if Array(scalars[i..<(i + target.count)]) == target {
        return SourceSpan(
          file: span.file, start: SourceLocation(line: span.start.line, column: i + 1),
          end: SourceLocation(line: span.start.line, column: i + 1 + target.count))
      }
      i += 1
    }
    return span
  }
}
