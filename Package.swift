// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Callflow",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "callflow", targets: ["callflow"]),
    .library(name: "CallflowDriver", targets: ["CallflowDriver"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // The system libyaml, found through pkg-config.
    .systemLibrary(
      name: "CYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
    ),
    // Stage 0: source files, spans, diagnostics and their renderers (no domain rules).
    .target(name: "CallflowDiagnostics"),
    // Stage 0: the checker's rules, one type per rule, with their pages (Docs/rules, linked
    // as Pages) embedded in the binary.
    .target(name: "CallflowRules", dependencies: ["CallflowDiagnostics"], resources: [.embedInCode("Pages")]),
    // The one parallel loop every stage shares.
    .target(name: "CallflowConcurrency"),
    // Stage 1: the syntax tree, the block catalog and value syntax.
    .target(name: "CallflowSyntax", dependencies: ["CallflowDiagnostics", "CallflowRules"]),
    // Stage 2: the YAML front end (libyaml events -> located tree -> syntax tree).
    .target(name: "CallflowYAML", dependencies: ["CYAML", "CallflowDiagnostics", "CallflowRules", "CallflowSyntax"]),
    // Stage 2: the DSL front end (lexer and parser to the same syntax tree; DSL printing).
    .target(name: "CallflowDSL", dependencies: ["CallflowDiagnostics", "CallflowRules", "CallflowSyntax"]),
    // Stage 3: the checker (typing against the catalog, graph and reference rules).
    .target(name: "CallflowChecker", dependencies: ["CallflowDiagnostics", "CallflowRules", "CallflowSyntax"]),
    // Stage 4: the bytecode module: the instruction set, the file format, the verifier.
    .target(name: "CallflowBytecode", dependencies: ["CallflowSyntax"]),
    // Stage 4: checked flows to a bytecode module.
    .target(
      name: "CallflowCompiler",
      dependencies: ["CallflowDiagnostics", "CallflowRules", "CallflowSyntax", "CallflowChecker", "CallflowBytecode"]
    ),
    // Stage 5: the VM that runs a module's flows for one contact, every effect through a host.
    .target(name: "CallflowVM", dependencies: ["CallflowSyntax", "CallflowBytecode"]),
    // Stage 5: what blocks mean to every host (input accepted, valid numbers, open hours,
    // profile lookups), shared by the terminal host and the simulator.
    .target(name: "CallflowSemantics", dependencies: ["CallflowSyntax", "CallflowBytecode", "CallflowVM"]),
    // Stage 5: the contact-center simulator, the VM's host for every contact on a virtual clock.
    .target(name: "CallflowSimulator", dependencies: ["CallflowSyntax", "CallflowBytecode", "CallflowVM", "CallflowSemantics"]),
    // Stage 4: Graphviz diagrams of checked flows and the references between them.
    .target(name: "CallflowGraph", dependencies: ["CallflowConcurrency", "CallflowDiagnostics", "CallflowRules", "CallflowSyntax", "CallflowChecker"]),
    // Orchestration: project loading, parallel parsing, checking, output.
    .target(
      name: "CallflowDriver",
      dependencies: [
        "CallflowConcurrency", "CallflowDiagnostics", "CallflowRules", "CallflowSyntax", "CallflowYAML", "CallflowDSL", "CallflowChecker", "CallflowBytecode",
        "CallflowCompiler", "CallflowVM", "CallflowSemantics", "CallflowSimulator", "CallflowGraph",
      ]
    ),
    .executableTarget(
      name: "callflow",
      dependencies: [
        "CallflowDriver", "CallflowBytecode", "CallflowVM",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "callflow-bench", dependencies: ["CallflowDriver", "CallflowVM", "CallflowGraph", "CYAML"]),
    // libFuzzer's driver entry point, for the fuzz targets (Docs/FUZZING.md).
    .target(name: "CFuzzing"),
    .target(
      name: "CallflowFuzzSupport",
      dependencies: ["CallflowDiagnostics", "CallflowRules", "CallflowSyntax", "CallflowYAML", "CallflowDSL", "CallflowChecker", "CallflowGraph"]
    ),
    .executableTarget(name: "callflow-fuzz-yaml", dependencies: ["CallflowFuzzSupport", "CFuzzing"]),
    .executableTarget(name: "callflow-fuzz-dsl", dependencies: ["CallflowFuzzSupport", "CFuzzing"]),
    .executableTarget(name: "callflow-fuzz-scenario", dependencies: ["CallflowDriver", "CallflowFuzzSupport", "CFuzzing"]),
    .executableTarget(
      name: "callflow-fuzz-module", dependencies: ["CallflowBytecode", "CallflowVM", "CallflowSimulator", "CallflowFuzzSupport", "CFuzzing"]),
    .testTarget(name: "CallflowDiagnosticsTests", dependencies: ["CallflowDiagnostics", "CallflowRules"]),
    .testTarget(name: "CallflowSyntaxTests", dependencies: ["CallflowSyntax", "CallflowTestSupport"]),
    // Helpers shared by the test targets.
    .target(name: "CallflowTestSupport", dependencies: ["CallflowSimulator"], path: "Tests/CallflowTestSupport"),
    .testTarget(name: "CallflowYAMLTests", dependencies: ["CallflowYAML", "CallflowTestSupport"]),
    .testTarget(name: "CallflowDSLTests", dependencies: ["CallflowDSL", "CallflowYAML", "CallflowTestSupport"]),
    .testTarget(name: "CallflowCheckerTests", dependencies: ["CallflowChecker", "CallflowYAML"]),
    .testTarget(
      name: "CallflowVMTests",
      dependencies: ["CallflowVM", "CallflowSyntax", "CallflowDriver", "CallflowYAML", "CallflowDiagnostics", "CallflowRules", "CallflowTestSupport"]
    ),
    .testTarget(
      name: "CallflowBytecodeTests",
      dependencies: ["CallflowBytecode", "CallflowCompiler", "CallflowDriver", "CallflowTestSupport"],
      // The golden disassembly, read from the package's folder.
      exclude: ["samples.disasm"]
    ),
    .testTarget(
      name: "CallflowGraphTests", dependencies: ["CallflowGraph", "CallflowDriver", "CallflowTestSupport"],
      // The golden diagrams, read from the package's folder.
      exclude: ["samples.dot", "queued-callback-inbound.dot"]),
    .testTarget(name: "CallflowSimulatorTests", dependencies: ["CallflowSimulator", "CallflowDriver", "CallflowTestSupport"]),
    .testTarget(
      name: "CallflowDriverTests",
      dependencies: [
        "CallflowDriver", "callflow", "CallflowTestSupport", "CallflowCompiler", "CallflowBytecode", "CallflowVM", "CallflowDiagnostics",
        "CallflowRules",
      ]),
  ]
)
