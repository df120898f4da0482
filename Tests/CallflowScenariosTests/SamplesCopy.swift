import CallflowTestSupport
import Foundation

/// A copy of the Samples project in a fresh temporary folder, with extra files (scenarios,
/// models, flows), so that tests run scenarios against the sample flows.
struct SamplesCopy {
  let root: String

  init(adding files: [String: String] = [:], removing: [String] = []) throws {
    root = NSTemporaryDirectory() + "callflow-sim-" + UUID().uuidString
    let fm = FileManager.default
    try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
    try fm.copyItem(atPath: packageRoot + "/Samples/center.yaml", toPath: root + "/center.yaml")
    try fm.copyItem(atPath: packageRoot + "/Samples/flows", toPath: root + "/flows")
    for path in removing { try fm.removeItem(atPath: root + "/" + path) }
    for (path, text) in files {
      let full = root + "/" + path
      try fm.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }
  }

  func path(_ relative: String) -> String { root + "/" + relative }

  func remove() { try? FileManager.default.removeItem(atPath: root) }
}
