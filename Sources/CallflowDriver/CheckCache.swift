import CallflowChecker
import CallflowConnect
import CallflowDiagnostics
import CallflowSyntax
import Foundation
import Synchronization

/// What one check of a project keeps for the next check of the same project, with the same
/// options (an editor's, where each change checks the project again): each flow file's
/// reading, reused while its bytes and its place in the run are the same, and its checked
/// flow, reused while the project's names (its flows' names and types, its center) are also
/// the same. The project-wide rules run each time, on the flows' summaries.
///
/// One check at a time uses a cache: what it kept is read without locks by the check's
/// parallel tasks, and replaced once they are done.
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
    /// Which names the flow was checked with (``namesVersion(_:)``).
    var names: Int
    /// Which `center.yaml` the flow was checked with (``centerVersion(_:)``).
    var center: Int
    var value: (flow: CheckedFlow, diagnostics: [Diagnostic])
    /// What the project rules read of the flow (``ProjectFacts``).
    var facts: ProjectFacts
  }

  /// The project rules' last run: what they read, and what they found.
  struct ProjectRun {
    var paths: [String]
    var names: Int
    var center: Int
    var facts: [ProjectFacts]
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

  /// What the project-wide rules read of a checked flow: its name, type, the flows it refers
  /// to, its summary, its declared name and whether it came from Connect. Two flows with the
  /// same facts give the project rules the same. Kept behind one reference: a kept flow's
  /// facts are the same object as last time, and compare so at once.
  final class ProjectFacts: Equatable, Sendable {
    let name: String?
    let type: FlowType?
    let flowReferences: [Located<String>]
    let summary: CheckedFlow.Summary
    let declaredName: Located<String>?
    let isFromConnect: Bool

    static func == (a: ProjectFacts, b: ProjectFacts) -> Bool {
      a === b
        || (a.name == b.name && a.type == b.type && a.flowReferences == b.flowReferences && a.summary == b.summary
          && a.declaredName == b.declaredName && a.isFromConnect == b.isFromConnect)
    }

    init(_ flow: CheckedFlow) {
      name = flow.name
      type = flow.type
      flowReferences = flow.flowReferences
      summary = flow.summary
      declaredName = flow.syntax.name
      isFromConnect = flow.syntax.isFromConnect
    }
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

  /// Files as read from disk by earlier checks; read without a lock while a check runs.
  private var onDisk: [String: OnDisk] = [:]
  /// Files read from disk by this check, added to ``onDisk`` when it ends.
  private var newOnDisk: [String: OnDisk] = [:]
  private var centerReading: CenterReading?
  /// Each flow file's suppressions, by path, with the bytes they were read from.
  private var suppressions: [String: (bytes: [UInt8], id: FileID, value: [Suppression])] = [:]
  private let lock = NSLock()
  private var readings: [String: Reading] = [:]
  private var checkings: [String: Checking] = [:]
  /// How many flow files the last check read and checked again, not from the cache.
  public var lastRead: Int { readCount.load(ordering: .relaxed) }
  public var lastChecked: Int { checkedCount.load(ordering: .relaxed) }
  private let readCount = Atomic<Int>(0)
  private let checkedCount = Atomic<Int>(0)

  public init() {}

  func reading(_ path: String, bytes: [UInt8], id: FileID) -> (SourceFile, FlowSyntax?, [Diagnostic], [ConnectAction])? {
    guard let kept = readings[path], kept.id == id, Self.same(kept.bytes, bytes) else {
      readCount.add(1, ordering: .relaxed)
      return nil
    }
    return kept.value
  }

  func checking(_ path: String, bytes: [UInt8], id: FileID, names: Int, center: Int) -> (value: (flow: CheckedFlow, diagnostics: [Diagnostic]), facts: ProjectFacts)? {
    guard let kept = checkings[path], kept.id == id, kept.names == names, kept.center == center, Self.same(kept.bytes, bytes) else {
      checkedCount.add(1, ordering: .relaxed)
      return nil
    }
    return (kept.value, kept.facts)
  }

  /// The bytes of file `path`: as read last time while `stat` says the same of it (device,
  /// inode, size, modification and change times), else read now.
  func bytes(ofFile path: String) throws(InputError) -> [UInt8] {
    var info = stat()
    guard stat(path, &info) == 0 else { return try FileReader.read(path) }
    if let kept = onDisk[path], kept.device == UInt64(info.st_dev), kept.inode == UInt64(info.st_ino), kept.size == Int(info.st_size),
      kept.modified.tv_sec == info.st_mtim.tv_sec, kept.modified.tv_nsec == info.st_mtim.tv_nsec,
      kept.changed.tv_sec == info.st_ctim.tv_sec, kept.changed.tv_nsec == info.st_ctim.tv_nsec
    {
      return kept.bytes
    }
    let bytes = try FileReader.read(path)
    let entry = OnDisk(
      device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int(info.st_size), modified: info.st_mtim, changed: info.st_ctim, bytes: bytes)
    lock.withLock { newOnDisk[path] = entry }
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

  /// A number for the project's names (``names(_:)``), the same while they are: each flow's
  /// check is compared by it, not by the text, which is long in a large project.
  func namesVersion(_ names: String) -> Int {
    lock.withLock {
      if lastNames.text != names { lastNames = (names, lastNames.version + 1) }
      return lastNames.version
    }
  }

  private var lastNames: (text: String, version: Int) = ("", 0)

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
  func begin() {
    readCount.store(0, ordering: .relaxed)
    checkedCount.store(0, ordering: .relaxed)
  }

  /// Keeps this check's readings and checked flows, and forgets files no longer in it.
  func keep(readings new: [String: Reading], checkings newChecks: [String: Checking]) {
    lock.withLock {
      readings = new
      checkings = newChecks
      onDisk.merge(newOnDisk) { $1 }
      newOnDisk = [:]
      if onDisk.count > new.count { onDisk = onDisk.filter { new[$0.key] != nil } }
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
