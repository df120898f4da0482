import CallflowChecker
import CallflowConnect
import CallflowDiagnostics
import CallflowSyntax
import Foundation

/// What one check of a project keeps for the next check of the same project, with the same
/// options (an editor's, where each change checks the project again): each flow file's
/// reading, reused while its bytes and its place in the run are the same, and its checked
/// flow, reused while the project's names (its flows' names and types, its center) are also
/// the same. The project-wide rules run each time, on the flows' summaries.
public final class CheckCache: @unchecked Sendable {
  struct Reading {
    var bytes: [UInt8]
    var id: FileID
    var value: (SourceFile, FlowSyntax?, [Diagnostic], [ConnectAction])
  }

  /// `center.yaml` as read last time.
  struct CenterReading {
    var bytes: [UInt8]
    var id: FileID
    var value: (center: Center?, diagnostics: [Diagnostic])
  }

  struct Checking {
    var bytes: [UInt8]
    var id: FileID
    var names: String
    /// Which `center.yaml` the flow was checked with (``centerVersion(_:)``).
    var center: Int
    var value: (flow: CheckedFlow, diagnostics: [Diagnostic])
    /// What the project rules read of the flow (``projectFacts(_:)``).
    var facts: String
  }

  /// The project rules' last run: what they read, and what they found.
  struct ProjectRun {
    var paths: [String]
    var names: String
    var center: Int
    var facts: [String]
    var diagnostics: [Diagnostic]
  }

  private var lastRun: ProjectRun?
  /// Whether the last check took the project rules' findings from the run before.
  public private(set) var lastReusedProjectFindings = false

  /// The last run's findings, when `run` read the same as it.
  func projectFindings(for run: ProjectRun) -> [Diagnostic]? {
    lock.withLock {
      guard let last = lastRun, last.paths == run.paths, last.names == run.names, last.center == run.center, last.facts == run.facts else {
        lastReusedProjectFindings = false
        return nil
      }
      lastReusedProjectFindings = true
      return last.diagnostics
    }
  }

  func keep(run: ProjectRun, findings: [Diagnostic]) {
    var run = run
    run.diagnostics = findings
    lock.withLock { lastRun = run }
  }

  /// What the project-wide rules read of a checked flow, written out: its name, type, the
  /// flows it refers to, its summary, its declared name and whether it came from Connect.
  /// Two flows that write the same give the project rules the same.
  static func projectFacts(_ flow: CheckedFlow) -> String {
    // A set is written in an order of its own: its items go sorted, beside it.
    var summary = flow.summary
    let written = summary.writtenAttributes.sorted()
    summary.writtenAttributes = []
    return String(reflecting: (flow.name, flow.type, flow.flowReferences, summary, written, flow.syntax.name, flow.syntax.isFromConnect))
  }

  /// A file's bytes as read from disk, with what `stat` said of it then.
  struct OnDisk {
    var device: UInt64
    var inode: UInt64
    var size: Int
    var modified: timespec
    var changed: timespec
    var bytes: [UInt8]
  }

  private var onDisk: [String: OnDisk] = [:]
  private var centerReading: CenterReading?
  /// Each flow file's suppressions, by path, with the bytes they were read from.
  private var suppressions: [String: (bytes: [UInt8], id: FileID, value: [Suppression])] = [:]
  private let lock = NSLock()
  private var readings: [String: Reading] = [:]
  private var checkings: [String: Checking] = [:]
  /// How many flow files the last check read and checked again, not from the cache.
  public var lastRead: Int { lock.withLock { counts.read } }
  public var lastChecked: Int { lock.withLock { counts.checked } }
  private var counts = (read: 0, checked: 0)

  public init() {}

  func reading(_ path: String, bytes: [UInt8], id: FileID) -> (SourceFile, FlowSyntax?, [Diagnostic], [ConnectAction])? {
    lock.withLock {
      guard let kept = readings[path], kept.id == id, Self.same(kept.bytes, bytes) else {
        counts.read += 1
        return nil
      }
      return kept.value
    }
  }

  func checking(_ path: String, bytes: [UInt8], id: FileID, names: String, center: Int) -> (value: (flow: CheckedFlow, diagnostics: [Diagnostic]), facts: String)? {
    lock.withLock {
      guard let kept = checkings[path], kept.id == id, kept.names == names, kept.center == center, Self.same(kept.bytes, bytes) else {
        counts.checked += 1
        return nil
      }
      return (kept.value, kept.facts)
    }
  }

  /// The bytes of file `path`: as read last time while `stat` says the same of it (device,
  /// inode, size, modification and change times), else read now.
  func bytes(ofFile path: String) throws(InputError) -> [UInt8] {
    var info = stat()
    guard stat(path, &info) == 0 else { return try FileReader.read(path) }
    let kept = lock.withLock { onDisk[path] }
    if let kept, kept.device == UInt64(info.st_dev), kept.inode == UInt64(info.st_ino), kept.size == Int(info.st_size),
      kept.modified.tv_sec == info.st_mtim.tv_sec, kept.modified.tv_nsec == info.st_mtim.tv_nsec,
      kept.changed.tv_sec == info.st_ctim.tv_sec, kept.changed.tv_nsec == info.st_ctim.tv_nsec
    {
      return kept.bytes
    }
    let bytes = try FileReader.read(path)
    let entry = OnDisk(
      device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int(info.st_size), modified: info.st_mtim, changed: info.st_ctim, bytes: bytes)
    lock.withLock { onDisk[path] = entry }
    return bytes
  }

  /// A number for the text of `center.yaml` (`nil`: none), the same while the text is: the
  /// flows' checks are compared by it, not by the text.
  func centerVersion(_ bytes: [UInt8]?) -> Int {
    lock.withLock {
      if !Self.same(lastCenter.bytes, bytes) { lastCenter = (bytes, lastCenter.version + 1) }
      return lastCenter.version
    }
  }

  private var lastCenter: (bytes: [UInt8]?, version: Int) = (nil, 0)

  /// `center.yaml` read from `bytes` as file `id`, by `read` unless it was read so last time.
  func center(bytes: [UInt8], id: FileID, read: () -> (center: Center?, diagnostics: [Diagnostic])) -> (center: Center?, diagnostics: [Diagnostic]) {
    if let kept = lock.withLock({ centerReading }), kept.id == id, Self.same(kept.bytes, bytes) { return kept.value }
    let value = read()
    lock.withLock { centerReading = CenterReading(bytes: bytes, id: id, value: value) }
    return value
  }

  /// The suppressions of flow file `path` (its syntax `flow`, read from `bytes`).
  func suppressions(_ path: String, bytes: [UInt8], flow: FlowSyntax) -> [Suppression] {
    if let kept = lock.withLock({ suppressions[path] }), kept.id == flow.file, Self.same(kept.bytes, bytes) { return kept.value }
    let value = flow.allComments.compactMap(Suppression.init)
    lock.withLock { suppressions[path] = (bytes, flow.file, value) }
    return value
  }

  /// Starts counting what a check does not find here.
  func begin() { lock.withLock { counts = (0, 0) } }

  /// Keeps this check's readings and checked flows, and forgets files no longer in it.
  func keep(readings new: [String: Reading], checkings newChecks: [String: Checking]) {
    lock.withLock {
      readings = new
      checkings = newChecks
    }
  }

  /// Whether two texts are the same bytes (compared a word at a time, not byte by byte).
  static func same(_ a: [UInt8]?, _ b: [UInt8]?) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    guard a.count == b.count else { return false }
    // The same storage (bytes kept from disk, handed back) is the same text.
    if a.withUnsafeBufferPointer({ $0.baseAddress }) == b.withUnsafeBufferPointer({ $0.baseAddress }) { return true }
    return a.withUnsafeBytes { x in
      b.withUnsafeBytes { y in
        guard let p = x.baseAddress, let q = y.baseAddress else { return true }
        return memcmp(p, q, x.count) == 0
      }
    }
  }

  /// A fingerprint of what a flow's check may read of the rest of the project.
  static func names(_ index: ProjectIndex) -> String {
    func place(_ span: SourceSpan?) -> String {
      guard let span else { return "-" }
      return "\(span.file.rawValue):\(span.start.line):\(span.start.column)-\(span.end.line):\(span.end.column)"
    }
    var parts = index.flows.values.sorted { $0.name.value < $1.name.value }.map { entry in
      "\(entry.name.value)@\(place(entry.name.span))|\(entry.type?.rawValue ?? "")@\(place(entry.typeSpan))"
    }
    parts += index.flowsByConnectID.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    parts.append("all:\(index.knowsAllFlows) sought:\(index.centerSought ?? "")")
    return parts.joined(separator: "\n")
  }
}
