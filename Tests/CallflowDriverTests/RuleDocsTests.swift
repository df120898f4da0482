import CallflowDiagnostics
import CallflowDriver
import CallflowRules
import CallflowTestSupport
import Foundation
import Testing

/// Every rule has a page, `Docs/rules/<rule>.md`, with a failing and a passing example. The
/// examples are projects: each fenced block whose first line is `# file: PATH` (YAML) or
/// `// file: PATH` (DSL) is a file. The failing example must produce that rule and no other,
/// exactly as the page's `text` block shows; the passing example must produce nothing.
/// `CALLFLOW_UPDATE_DOCS=1 swift test` rewrites the output blocks, the pages' severity
/// lines; `callflow explain` prints the pages themselves, embedded in the binary.
@Suite struct RuleDocsTests {
  static let updating = ProcessInfo.processInfo.environment["CALLFLOW_UPDATE_DOCS"] == "1"

  @Test(arguments: RuleCatalog.ids)
  func pageExamplesBehaveAsDocumented(_ id: String) throws {
    let rule = try #require(RuleCatalog.named(id))
    let url = URL(fileURLWithPath: packageRoot).appendingPathComponent("Docs/rules/\(id).md")
    var page = try RulePage(text: String(contentsOf: url, encoding: .utf8))
    #expect(page.title == "# `\(id)`", "the page's title names the rule")
    #expect(page.headerLine == rule.headerLine, "\(id).md: the severity line must be `\(rule.headerLine)`")
    #expect(page.has("Why it matters"), "\(id).md says why the rule matters")

    let failing = try #require(page.files(in: "Failing example"), "\(id).md has a failing example").nonEmpty()
    let output = try run(failing)
    #expect(!output.diagnostics.isEmpty, "the failing example of \(id) produces nothing")
    for diagnostic in output.diagnostics {
      #expect(diagnostic.rule == id, "the failing example of \(id) also produces \(diagnostic.rule): \(diagnostic.message)")
    }
    let passing = try #require(page.files(in: "Passing example"), "\(id).md has a passing example").nonEmpty()
    let clean = try run(passing)
    #expect(clean.diagnostics.isEmpty, "the passing example of \(id) produces \(clean.text)")

    if Self.updating {
      page.headerLine = rule.headerLine
      page.setOutput(output.text, in: "Failing example")
      try page.text.write(to: url, atomically: true, encoding: .utf8)
    } else {
      #expect(page.output(in: "Failing example") == output.text, "\(id).md shows other diagnostics: run CALLFLOW_UPDATE_DOCS=1 swift test")
    }
  }

  @Test func everyPageIsARule() throws {
    let folder = URL(fileURLWithPath: packageRoot).appendingPathComponent("Docs/rules")
    let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
    #expect(Set(pages.map { String($0.dropLast(3)) }) == Set(RuleCatalog.ids))
  }

  /// `callflow explain` prints the pages embedded in the binary as resources: they must be
  /// the pages of Docs/rules, and each rule type carries its page's examples.
  @Test func explainPrintsThePages() throws {
    let folder = URL(fileURLWithPath: packageRoot).appendingPathComponent("Docs/rules")
    for rule in RuleCatalog.all {
      let text = try String(contentsOf: folder.appendingPathComponent("\(rule.id).md"), encoding: .utf8)
      #expect(rule.documentation == text, "\(rule.id): the embedded page is not Docs/rules/\(rule.id).md")
      let page = RulePage(text: text)
      #expect(rule.failingExample.map { $0.split(separator: "\n").first.map(String.init) } == page.fenceFirstLines(in: "Failing example"))
      #expect(!rule.passingExample.isEmpty, "\(rule.id) has a passing example")
    }
  }

  private func run(_ files: [(path: String, text: String)]) throws -> (diagnostics: [Diagnostic], text: String) {
    let project = try TemporaryProject(Dictionary(files.map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a }))
    defer { project.remove() }
    let result = try CheckRun.run(paths: [project.root])
    let text = TextRenderer(colors: false).render(result.diagnostics, sources: result.sources)
      .replacingOccurrences(of: project.root + "/", with: "")
    return (result.diagnostics, text)
  }
}

extension Rule {
  /// The line under a rule page's title.
  var headerLine: String { "**Severity:** \(severityText) · **Section:** \(section.rawValue)" }
}

extension Array {
  fileprivate func nonEmpty() throws -> Self {
    try #require(!isEmpty, "an example with no files")
    return self
  }
}

/// A rule page split into its sections.
struct RulePage {
  var lines: [String]

  init(text: String) { lines = text.components(separatedBy: "\n") }

  var text: String { lines.joined(separator: "\n") }
  var title: String { lines.first ?? "" }
  var headerLine: String {
    get { lines.count > 2 ? lines[2] : "" }
    set { if lines.count > 2 { lines[2] = newValue } }
  }

  func has(_ section: String) -> Bool { lines.contains("## \(section)") }

  /// The lines of a section, as indexes.
  private func range(of section: String) -> Range<Int>? {
    guard let start = lines.firstIndex(of: "## \(section)") else { return nil }
    let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("## ") } ?? lines.count
    return (start + 1)..<end
  }

  /// The fenced blocks of a section: (info string, line range of the content).
  private func fences(in section: String) -> [(info: String, content: Range<Int>)] {
    guard let range = range(of: section) else { return [] }
    var result: [(String, Range<Int>)] = []
    var i = range.lowerBound
    while i < range.upperBound {
      if lines[i].hasPrefix("```") {
        let info = String(lines[i].dropFirst(3))
        var j = i + 1
        while j < range.upperBound && lines[j] != "```" { j += 1 }
        result.append((info, (i + 1)..<j))
        i = j + 1
      } else {
        i += 1
      }
    }
    return result
  }

  /// The example's files, from the fences whose first line is `# file: PATH` or `// file: PATH`.
  func files(in section: String) -> [(path: String, text: String)]? {
    guard range(of: section) != nil else { return nil }
    return fences(in: section).compactMap { fence in
      // A JSON file (an Amazon Connect export) names its path in the fence: ```json file=PATH
      if fence.info.hasPrefix("json file=") {
        return (String(fence.info.dropFirst("json file=".count)), lines[fence.content].joined(separator: "\n") + "\n")
      }
      guard let first = fence.content.first.map({ lines[$0] }) else { return nil }
      for marker in ["# file: ", "// file: "] where first.hasPrefix(marker) {
        return (String(first.dropFirst(marker.count)), lines[fence.content].joined(separator: "\n") + "\n")
      }
      return nil
    }
  }

  /// The first line of each fence of a section.
  func fenceFirstLines(in section: String) -> [String?] {
    fences(in: section).map { $0.content.first.map { lines[$0] } }
  }

  /// The `text` fence of a section: the diagnostics shown.
  func output(in section: String) -> String? {
    fences(in: section).first { $0.info == "text" }.map { lines[$0.content].map { $0 + "\n" }.joined() }
  }

  mutating func setOutput(_ output: String, in section: String) {
    var body = output.components(separatedBy: "\n")
    if body.last == "" { body.removeLast() }
    if let fence = fences(in: section).first(where: { $0.info == "text" }) {
      lines.replaceSubrange(fence.content, with: body)
    } else if let range = range(of: section) {
      var end = range.upperBound
      while end > range.lowerBound && lines[end - 1].isEmpty { end -= 1 }
      lines.insert(contentsOf: ["", "`callflow check` reports:", "", "```text"] + body + ["```"], at: end)
    }
  }
}
