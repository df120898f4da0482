import Foundation

/// The package's root folder, found from this file's path, for tests that read the
/// repository's own files (samples, docs, grammar, schemas).
public let packageRoot: String = {
  var url = URL(fileURLWithPath: #filePath)
  for _ in 0..<3 { url.deleteLastPathComponent() }
  return url.path
}()

/// The built `callflow` executable beside the test bundle, for tests that run it as users do.
public let callflowExecutable: String = {
  let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
  var dir = me.deletingLastPathComponent()
  if dir.lastPathComponent == "MacOS" || dir.pathExtension == "xctest" { dir = dir.deletingLastPathComponent() }
  return dir.appendingPathComponent("callflow").path
}()
