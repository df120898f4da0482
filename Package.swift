// swift-tools-version: 6.0
import PackageDescription

// The modules, one per stage; code flows one way: source text -> front ends -> syntax tree ->
// checker -> checked program -> (bytecode -> VM / simulator) or (graph). Docs/ARCHITECTURE.md
// is the map. Every module's dependencies are exactly what its files import
// (.ci/check-imports keeps them so).
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
    // The `callflow` executable's allocator: mimalloc on Linux (Docs/PERFORMANCE.md, fifteenth pass).
    .target(name: "CAllocator", linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]),
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
    .target(name: "CallflowDSL", dependencies: ["CallflowDiagnostics", "CallflowSyntax"]),
    // Stage 2: the Amazon Connect front end (flow language, its wrappers and the legacy
    // export, located to the JSON text) and the exporter back to flow language.
    .target(name: "CallflowConnect", dependencies: ["CallflowDiagnostics", "CallflowRules", "CallflowSyntax"]),
    // Stage 3: the checker (typing against the catalog, graph and reference rules).
    .target(name: "CallflowChecker", dependencies: ["CallflowDiagnostics", "CallflowRules", "CallflowSyntax"]),
    // Stage 4: the bytecode module: the instruction set, the file format, the verifier.
    .target(name: "CallflowBytecode", dependencies: ["CallflowSyntax"]),
    // Stage 4: checked flows to a bytecode module.
    .target(
      name: "CallflowCompiler", dependencies: ["CallflowDiagnostics", "CallflowSyntax", "CallflowChecker", "CallflowBytecode"]),
    // Stage 5: the VM that runs a module's flows for one contact, every effect through a host.
    .target(name: "CallflowVM", dependencies: ["CallflowSyntax", "CallflowBytecode"]),
    // Stage 5: what blocks mean to every host (input accepted, valid numbers, open hours,
    // profile lookups), shared by the terminal host and the simulator.
    .target(name: "CallflowSemantics", dependencies: ["CallflowSyntax", "CallflowBytecode", "CallflowVM"]),
    // Stage 5: the contact-center simulator, the VM's host for every contact on a virtual clock.
    .target(name: "CallflowSimulator", dependencies: ["CallflowSyntax", "CallflowBytecode", "CallflowVM", "CallflowSemantics"]),
    // The simulator's files: scenario and load-model formats, expectations and their
    // evaluation, the report and the chart.
    .target(
      name: "CallflowScenarios",
      dependencies: [
        "CallflowConcurrency", "CallflowDiagnostics", "CallflowSyntax", "CallflowYAML", "CallflowVM", "CallflowSemantics", "CallflowSimulator",
      ]),
    // Stage 4: Graphviz diagrams of checked flows and the references between them.
    .target(name: "CallflowGraph", dependencies: ["CallflowConcurrency", "CallflowDiagnostics", "CallflowSyntax", "CallflowChecker"]),
    // Orchestration: projects on disk or in memory, checking, building, running, simulating.
    .target(
      name: "CallflowDriver",
      dependencies: [
        "CallflowConcurrency", "CallflowDiagnostics", "CallflowRules", "CallflowSyntax", "CallflowYAML", "CallflowDSL",
        "CallflowConnect", "CallflowChecker", "CallflowBytecode", "CallflowCompiler", "CallflowVM", "CallflowSemantics", "CallflowSimulator",
        "CallflowScenarios", "CallflowGraph",
      ]
    ),
    // The language server of `callflow lsp`: the checker in editors, over JSON-RPC.
    .target(
      name: "CallflowLanguageServer",
      dependencies: ["CallflowDiagnostics", "CallflowRules", "CallflowSyntax", "CallflowYAML", "CallflowChecker", "CallflowScenarios", "CallflowGraph", "CallflowDriver"]),
    .executableTarget(
      name: "callflow",
      dependencies: [
        "CallflowDriver", "CallflowDiagnostics", "CallflowRules", "CallflowSyntax", "CallflowBytecode", "CallflowVM",
        "CallflowScenarios", "CallflowLanguageServer", "CAllocator", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "callflow-bench",
      dependencies: [
        "CallflowConcurrency", "CallflowDriver", "CallflowConnect", "CallflowDiagnostics", "CallflowVM", "CallflowGraph", "CallflowScenarios", "CallflowLanguageServer", "CYAML",
      ]),
    // libFuzzer's driver entry point, for the fuzz targets (Docs/FUZZING.md).
    .target(name: "CFuzzing"),
    .target(
      name: "CallflowFuzzSupport",
      dependencies: [
        "CallflowDiagnostics", "CallflowSyntax", "CallflowYAML", "CallflowDSL", "CallflowConnect", "CallflowChecker", "CallflowGraph",
      ]
    ),
    .executableTarget(name: "callflow-fuzz-yaml", dependencies: ["CallflowFuzzSupport", "CFuzzing"]),
    .executableTarget(name: "callflow-fuzz-dsl", dependencies: ["CallflowFuzzSupport", "CFuzzing"]),
    .executableTarget(name: "callflow-fuzz-connect", dependencies: ["CallflowFuzzSupport", "CFuzzing"]),
    .executableTarget(name: "callflow-fuzz-scenario", dependencies: ["CallflowScenarios", "CallflowFuzzSupport", "CFuzzing"]),
    .executableTarget(name: "callflow-fuzz-lsp", dependencies: ["CallflowLanguageServer", "CallflowFuzzSupport", "CFuzzing"]),
    .executableTarget(name: "callflow-fuzz-check", dependencies: ["CallflowDriver", "CallflowDiagnostics", "CallflowFuzzSupport", "CFuzzing"]),
    .executableTarget(
      name: "callflow-fuzz-module",
      dependencies: ["CallflowSyntax", "CallflowBytecode", "CallflowVM", "CallflowSimulator", "CallflowFuzzSupport", "CFuzzing"]),
    // Helpers shared by the test targets.
    .target(name: "CallflowTestSupport", dependencies: ["CallflowSimulator"], path: "Tests/CallflowTestSupport"),
    .testTarget(name: "CallflowDiagnosticsTests", dependencies: ["CallflowDiagnostics", "CallflowRules"]),
    .testTarget(name: "CallflowRulesTests", dependencies: ["CallflowDiagnostics", "CallflowRules"]),
    .testTarget(name: "CallflowConcurrencyTests", dependencies: ["CallflowConcurrency"]),
    .testTarget(name: "CallflowSemanticsTests", dependencies: ["CallflowSyntax", "CallflowBytecode", "CallflowVM", "CallflowSemantics"]),
    .testTarget(
      name: "CallflowCompilerTests", dependencies: ["CallflowSyntax", "CallflowBytecode", "CallflowCompiler", "CallflowDriver", "CallflowTestSupport"]),
    .testTarget(name: "CallflowSyntaxTests", dependencies: ["CallflowDiagnostics", "CallflowRules", "CallflowSyntax", "CallflowTestSupport"]),
    .testTarget(name: "CallflowYAMLTests", dependencies: ["CallflowDiagnostics", "CallflowYAML", "CallflowTestSupport"]),
    .testTarget(
      name: "CallflowConnectTests", dependencies: ["CallflowConnect", "CallflowDiagnostics", "CallflowSyntax", "CallflowYAML", "CallflowTestSupport"]),
    .testTarget(
      name: "CallflowDSLTests", dependencies: ["CallflowDiagnostics", "CallflowSyntax", "CallflowDSL", "CallflowYAML", "CallflowTestSupport"]),
    .testTarget(
      name: "CallflowCheckerTests",
      dependencies: ["CallflowDiagnostics", "CallflowRules", "CallflowSyntax", "CallflowYAML", "CallflowChecker", "CallflowDriver"]),
    .testTarget(
      name: "CallflowVMTests",
      dependencies: ["CallflowDiagnostics", "CallflowSyntax", "CallflowYAML", "CallflowVM", "CallflowDriver", "CallflowTestSupport"]
    ),
    .testTarget(
      name: "CallflowBytecodeTests",
      dependencies: ["CallflowBytecode", "CallflowDriver", "CallflowTestSupport"],
      // The golden disassembly, read from the package's folder.
      exclude: ["samples.disasm"]
    ),
    .testTarget(
      name: "CallflowGraphTests", dependencies: ["CallflowGraph", "CallflowDriver", "CallflowTestSupport"],
      // The golden diagrams, read from the package's folder.
      exclude: ["samples.dot", "queued-callback-inbound.dot"]),
    .testTarget(
      name: "CallflowSimulatorTests",
      dependencies: [
        "CallflowBytecode", "CallflowSyntax", "CallflowSemantics", "CallflowVM", "CallflowSimulator", "CallflowDriver", "CallflowTestSupport",
      ]),
    .testTarget(
      name: "CallflowScenariosTests",
      dependencies: [
        "CallflowDiagnostics", "CallflowSyntax", "CallflowVM", "CallflowSimulator", "CallflowScenarios", "CallflowDriver", "CallflowTestSupport",
      ]),
    .testTarget(
      name: "CallflowLanguageServerTests",
      dependencies: [
        "CallflowLanguageServer", "CallflowDiagnostics", "CallflowTestSupport",
        // The protocol tests drive the built executable's `callflow lsp`.
        "callflow",
      ]),
    .testTarget(
      name: "CallflowDriverTests",
      dependencies: [
        "CallflowDiagnostics", "CallflowRules", "CallflowSyntax", "CallflowYAML", "CallflowConnect", "CallflowBytecode", "CallflowCompiler",
        "CallflowVM", "CallflowDriver", "CallflowTestSupport",
        // The command-line tests run the built executable.
        "callflow",
      ]),
  ]
)

// In release builds, the modules a simulation runs through offer their code to the modules
// that call them (cross-module optimization): the simulator's calls into the VM, the catalog
// and the semantics are then inlined and specialized as calls within a module are
// (Docs/PERFORMANCE.md, tenth pass).
for target in package.targets
where ["CallflowSyntax", "CallflowBytecode", "CallflowVM", "CallflowSemantics", "CallflowSimulator", "CallflowScenarios"].contains(target.name) {
  target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]
}
