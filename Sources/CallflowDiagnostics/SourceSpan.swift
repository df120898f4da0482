/// A position in a source file: 1-based line and 1-based column counted in characters
/// (Unicode scalars), as libyaml counts them.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
  // Stored in 32 bits each: spans are on every node of every tree.
  private var storedLine: UInt32
  private var storedColumn: UInt32

  public var line: Int {
    get { Int(storedLine) }
    set { storedLine = UInt32(clamping: newValue) }
  }

  public var column: Int {
    get { Int(storedColumn) }
    set { storedColumn = UInt32(clamping: newValue) }
  }

  public init(line: Int, column: Int) {
    storedLine = UInt32(clamping: line)
    storedColumn = UInt32(clamping: column)
  }

  public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    a.storedLine != b.storedLine ? a.storedLine < b.storedLine : a.storedColumn < b.storedColumn
  }

  public var description: String { "\(line):\(column)" }
}

/// A range of source text: from `start` up to, not including, `end`.
public struct SourceSpan: Hashable, Comparable, Sendable {
  public var file: FileID
  public var start: SourceLocation
  public var end: SourceLocation

  public init(file: FileID, start: SourceLocation, end: SourceLocation) {
    self.file = file
    self.start = start
    self.end = max(start, end)
  }

  /// An empty span at `location`.
  public init(file: FileID, at location: SourceLocation) {
    self.init(file: file, start: location, end: location)
  }

  /// The smallest span holding both spans (of one file).
  public func union(_ other: SourceSpan) -> SourceSpan {
    SourceSpan(file: file, start: min(start, other.start), end: max(end, other.end))
  }

  public static func < (a: SourceSpan, b: SourceSpan) -> Bool {
    if a.file != b.file { return a.file < b.file }
    if a.start != b.start { return a.start < b.start }
    return a.end < b.end
  }
}

/// A value together with the span it was written at.
public struct Located<Value: Sendable>: Sendable {
  public var value: Value
  public var span: SourceSpan

  public init(_ value: Value, at span: SourceSpan) {
    self.value = value
    self.span = span
  }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
