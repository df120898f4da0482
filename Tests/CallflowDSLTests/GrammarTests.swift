import CallflowTestSupport
import CallflowDiagnostics
import Foundation
import Testing

/// The grammar in Grammar/callflow.ebnf, the parser that follows it, and the DSL reference
/// in Docs/DSL.md agree.
@Suite struct GrammarTests {
  /// The syntax productions of the grammar (before its "Tokens" section), comments removed
  /// and white space collapsed, by name.
  static func grammarProductions() throws -> [String: String] {
    let text = try String(contentsOfFile: packageRoot + "/Grammar/callflow.ebnf", encoding: .utf8)
    let syntax = try #require(text.components(separatedBy: "(* --- Tokens. --- *)").first)
    let withoutComments = syntax.replacingOccurrences(of: #"\(\*[\s\S]*?\*\)"#, with: " ", options: .regularExpression)
    var productions: [String: String] = [:]
    for rule in withoutComments.split(separator: ";") {
      let collapsed = rule.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      guard let equals = collapsed.range(of: " = ") else { continue }
      productions[String(collapsed[..<equals.lowerBound])] = collapsed + " ;"
    }
    return productions
  }

  @Test func parserQuotesEveryProductionOfTheGrammar() throws {
    let grammar = try Self.grammarProductions()
    #expect(grammar.keys.sorted() == ["arguments", "block", "branch", "field", "file", "flow", "item", "list", "name", "record", "value"])
    let parser = try String(contentsOfFile: packageRoot + "/Sources/CallflowDSL/Parser.swift", encoding: .utf8)
    let quoted = parser.split(separator: "\n").compactMap { line -> String? in
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard trimmed.hasPrefix("// "), trimmed.contains(" = "), trimmed.hasSuffix(";") else { return nil }
      return String(trimmed.dropFirst(3))
    }
    for production in grammar.values {
      #expect(quoted.contains(production), "Parser.swift does not quote `\(production)`")
    }
    #expect(quoted.count == grammar.count)
  }

  @Test func everyExampleOfTheReferenceParses() throws {
    let text = try String(contentsOfFile: packageRoot + "/Docs/DSL.md", encoding: .utf8)
    let examples = text.components(separatedBy: "```callflow\n").dropFirst().compactMap { $0.components(separatedBy: "```").first }
    #expect(examples.count == 2)
    for example in examples {
      let (flow, problems) = parseDSL(example)
      #expect(flow != nil)
      #expect(problems.map(\.message) == [])
    }
  }
}
