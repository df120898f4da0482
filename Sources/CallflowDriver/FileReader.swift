import CallflowDiagnostics
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why the inputs of a run cannot be used: the command itself cannot run (exit status 2).
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What went wrong, naming the path, with control characters escaped (a path may hold
  /// any byte).
  public var description: String

  /// A path that cannot be read, and the system's reason.
  public init(path: String, reason: String) {
    description = Escaping.visible("cannot read '\(path)': \(reason)")
  }

  /// Any other problem with the inputs.
  public init(_ message: String) { description = Escaping.visible(message) }
}

/// Reads whole files with POSIX calls, so a failure carries the system's reason.
enum FileReader {
  /// Files larger than this are not parsed; they get a diagnostic instead.
  static let maxFileSize = 256 << 20

  static func read(_ path: String) throws(InputError) -> [UInt8] {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw InputError(path: path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw InputError(path: path, reason: String(cString: strerror(errno))) }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw InputError(path: path, reason: "is a directory") }
    let size = Int(info.st_size)
    if size > maxFileSize { return [] }
    return try readAll(fd, path: path, hint: size)
  }

  /// The first `count` bytes of the file (fewer when it is shorter), or nil when it cannot
  /// be read.
  static func head(_ path: String, count: Int) -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
      filled = 0
      guard let base = buffer.baseAddress else { return }
      while filled < buffer.count {
        let n = systemRead(fd, base + filled, buffer.count - filled)
        if n < 0 && errno == EINTR { continue }
        if n < 0 { failed = true }
        if n <= 0 { return }
        filled += n
      }
    }
    return failed ? nil : bytes
  }

  /// Whether the file is larger than ``maxFileSize``.
  static func isTooLarge(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && Int(info.st_size) > maxFileSize
  }

  static func readStandardInput() throws(InputError) -> [UInt8] {
    try readAll(STDIN_FILENO, path: "-", hint: 1 << 16)
  }

  private static func readAll(_ fd: Int32, path: String, hint: Int) throws(InputError) -> [UInt8] {
    // Read straight into the array, one byte more than the size expected so that the end is
    // seen; a file that grew (or standard input) goes on in chunks.
    var failure: Int32 = 0
    var bytes = [UInt8](unsafeUninitializedCapacity: max(hint, 0) + 1) { buffer, count in
      count = 0
      guard let base = buffer.baseAddress else { return }
      while count < buffer.count {
        let n = systemRead(fd, base + count, buffer.count - count)
        if n < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        if n == 0 { return }
        count += n
      }
    }
    if failure != 0 { throw InputError(path: path, reason: String(cString: strerror(failure))) }
    if bytes.count <= hint { return bytes }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw InputError(path: path, reason: String(cString: strerror(errno)))
      }
      if n == 0 { break }
      bytes.append(contentsOf: chunk[0..<n])
      if bytes.count > maxFileSize {
        throw InputError(path: path, reason: "larger than \(maxFileSize >> 20) MiB")
      }
    }
    return bytes
  }
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}
