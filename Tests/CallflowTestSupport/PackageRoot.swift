import Foundation

/// The package's root folder, found from this file's path, for tests that read the
/// repository's own files (samples, docs, grammar, schemas).
public let packageRoot: String = {
  var url = URL(fileURLWithPath: #filePath)
  for _ in 0..<3 { url.deleteLastPathComponent() }
  return url.path
}()
