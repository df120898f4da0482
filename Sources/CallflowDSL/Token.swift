import CallflowDiagnostics

/// A token of the DSL.
struct Token: Sendable {
  enum Kind: Equatable, Sendable {
    /// A bare word: a name, number, duration, phone number or attribute path.
    case bare(String)
    /// A quoted string, escapes resolved.
    case string(String)
    /// A backtick literal: a bare value that holds spaces or delimiters.
    case raw(String)
    case leftBrace, rightBrace, leftParen, rightParen, leftBracket, rightBracket
    case comma, colon, arrow
    case end
  }

  var kind: Kind
  var span: SourceSpan

  /// How the token is named in "expected …, found …" messages.
  var described: String {
    switch kind {
    case .bare(let text): "`\(text)`"
    case .string(let text): "the string \"\(text.count > 30 ? String(text.prefix(30)) + "…" : text)\""
    case .raw(let text): "`\(text)`"
    case .leftBrace: "`{`"
    case .rightBrace: "`}`"
    case .leftParen: "`(`"
    case .rightParen: "`)`"
    case .leftBracket: "`[`"
    case .rightBracket: "`]`"
    case .comma: "`,`"
    case .colon: "`:`"
    case .arrow: "`->`"
    case .end: "the end of the file"
    }
  }

  /// The text of a token that can name something (a bare word, a string, a backtick literal).
  var name: String? {
    switch kind {
    case .bare(let text), .string(let text), .raw(let text): text
    default: nil
    }
  }
}
