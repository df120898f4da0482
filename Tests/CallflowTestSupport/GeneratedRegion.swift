import Foundation
import Testing

/// Compares (or, with CALLFLOW_UPDATE_DOCS=1, rewrites) the region between
/// `<!-- BEGIN GENERATED: name ... -->` and `<!-- END GENERATED: name -->` of a file of the package.
public func checkGeneratedRegion(file: String, name: String, content: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
  let url = URL(fileURLWithPath: packageRoot).appendingPathComponent(file)
  let text = try String(contentsOf: url, encoding: .utf8)
  let begin = try #require(text.range(of: "<!-- BEGIN GENERATED: \(name)"), sourceLocation: sourceLocation)
  let beginLineEnd = try #require(text[begin.upperBound...].firstIndex(of: "\n"), sourceLocation: sourceLocation)
  let end = try #require(text.range(of: "<!-- END GENERATED: \(name) -->"), sourceLocation: sourceLocation)
  let current = String(text[text.index(after: beginLineEnd)..<end.lowerBound])
  let wanted = "\n" + content + "\n"
  if ProcessInfo.processInfo.environment["CALLFLOW_UPDATE_DOCS"] == "1" {
    let updated = String(text[..<text.index(after: beginLineEnd)]) + wanted + String(text[end.lowerBound...])
    try updated.write(to: url, atomically: true, encoding: .utf8)
    return
  }
  #expect(current == wanted, "\(file) is out of date: run CALLFLOW_UPDATE_DOCS=1 swift test", sourceLocation: sourceLocation)
}

