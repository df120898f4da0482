import CallflowRules
import Foundation
import Testing

@testable import CallflowDiagnostics

@Suite struct MachineFormatTests {
  let sources: SourceMap = {
    var map = SourceMap()
    map.add(SourceFile(path: "flows/a,b.flow.yaml", text: "x\ny\n"))
    return map
  }()

  func diagnostic() -> Diagnostic {
    let at = SourceSpan(file: FileID(0), start: SourceLocation(line: 2, column: 1), end: SourceLocation(line: 2, column: 2))
    return Diagnostic(
      .undefinedReference, "no queue named `Callbaks`; 100% sure", at: at,
      notes: [Note("declared here", at: SourceSpan(file: FileID(0), at: SourceLocation(line: 1, column: 1))), Note("a hint")],
      fixes: [FixIt("did you mean `Callbacks`?", replacing: at, with: "Callbacks")])
  }

  @Test func githubAnnotationsEscapeTheirProperties() {
    #expect(
      GitHubRenderer.render([diagnostic()], sources: sources)
        == "::error file=flows/a%2Cb.flow.yaml,line=2,col=1,endLine=2,endColumn=2,title=undefined-reference::no queue named `Callbaks`; 100%25 sure%0Ahelp: did you mean `Callbacks`?%0Anote: flows/a,b.flow.yaml:1:1: declared here%0Anote: a hint\n"
    )
    var hostile = diagnostic()
    hostile.message = "no queue named `\u{1B}]8;;http://x\u{7}a\u{9B}`"
    hostile.notes = []
    hostile.fixes = []
    #expect(
      GitHubRenderer.render([hostile], sources: sources).hasSuffix("title=undefined-reference::no queue named `\\u{1B}]8;;http://x\\u{7}a\\u{9B}`\n"))
    var info = diagnostic()
    info.severity = .info
    #expect(GitHubRenderer.render([info], sources: sources).hasPrefix("::notice "))
  }

  @Test func sarifHasTheRuleCatalogAndOneResultPerDiagnostic() throws {
    let text = SARIFRenderer.render([diagnostic()], sources: sources, rules: RuleCatalog.infos, version: "9.9")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(json["version"] as? String == "2.1.0")
    let run = try #require((json["runs"] as? [[String: Any]])?.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "callflow")
    #expect(driver["version"] as? String == "9.9")
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.compactMap { $0["id"] as? String } == RuleCatalog.ids)
    #expect((rules.first?["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
    // Each rule carries its page as help, which code scanning shows beside the alert.
    for (rule, entry) in zip(RuleCatalog.all, rules) {
      let help = entry["help"] as? [String: Any]
      #expect(help?["markdown"] as? String == rule.documentation)
      #expect((help?["markdown"] as? String)?.hasPrefix("# `\(rule.id)`") == true)
    }
    let result = try #require((run["results"] as? [[String: Any]])?.first)
    #expect(result["ruleId"] as? String == "undefined-reference")
    #expect(result["ruleIndex"] as? Int == RuleCatalog.ids.firstIndex(of: UndefinedReferenceRule().id))
    #expect(result["level"] as? String == "error")
    #expect((result["message"] as? [String: Any])?["text"] as? String
      == "no queue named `Callbaks`; 100% sure\nhelp: did you mean `Callbacks`?\nnote: a hint")
    let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
    #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "flows/a%2Cb.flow.yaml")
    let region = try #require(location["region"] as? [String: Int])
    #expect(region == ["startLine": 2, "startColumn": 1, "endLine": 2, "endColumn": 2])
    let related = try #require(result["relatedLocations"] as? [[String: Any]])
    #expect((related.first?["message"] as? [String: Any])?["text"] as? String == "declared here")
    // An empty span still covers one column, as SARIF consumers expect.
    let relatedRegion = (related.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Int]
    #expect(relatedRegion?["endColumn"] == 2)
  }

  @Test func ruleLevelsChangeSeveritiesOrDropDiagnostics() {
    let d = diagnostic()
    #expect([d].applying(["undefined-reference": .warning]).map(\.severity) == [.warning])
    #expect([d].applying(["undefined-reference": .off]).isEmpty)
    #expect([d].applying(["dead-end": .off]).count == 1)
  }
}
