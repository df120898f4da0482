import Foundation

/// A project folder written to a fresh temporary directory, removed by ``remove()``.
public struct TemporaryProject {
  public let root: String

  public init(_ files: [String: String]) throws {
    root = NSTemporaryDirectory() + "callflow-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    for (path, text) in files {
      let full = (root as NSString).appendingPathComponent(path)
      try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }
  }

  public func path(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }

  public func remove() { try? FileManager.default.removeItem(atPath: root) }
}
