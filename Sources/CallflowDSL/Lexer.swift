import CallflowDiagnostics
import CallflowSyntax

/// Splits DSL source into tokens with exact spans (lines and character columns from 1),
/// collecting `//` comments on the side. Problems are reported as `dsl-syntax` and lexing
/// goes on, so one run reports every problem.
struct Lexer {
  private let bytes: [UInt8]
  private let file: FileID
  private var index = 0
  private var line = 1
  private var column = 1
  private(set) var tokens: [Token] = []
  private(set) var comments: [Comment] = []
  var bag = DiagnosticBag()

  init(bytes: [UInt8], file: FileID) {
    self.bytes = bytes
    self.file = file
  }

  /// The characters that end a bare word.
  static func isDelimiter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["),
      UInt8(ascii: "]"), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "\""), UInt8(ascii: "`"),
      UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
      true
    default: false
    }
  }

  mutating func run() {
    tokens.reserveCapacity(bytes.count / 4)
    while true {
      skipSpace()
      guard index < bytes.count else { break }
      let start = here
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
        comment(start)
      case UInt8(ascii: "{"): punct(.leftBrace, start)
      case UInt8(ascii: "}"): punct(.rightBrace, start)
      case UInt8(ascii: "("): punct(.leftParen, start)
      case UInt8(ascii: ")"): punct(.rightParen, start)
      case UInt8(ascii: "["): punct(.leftBracket, start)
      case UInt8(ascii: "]"): punct(.rightBracket, start)
      case UInt8(ascii: ","): punct(.comma, start)
      case UInt8(ascii: ":"): punct(.colon, start)
      case UInt8(ascii: "-") where peek(1) == UInt8(ascii: ">"):
        advance()
        advance()
        tokens.append(Token(kind: .arrow, span: span(start)))
      case UInt8(ascii: "\""), UInt8(ascii: "`"):
        quoted(start, closing: byte)
      default:
        bare(start)
      }
    }
    tokens.append(Token(kind: .end, span: span(here)))
  }

  // MARK: Tokens

  private mutating func punct(_ kind: Token.Kind, _ start: SourceLocation) {
    advance()
    tokens.append(Token(kind: kind, span: span(start)))
  }

  private mutating func comment(_ start: SourceLocation) {
    advance()
    advance()
    let from = index
    while index < bytes.count, bytes[index] != 0x0A { advance() }
    var to = index
    if to > from, bytes[to - 1] == 0x0D { to -= 1 }
    comments.append(Comment(String(decoding: bytes[from..<to], as: UTF8.self), at: span(start)))
  }

  private mutating func bare(_ start: SourceLocation) {
    let from = index
    while index < bytes.count, !Self.isDelimiter(bytes[index]) {
      if bytes[index] == UInt8(ascii: "-"), peek(1) == UInt8(ascii: ">") { break }
      if bytes[index] == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "/") { break }
      advance()
    }
    let text = String(decoding: bytes[from..<index], as: UTF8.self)
    let at = span(start)
    if !PlainScalar.isValid(text) && text != "null" {
      bag.report(
        .dslSyntax, "`\(text)` cannot be a bare value", at: at,
        notes: [Note("write it as a string, \"\(text)\"")])
    }
    tokens.append(Token(kind: .bare(text), span: at))
  }

  /// A `"string"` or a `` `backtick literal` ``, with the escapes `\"` (or `` \` ``), `\\`,
  /// `\n`, `\r`, `\t` and `\u{HEX}`.
  private mutating func quoted(_ start: SourceLocation, closing: UInt8) {
    advance()
    var text: [UInt8] = []
    var closed = false
    while index < bytes.count {
      let byte = bytes[index]
      if byte == closing {
        advance()
        closed = true
        break
      }
      if byte == 0x0A {
        break
      }
      if byte == UInt8(ascii: "\\") {
        let escapeStart = here
        advance()
        guard index < bytes.count else { break }
        let escaped = bytes[index]
        advance()
        switch escaped {
        case closing, UInt8(ascii: "\\"): text.append(escaped)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"): unicodeEscape(escapeStart, into: &text)
        default:
          bag.report(
            .dslSyntax, "unknown escape `\\\(Character(Unicode.Scalar(escaped)))`", at: span(escapeStart),
            notes: [Note("the escapes are \\\", \\\\, \\n, \\r, \\t and \\u{…}")])
        }
        continue
      }
      text.append(byte)
      advance()
    }
    let value = String(decoding: text, as: UTF8.self)
    let at = span(start)
    if !closed {
      bag.report(
        .dslSyntax, closing == UInt8(ascii: "\"") ? "unterminated string" : "unterminated backtick literal",
        at: SourceSpan(file: file, start: start, end: SourceLocation(line: start.line, column: start.column + 1)),
        notes: [Note("close it with \(closing == UInt8(ascii: "\"") ? "`\"`" : "a backtick") on the same line")])
    }
    if closing == UInt8(ascii: "`") {
      if !PlainScalar.isValid(value) {
        bag.report(
          .dslSyntax, "`\(value)` cannot be a bare value", at: at,
          notes: [Note("a backtick literal holds text YAML can read unquoted; write it as a string instead")])
      }
      tokens.append(Token(kind: .raw(value), span: at))
    } else {
      tokens.append(Token(kind: .string(value), span: at))
    }
  }

  private mutating func unicodeEscape(_ start: SourceLocation, into text: inout [UInt8]) {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else {
      bag.report(.dslSyntax, "expected `{` after `\\u`", at: span(start))
      return
    }
    advance()
    var value: UInt32 = 0
    var digits = 0
    while index < bytes.count, let digit = hexValue(bytes[index]), digits < 8 {
      value = value &* 16 &+ UInt32(digit)
      digits += 1
      advance()
    }
    guard index < bytes.count, bytes[index] == UInt8(ascii: "}"), digits > 0, let scalar = Unicode.Scalar(value) else {
      bag.report(.dslSyntax, "`\\u{…}` needs 1 to 8 hexadecimal digits naming a Unicode scalar", at: span(start))
      return
    }
    advance()
    text.append(contentsOf: Array(String(Character(scalar)).utf8))
  }

  private func hexValue(_ byte: UInt8) -> Int? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  // MARK: Position

  private var here: SourceLocation { SourceLocation(line: line, column: column) }

  private func span(_ start: SourceLocation) -> SourceSpan { SourceSpan(file: file, start: start, end: here) }

  private func peek(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

  private mutating func skipSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): advance()
      default: return
      }
    }
  }

  /// Moves past one byte, counting lines and character columns.
  private mutating func advance() {
    let byte = bytes[index]
    index += 1
    if byte == 0x0A {
      line += 1
      column = 1
    } else if byte & 0xC0 != 0x80 && byte != 0x0D {
      column += 1
    }
  }
}
