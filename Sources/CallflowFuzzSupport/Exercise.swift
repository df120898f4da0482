import CallflowChecker
import CallflowDSL
import CallflowDiagnostics
import CallflowGraph
import CallflowSyntax
import CallflowYAML
import Foundation

/// What the fuzz targets run on each input: everything a flow file reaches.
public enum Exercise {
  /// Whatever the bytes, this must return without crashing, hanging or reading out of bounds:
  /// the front end of `form`, the checker, both renderers, and, when the input parses,
  /// conversion to the other form and back.
  public static func run(_ bytes: [UInt8], dsl: Bool) {
    var sources = SourceMap()
    let source = SourceFile(path: dsl ? "fuzz.flow" : "fuzz.flow.yaml", bytes: bytes)
    let file = sources.add(source)
    let substitutions = Substitutions(values: ["QUEUE": "Support"], environment: "fuzz")
    var center: Center?
    var diagnostics: [Diagnostic] = []
    let flow: FlowSyntax?
    if dsl {
      (flow, diagnostics) = DSLFrontend(substitutions: substitutions).parseFlow(source, file: file)
    } else {
      let frontend = YAMLFrontend(substitutions: substitutions)
      let parsed = frontend.parseFlow(source, file: file)
      (flow, diagnostics) = (parsed.flow, parsed.diagnostics)
      let centerParsed = frontend.parseCenter(source, file: file)
      center = centerParsed.center
      diagnostics += centerParsed.diagnostics
    }
    // Conversion is promised for files without syntax errors, as `callflow convert` refuses others.
    let convertible = !diagnostics.contains { $0.severity == .error }
    if let flow {
      let index = ProjectIndex(flows: [flow], center: center, knowsAllFlows: true)
      let (checked, problems) = Checker.check(flow, index: index)
      diagnostics += problems + Checker.checkProject([checked], index: index)
      diagnostics = Suppression.apply(flow.allComments.compactMap(Suppression.init), to: diagnostics)
      if convertible { roundTrip(flow) }
      diagram(FlowDiagram(flows: [checked], center: center, diagnostics: diagnostics, sources: sources).dotBytes())
    }
    diagnostics.sort(by: Diagnostic.printOrder(in: sources))
    _ = TextRenderer(colors: true).render(diagnostics, sources: sources)
    _ = JSONRenderer.render(diagnostics, summary: DiagnosticSummary(files: 1, flows: 1, diagnostics: diagnostics), sources: sources)
  }

  /// A diagram of any flow must be well-formed DOT as far as quoting goes: every string that
  /// opens closes, whatever the texts escaped into it.
  static func diagram(_ dot: [UInt8]) {
    var inString = false
    var escaped = false
    for byte in dot {
      if escaped {
        escaped = false
      } else if inString && byte == 0x5C {
        escaped = true
      } else if byte == 0x22 {
        inString.toggle()
      } else if inString && (byte == 0x0A || byte == 0x0D) {
        fatalError("a raw line break inside a DOT string")
      }
    }
    if inString || escaped { fatalError("a DOT string left open") }
  }

  /// Converting a parsed flow must give text that reads back as the same flow.
  static func roundTrip(_ flow: FlowSyntax) {
    let dsl = DSLPrinter.print(flow)
    let (back, _) = DSLFrontend(substitutions: nil).parseFlow(SourceFile(path: "r.flow", text: dsl), file: FileID(0))
    let yaml = YAMLPrinter.print(flow)
    let (backYAML, _) = YAMLFrontend(substitutions: nil).parseFlow(SourceFile(path: "r.flow.yaml", text: yaml), file: FileID(0))
    let want = flow.structuralDump
    if back?.structuralDump != want || backYAML?.structuralDump != want {
      fatalError("conversion changed the flow:\n\(want)\n--- DSL\n\(dsl)\n--- YAML\n\(yaml)")
    }
  }

  /// Without `-DFUZZING`: replays the files named on the command line.
  public static func replay(dsl: Bool) -> Never {
    replay { run($0, dsl: dsl) }
  }

  /// Without `-DFUZZING`, a fuzz target replays the files named on its command line through
  /// `body`, to reproduce a finding.
  public static func replay(_ body: ([UInt8]) -> Void) -> Never {
    let paths = CommandLine.arguments.dropFirst()
    if paths.isEmpty {
      FileHandle.standardError.write(Data("usage: \(CommandLine.arguments[0]) FILE...  (see Docs/FUZZING.md)\n".utf8))
      exit(2)
    }
    for path in paths {
      guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        exit(2)
      }
      body(Array(data))
      print("ok \(path)")
    }
    exit(0)
  }
}
