/// Reads typed values from ``SyntaxValue``s, with messages in the user's words.
public enum ScalarTyping {
  /// Text: any scalar. Nothing, lists and mappings are not text.
  public static func text(_ value: SyntaxValue) -> Result<String, ValueError> {
    switch value.kind {
    case .scalar(let text, _): .success(text)
    default: .failure(ValueError("expected text, found \(value.kindDescription)"))
    }
  }

  /// A whole number, written bare.
  public static func integer(_ value: SyntaxValue) -> Result<Int, ValueError> {
    guard case .scalar(let text, let form) = value.kind else {
      return .failure(ValueError("expected a whole number, found \(value.kindDescription)"))
    }
    guard form == .bare else {
      return .failure(ValueError("expected a whole number, found the quoted text \"\(text)\" (remove the quotes)"))
    }
    guard let n = Int(text) else {
      if Double(text) != nil { return .failure(ValueError("expected a whole number, found `\(text)`")) }
      return .failure(ValueError("expected a whole number, found `\(text)`"))
    }
    return .success(n)
  }

  /// A duration in seconds, such as `99s` or `1m30s`.
  public static func duration(_ value: SyntaxValue) -> Result<Int, ValueError> {
    guard case .scalar(let text, _) = value.kind else {
      return .failure(ValueError("expected a duration such as `30s` or `5m`, found \(value.kindDescription)"))
    }
    if Int(text) != nil {
      return .failure(ValueError("`\(text)` has no unit; write `\(text)s` for seconds or `\(text)m` for minutes"))
    }
    return DurationSyntax.parse(text).mapError { ValueError("`\(text)` is not a duration: \($0.message)") }
  }

  /// A whole number in `range`. The failure's message is complete: `what` and the problem for
  /// a value that is not a number, the range for one outside it.
  public static func integer(_ value: SyntaxValue, in range: ClosedRange<Int>, what: @autoclosure () -> String)
    -> Result<Int, ValueError>
  {
    ranged(integer(value), range, what, format: { "\($0)" })
  }

  /// A duration in `range` seconds, its failure's message complete as for ``integer(_:in:what:)``.
  public static func duration(_ value: SyntaxValue, in range: ClosedRange<Int>, what: @autoclosure () -> String)
    -> Result<Int, ValueError>
  {
    ranged(duration(value), range, what, format: DurationSyntax.format)
  }

  private static func ranged(
    _ result: Result<Int, ValueError>, _ range: ClosedRange<Int>, _ what: () -> String, format: (Int) -> String
  ) -> Result<Int, ValueError> {
    switch result {
    case .failure(let problem): return .failure(ValueError("\(what()): \(problem.message)"))
    case .success(let n):
      if let problem = check(n, in: range, what: what(), format: format) { return .failure(problem) }
      return .success(n)
    }
  }

  /// Whether `range` holds `n`, or the message for a value out of range.
  public static func check(
    _ n: Int, in range: ClosedRange<Int>, what describe: @autoclosure () -> String, format: (Int) -> String = { "\($0)" }
  ) -> ValueError? {
    if range.contains(n) { return nil }
    let what = describe()
    if n < range.lowerBound { return ValueError("\(what) of \(format(n)) is below the minimum of \(format(range.lowerBound))") }
    return ValueError("\(what) of \(format(n)) is above the maximum of \(format(range.upperBound))")
  }
}
