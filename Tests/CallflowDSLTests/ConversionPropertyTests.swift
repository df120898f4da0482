import CallflowDSL
import CallflowDiagnostics
import CallflowSyntax
import CallflowTestSupport
import CallflowYAML
import Foundation
import Testing

func parseYAML(_ text: String) -> (FlowSyntax?, [Diagnostic]) {
  YAMLFrontend(substitutions: nil).parseFlow(SourceFile(path: "t.flow.yaml", text: text), file: FileID(0))
}

func parseDSL(_ text: String) -> (FlowSyntax?, [Diagnostic]) {
  DSLFrontend(substitutions: nil).parseFlow(SourceFile(path: "t.flow", text: text), file: FileID(0))
}

/// Conversion loses nothing but formatting: both directions give the same syntax tree.
@Suite struct ConversionPropertyTests {
  @Test(arguments: 0..<4)
  func generatedFlowsSurviveBothDirections(_ batch: Int) throws {
    var generator = FlowGenerator(seed: UInt64(1000 + batch))
    for i in 0..<500 {
      let original = generator.flow()
      let want = original.structuralDump

      // YAML -> DSL -> YAML
      let yaml = YAMLPrinter.print(original)
      let (fromYAML, yamlProblems) = parseYAML(yaml)
      let viaYAML = try #require(fromYAML, "flow \(batch)/\(i): \(yamlProblems.map(\.message))\n\(yaml)")
      #expect(viaYAML.structuralDump == want, "flow \(batch)/\(i) through YAML:\n\(yaml)")
      let dsl = DSLPrinter.print(viaYAML)
      let (fromDSL, dslProblems) = parseDSL(dsl)
      let viaDSL = try #require(fromDSL, "flow \(batch)/\(i): \(dslProblems.map(\.message))\n\(dsl)")
      #expect(viaDSL.structuralDump == want, "flow \(batch)/\(i) through DSL:\n\(dsl)")
      #expect(dslProblems.isEmpty && yamlProblems.isEmpty, "flow \(batch)/\(i): \((dslProblems + yamlProblems).map(\.message))")

      // DSL -> YAML -> DSL, and printing is stable.
      let yamlAgain = YAMLPrinter.print(viaDSL)
      #expect(yamlAgain == yaml, "flow \(batch)/\(i): YAML printing is not stable")
      let dslAgain = DSLPrinter.print(try #require(parseYAML(yamlAgain).0))
      #expect(dslAgain == dsl, "flow \(batch)/\(i): DSL printing is not stable")
      if !(viaYAML.structuralDump == want && viaDSL.structuralDump == want) { return }
    }
  }

  @Test func samplesConvertBothWaysAndBack() throws {
    let flows = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/Samples/flows").sorted()
    #expect(flows.count >= 5)
    for name in flows {
      let text = try String(contentsOfFile: packageRoot + "/Samples/flows/" + name, encoding: .utf8)
      let isDSL = name.hasSuffix(".flow")
      let (parsed, problems) = isDSL ? parseDSL(text) : parseYAML(text)
      #expect(problems.isEmpty, "\(name): \(problems.map(\.message))")
      let flow = try #require(parsed)
      let dsl = DSLPrinter.print(flow)
      let yaml = YAMLPrinter.print(flow)
      #expect(try #require(parseDSL(dsl).0).structuralDump == flow.structuralDump, "\(name) -> DSL")
      #expect(try #require(parseYAML(yaml).0).structuralDump == flow.structuralDump, "\(name) -> YAML")
      if isDSL { #expect(dsl == text, "\(name) is not in canonical form") }
    }
  }
}
