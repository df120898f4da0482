import CallflowDiagnostics
import CallflowSyntax
import Foundation

/// Converting a flow file between YAML and the DSL, and formatting DSL canonically.
public enum Conversion {
  /// The result of reading one file for conversion.
  public struct Result: Sendable {
    public var sources: SourceMap
    /// The converted text, or `nil` when the file has syntax errors (see `diagnostics`).
    public var text: String?
    public var diagnostics: [Diagnostic]
  }

  /// The flow of `path` (or `-`, with `bytes`) written in `target`. Files with errors in
  /// their syntax are not converted.
  public static func convert(path: String, bytes: [UInt8], from: SourceForm, to target: SourceForm) -> Result {
    var sources = SourceMap()
    let source = SourceFile(path: path == "-" ? "<stdin>" : path, bytes: bytes)
    let id = sources.add(source)
    let (flow, diagnostics) = from.parse(source, file: id)
    let sorted = diagnostics.sorted(by: Diagnostic.printOrder(in: sources))
    guard let flow, !diagnostics.contains(where: { $0.severity == .error }) else {
      return Result(sources: sources, text: nil, diagnostics: sorted)
    }
    // What Amazon Connect knows of an imported flow (its identifiers and positions) is kept
    // in YAML only: converting would lose it, and the export would no longer give it back.
    if target == .dsl, let connect = flow.connect {
      let lost = Diagnostic(
        .invalidValue, "this flow was imported from Amazon Connect: the DSL has no place for its `connect:` record", at: connect.span,
        notes: [Note("keep the flow in YAML, so that `callflow export connect` gives Connect back its identifiers and positions")])
      return Result(sources: sources, text: nil, diagnostics: sorted + [lost])
    }
    return Result(sources: sources, text: target.print(flow), diagnostics: sorted)
  }

  /// Whether `bytes` end their lines with CR LF: their first line break is one.
  public static func usesCRLF(_ bytes: [UInt8]) -> Bool {
    guard let lf = bytes.firstIndex(of: 0x0A) else { return false }
    return lf > 0 && bytes[lf - 1] == 0x0D
  }

  /// `text`, whose lines end with LF, with each line ending in CR LF.
  public static func withCRLF(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + text.utf8.count / 16)
    for b in text.utf8 {
      if b == 0x0A { bytes.append(0x0D) }
      bytes.append(b)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Reads a file, or standard input for `-`.
  public static func read(_ path: String) throws(InputError) -> [UInt8] {
    path == "-" ? try FileReader.readStandardInput() : try FileReader.read(path)
  }

  /// Writes `text` to `path` atomically: to a temporary file beside it, then renamed over it,
  /// so a reader never sees half a file and a failure leaves the old file as it was.
  public static func writeAtomically(_ text: String, to path: String) throws(InputError) {
    try writeAtomically(Array(text.utf8), to: path)
  }

  /// Writes `bytes` to `path` atomically, as ``writeAtomically(_:to:)`` writes text. A
  /// symbolic link is written through: its target gets the bytes and the link stays. A file
  /// that was there keeps its permissions, and its owner and group where the user may give
  /// them.
  public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(InputError) {
    try writeAtomically(parts: [bytes], to: path)
  }

  /// Writes the concatenation of `parts` to `path` atomically, as
  /// ``writeAtomically(_:to:)-([UInt8],_)`` writes bytes, without joining them first.
  public static func writeAtomically(parts: [[UInt8]], to path: String) throws(InputError) {
    let target = linkTarget(path)
    let directory = (target as NSString).deletingLastPathComponent
    let temporary = (directory.isEmpty ? "." : directory) + "/.\((target as NSString).lastPathComponent).\(UUID().uuidString).tmp"
    var old = stat()
    let existed = stat(target, &old) == 0
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, existed ? old.st_mode & 0o7777 : 0o666)
    guard fd >= 0 else {
      let reason = errno == ENOENT ? "there is no folder '\(directory.isEmpty ? "." : directory)' (make it first)" : String(cString: strerror(errno))
      throw InputError("cannot write '\(path)': \(reason)")
    }
    var failure: Int32 = 0
    for bytes in parts where failure == 0 { failure = writeAll(fd, bytes) }
    if failure == 0, existed {
      // The mode given to open is masked by the umask: set it as it was. The owner and group
      // only the superuser (or an owner keeping its own) may give back.
      if fchmod(fd, old.st_mode & 0o7777) != 0 { failure = errno }
      _ = fchown(fd, old.st_uid, old.st_gid)
    }
    if close(fd) != 0, failure == 0 { failure = errno }
    if failure == 0, rename(temporary, target) != 0 { failure = errno }
    if failure != 0 {
      unlink(temporary)
      throw InputError("cannot write '\(path)': \(String(cString: strerror(failure)))")
    }
  }

  /// Writes all of `bytes` to `fd`; the `errno` of a failure, or 0.
  public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32 {
    bytes.withUnsafeBytes { buffer in
      var done = 0
      while done < buffer.count, let base = buffer.baseAddress {
        let n = write(fd, base + done, buffer.count - done)
        if n < 0 {
          if errno == EINTR { continue }
          return errno
        }
        done += n
      }
      return 0
    }
  }

  /// The file a path names once symbolic links are followed (to a file that may not exist
  /// yet); the path itself when it is no link. Links are followed 32 deep at most.
  static func linkTarget(_ path: String) -> String {
    var current = path
    for _ in 0..<32 {
      guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
      current = destination.hasPrefix("/") ? destination : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
    }
    return current
  }
}
