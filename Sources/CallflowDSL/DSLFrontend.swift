import CallflowDiagnostics
import CallflowSyntax

/// The DSL front end: `*.flow` files to the same syntax tree as the YAML front end.
public struct DSLFrontend: Sendable {
  /// Values for `${NAME}` in values; `nil` leaves them as written (for conversion).
  public var substitutions: Substitutions?

  public init(substitutions: Substitutions? = Substitutions()) { self.substitutions = substitutions }

  /// The flow of one `*.flow` file, and every problem found reading it.
  public func parseFlow(_ source: SourceFile, file: FileID) -> (flow: FlowSyntax?, diagnostics: [Diagnostic]) {
    var bag = DiagnosticBag()
    if let offset = Self.firstInvalidUTF8(source.bytes) {
      bag.report(
        .dslSyntax, "the file is not valid UTF-8 (byte 0x\(String(source.bytes[offset], radix: 16, uppercase: true)))",
        at: SourceSpan(file: file, at: source.location(ofByteOffset: offset)))
      return (nil, bag.diagnostics)
    }
    if let (offset, scalar) = Self.firstUnprintable(source.bytes) {
      bag.report(
        .dslSyntax, "the character U+\(String(scalar.value, radix: 16, uppercase: true)) is not allowed in a flow file",
        at: SourceSpan(file: file, at: source.location(ofByteOffset: offset)),
        notes: [Note("write such characters in strings as escapes, such as \\t or \\u{2028}")])
      return (nil, bag.diagnostics)
    }
    var lexer = Lexer(bytes: Self.withoutByteOrderMark(source.bytes), file: file)
    lexer.run()
    bag.append(contentsOf: lexer.bag.diagnostics)
    var parser = Parser(tokens: lexer.tokens, file: file, bag: bag)
    guard var flow = parser.parseFile() else { return (nil, parser.bag.diagnostics) }
    bag = parser.bag
    if let substitutions, Substitutions.mayHoldSubstitution(source.bytes) {
      for i in flow.blocks.indices {
        flow.blocks[i].body = substitutions.apply(to: flow.blocks[i].body, source: source, &bag)
      }
    }
    flow.attach(lexer.comments, headerEnd: parser.headerEnd)
    return (flow, bag.diagnostics)
  }

  /// The first character, past a leading byte-order mark, that YAML would not allow either
  /// (control characters but tab and line breaks), or that YAML reads as a line break where
  /// the DSL does not (NEL, U+2028, U+2029), with its byte offset.
  /// A carriage return is allowed only before a line feed (CRLF line ends).
  static func firstUnprintable(_ bytes: [UInt8]) -> (Int, Unicode.Scalar)? {
    var offset = 0
    let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
    for (i, scalar) in scalars.enumerated() {
      defer { offset += UTF8.width(scalar) }
      if offset == 0 && scalar == "\u{FEFF}" { continue }
      if scalar == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" { continue }
      if scalar == "\n" || (PlainScalar.isPrintable(scalar) && !PlainScalar.isLineBreak(scalar)) { continue }
      return (offset, scalar)
    }
    return nil
  }

  static func withoutByteOrderMark(_ bytes: [UInt8]) -> [UInt8] {
    bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
  }

  /// The offset of the first byte that is not part of valid UTF-8, if any.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): offset += UTF8.width(scalar)
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }
}
