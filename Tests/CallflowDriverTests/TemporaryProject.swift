import CallflowTestSupport
import Foundation

/// A project folder written to a fresh temporary directory, removed by ``remove()``.
struct TemporaryProject {
  let root: String

  init(_ files: [String: String]) throws {
    root = NSTemporaryDirectory() + "callflow-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    for (path, text) in files {
      let full = (root as NSString).appendingPathComponent(path)
      try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }
  }

  func path(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }

  func remove() { try? FileManager.default.removeItem(atPath: root) }
}


let center = testCenter()

let mainFlow = """
  flow: main
  type: inbound
  start: hello
  on-error: bye
  blocks:
    hello:
      transfer-to-queue: ${QUEUE}
      on: {at-capacity: bye}
    bye:
      disconnect: {}

  """
