import CallflowDiagnostics
import CallflowRules
import CallflowTestSupport
import Foundation
import Testing

@testable import CallflowSyntax

/// `Docs/LANGUAGE.md` embeds the reference generated from the catalog. This fails when the
/// two differ; `CALLFLOW_UPDATE_DOCS=1 swift test` rewrites the file.
@Suite struct GeneratedDocsTests {
  @Test func languageReferenceMatchesTheCatalog() throws {
    try checkGeneratedRegion(file: "Docs/LANGUAGE.md", name: "catalog", content: CatalogReference.markdown())
  }

  @Test func ruleCatalogMatchesTheRuleTable() throws {
    try checkGeneratedRegion(file: "Docs/DIAGNOSTICS.md", name: "rules", content: RuleCatalog.markdown())
  }

  @Test func referenceCoversEveryBlockParameterAndBranch() {
    let text = CatalogReference.markdown()
    for kind in BlockKind.allCases {
      #expect(text.contains("### \(kind.rawValue)\n"))
      for parameter in kind.spec.parameters { #expect(text.contains("| `\(parameter.name)` |")) }
      for branch in kind.spec.branches { #expect(text.contains("`\(branch)`")) }
    }
  }
}

/// The committed JSON Schemas are what the catalog generates (`CALLFLOW_UPDATE_DOCS=1 swift
/// test` rewrites them).
@Suite struct CommittedSchemaTests {
  @Test(arguments: [
    ("Grammar/flow.schema.json", FlowSchema.flow()), ("Grammar/center.schema.json", CenterSchema.center()),
    ("Grammar/config.schema.json", ConfigSchema.config()),
  ])
  func committedSchemaIsGenerated(_ file: String, _ schema: JSONValue) throws {
    let url = URL(fileURLWithPath: packageRoot).appendingPathComponent(file)
    let wanted = schema.printed() + "\n"
    if ProcessInfo.processInfo.environment["CALLFLOW_UPDATE_DOCS"] == "1" {
      try wanted.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    #expect(try String(contentsOf: url, encoding: .utf8) == wanted, "\(file) is out of date: run CALLFLOW_UPDATE_DOCS=1 swift test")
  }

  @Test func flowSchemaHasARowPerBlockKind() throws {
    guard case .object(let top) = FlowSchema.flow(), case .object(let definitions)? = top.first(where: { $0.0 == "definitions" })?.1 else {
      Issue.record("no definitions")
      return
    }
    for kind in BlockKind.allCases { #expect(definitions.contains { $0.0 == kind.rawValue }) }
  }
}
