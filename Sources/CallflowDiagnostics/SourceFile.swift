/// Identifies one source file within a ``SourceMap``.
public struct FileID: Hashable, Comparable, Sendable {
  public let rawValue: UInt32
  public init(_ rawValue: UInt32) { self.rawValue = rawValue }
  public static func < (a: FileID, b: FileID) -> Bool { a.rawValue < b.rawValue }
}

/// The bytes of one input file and the path it is shown under.
public struct SourceFile: Sendable {
  /// The path as printed in diagnostics (relative as the user gave it, or `<stdin>`).
  public let path: String
  /// The file's bytes, exactly as read.
  public let bytes: [UInt8]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }

  public init(path: String, text: String) {
    self.init(path: path, bytes: Array(text.utf8))
  }

  /// The text of line `line` (1-based) without its line break, invalid UTF-8 repaired.
  public func lineText(_ line: Int) -> String? {
    guard line >= 1 else { return nil }
    var current = 1
    var start = 0
    var i = 0
    let n = bytes.count
    while current < line {
      guard let nl = nextLineBreak(from: i) else { return nil }
      i = nl.next
      current += 1
      start = i
    }
    if start > n { return nil }
    let end = nextLineBreak(from: start)?.at ?? n
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  /// The byte offset of the first byte of a line break at or after `offset`, and the offset after it.
  private func nextLineBreak(from offset: Int) -> (at: Int, next: Int)? {
    var i = offset
    while i < bytes.count {
      switch bytes[i] {
      case 0x0A: return (i, i + 1)
      case 0x0D: return (i, i + 1 < bytes.count && bytes[i + 1] == 0x0A ? i + 2 : i + 1)
      default: i += 1
      }
    }
    return nil
  }

  /// The 1-based line and character column of a byte offset.
  public func location(ofByteOffset offset: Int) -> SourceLocation {
    var line = 1
    var column = 1
    var i = 0
    let end = min(offset, bytes.count)
    while i < end {
      let b = bytes[i]
      if b == 0x0A || (b == 0x0D && !(i + 1 < bytes.count && bytes[i + 1] == 0x0A)) {
        line += 1
        column = 1
      } else if b & 0xC0 != 0x80 && b != 0x0D {
        column += 1
      }
      i += 1
    }
    return SourceLocation(line: line, column: column)
  }
}

/// Every source file of one run, by ``FileID``.
public struct SourceMap: Sendable {
  public private(set) var files: [SourceFile] = []

  public init() {}

  /// Adds a file and returns its identifier.
  @discardableResult
  public mutating func add(_ file: SourceFile) -> FileID {
    files.append(file)
    return FileID(UInt32(files.count - 1))
  }

  public subscript(id: FileID) -> SourceFile? {
    let i = Int(id.rawValue)
    return i < files.count ? files[i] : nil
  }

  /// The display path of a file, or `<unknown>`.
  public func path(_ id: FileID) -> String { self[id]?.path ?? "<unknown>" }
}
