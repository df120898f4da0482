import CallflowLanguageServer
import Foundation

/// The language server on the generated project, in process: one flow open, then a run of
/// edits to it, each followed by the check the server runs once the client is quiet, timed
/// from the change to its diagnostics; then many more edits and diagram requests, with the
/// process's resident memory read along the way.
enum LanguageServerBenchmark {
  struct Figures {
    var firstCheck: Double
    var latencies: [Double]
    var residentBefore: Int
    var residentAfter: Int
    var residentSamples: [Int]
    var edits: Int
  }

  static func measure(root: String, flow: String, edits: Int, soak: Int) -> Figures {
    var server = LanguageServer(ruleDocs: nil)
    func send(_ message: LSPAny) { server.receive(message.json) }
    send(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]])
    send(["jsonrpc": "2.0", "method": "initialized", "params": [:]])
    let path = root + "/flows/" + flow
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    let uri = "file://" + path
    send(["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": ["textDocument": ["uri": .string(uri), "languageId": "yaml", "version": 1, "text": .string(text)]]])
    var start = Date()
    server.idle()
    _ = server.takeOutbox()
    let first = Date().timeIntervalSince(start)
    // Each edit changes a prompt's text, so the flow's findings stay the same size.
    var version = 1
    func edit(_ n: Int) {
      version += 1
      let changed = text.replacingOccurrences(of: "Press 1", with: "Press \(n % 9 + 1)")
      send([
        "jsonrpc": "2.0", "method": "textDocument/didChange",
        "params": ["textDocument": ["uri": .string(uri), "version": .int(version)], "contentChanges": [["text": .string(changed)]]],
      ])
      server.idle()
      _ = server.takeOutbox()
    }
    var latencies: [Double] = []
    for n in 0..<edits {
      start = Date()
      edit(n)
      latencies.append(Date().timeIntervalSince(start))
    }
    let before = Benchmark.residentMiB()
    var samples: [Int] = []
    for n in 0..<soak {
      edit(n)
      send(["jsonrpc": "2.0", "id": .int(n + 10), "method": "callflow/graph", "params": ["textDocument": ["uri": .string(uri)], "format": "dot"]])
      _ = server.takeOutbox()
      if n % max(1, soak / 10) == 0 { samples.append(Benchmark.residentMiB()) }
    }
    return Figures(
      firstCheck: first, latencies: latencies.sorted(), residentBefore: before, residentAfter: Benchmark.residentMiB(), residentSamples: samples,
      edits: soak)
  }
}

extension Benchmark {
  /// The process's resident memory now, in MiB (from /proc/self/statm).
  static func residentMiB() -> Int {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
      let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
    else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
  }

  /// `--only lsp`: the language server's latency and memory on the generated project.
  static func measureLanguageServer(flows: Int, blocks: Int, runs: Int, soak: Int) throws {
    let root = NSTemporaryDirectory() + "callflow-bench-lsp-\(flows)x\(blocks)"
    let generator = ProjectGenerator(flows: flows, blocks: blocks)
    try generator.write(to: root)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let f = LanguageServerBenchmark.measure(root: root, flow: generator.name(flows / 2) + ".flow.yaml", edits: max(runs, 20), soak: soak)
    func quantile(_ q: Double) -> Double { f.latencies[min(f.latencies.count - 1, Int(Double(f.latencies.count - 1) * q))] }
    print("callflow lsp on \(flows) flows of \(blocks) blocks (\(machine()), \(ProcessInfo.processInfo.activeProcessorCount) cores):")
    print("  first check of the project on open: \(ms(f.firstCheck))")
    print("  a change of one flow to its diagnostics, \(f.latencies.count) changes: median \(ms(quantile(0.5))), 90th percentile \(ms(quantile(0.9))), worst \(ms(f.latencies.last ?? 0))")
    print("  resident memory: \(f.residentBefore) MiB after the first changes; \(f.residentSamples.map(String.init).joined(separator: ", ")) MiB over \(f.edits) more changes and diagram requests; \(f.residentAfter) MiB at the end")
  }
}
