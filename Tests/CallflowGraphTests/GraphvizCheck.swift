import CallflowDriver
import Foundation
import Testing

/// Every DOT the tests produce goes through Graphviz's `dot`, which must accept it. In CI
/// (`CI` set, where `.ci/run` installs Graphviz) a missing `dot` is a failure; elsewhere the
/// check is skipped without it.
enum GraphvizCheck {
  static let dot = GraphRun.graphviz()

  /// The SVG `dot` makes of `text`, or `nil` when Graphviz is not installed here.
  @discardableResult
  static func accept(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
    guard let dot else {
      if ProcessInfo.processInfo.environment["CI"] != nil {
        Issue.record("Graphviz's dot is not installed; .ci/run installs it", sourceLocation: sourceLocation)
      }
      return nil
    }
    do {
      return String(decoding: try GraphRun.svg(text, graphviz: dot), as: UTF8.self)
    } catch {
      Issue.record("dot refused the diagram: \(error)", sourceLocation: sourceLocation)
      return nil
    }
  }
}
