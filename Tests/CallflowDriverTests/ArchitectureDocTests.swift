import CallflowTestSupport
import Foundation
import Testing

/// `Docs/ARCHITECTURE.md` is the map of the code: it must name every module with exactly the
/// dependencies `Package.swift` declares, and every file it points to must exist.
@Suite struct ArchitectureDocTests {
  static func read(_ path: String) throws -> String {
    try String(contentsOf: URL(fileURLWithPath: packageRoot).appendingPathComponent(path), encoding: .utf8)
  }

  /// Each target of `Package.swift` and the targets it depends on (products by their name).
  static func packageTargets() throws -> [String: Set<String>] {
    let text = try read("Package.swift")
    var targets: [String: Set<String>] = [:]
    let declaration = try Regex(#"\.(?:target|executableTarget|testTarget|systemLibrary)\(\s*name:\s*"([^"]+)""#)
    let dependency = try Regex(#""([^"]+)"|\.product\(name:\s*"([^"]+)""#)
    let matches = text.matches(of: declaration)
    for (i, match) in matches.enumerated() {
      let name = String(match.output[1].substring ?? "")
      let end = i + 1 < matches.count ? matches[i + 1].range.lowerBound : text.endIndex
      let body = text[match.range.upperBound..<end].replacing(try Regex(#"package:\s*"[^"]*""#), with: "")
      var dependencies: Set<String> = []
      if let list = body.range(of: "dependencies:"), let close = body[list.upperBound...].firstIndex(of: "]") {
        for found in body[list.upperBound..<close].matches(of: dependency) {
          if let product = found.output[2].substring { dependencies.insert(String(product)) } else if let target = found.output[1].substring {
            dependencies.insert(String(target))
          }
        }
      }
      targets[name] = dependencies
    }
    return targets
  }

  /// The module table: each row's modules and the dependencies it states.
  static func table() throws -> [(modules: [String], dependencies: Set<String>?)] {
    let text = try read("Docs/ARCHITECTURE.md")
    guard let start = text.range(of: "## Modules\n"), let end = text[start.upperBound...].range(of: "\n## ") else { return [] }
    let name = try Regex("`([A-Za-z-]+)`")
    var rows: [(modules: [String], dependencies: Set<String>?)] = []
    for line in text[start.upperBound..<end.lowerBound].split(separator: "\n") where line.hasPrefix("| `") {
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count == 3 else { continue }
      let modules = cells[0].matches(of: name).map { String($0.output[1].substring ?? "") }
      // A row of several modules states their dependencies in words.
      let stated = modules.count == 1 ? Set(cells[2].matches(of: name).map { String($0.output[1].substring ?? "") }) : nil
      rows.append((modules, stated))
    }
    return rows
  }

  @Test func everyModuleIsOnTheMapWithItsDependencies() throws {
    let targets = try Self.packageTargets()
    let rows = try Self.table()
    let mapped = Set(rows.flatMap(\.modules))
    let modules = targets.keys.filter { !$0.hasSuffix("Tests") && $0 != "CallflowTestSupport" }
    #expect(modules.count > 20)
    for module in modules { #expect(mapped.contains(module), "\(module) is not in Docs/ARCHITECTURE.md") }
    for module in mapped { #expect(targets[module] != nil, "Docs/ARCHITECTURE.md names `\(module)`, which Package.swift does not have") }
    for row in rows {
      guard let stated = row.dependencies, let module = row.modules.first, let declared = targets[module] else { continue }
      #expect(stated == declared, "\(module): the map says \(stated.sorted()), Package.swift \(declared.sorted())")
    }
    // Each module has its test target.
    for module in modules where module.hasPrefix("Callflow") && module != "CallflowFuzzSupport" {
      #expect(targets[module + "Tests"] != nil, "\(module) has no test target")
    }
  }

  @Test func everyFileTheMapNamesExists() throws {
    let text = try Self.read("Docs/ARCHITECTURE.md")
    let path = try Regex("`((?:Sources|Tests|Docs|Grammar|\\.ci)/[^`<>]+)`")
    let named = text.matches(of: path).map { String($0.output[1].substring ?? "") }
    #expect(named.count > 10)
    for file in named {
      #expect(FileManager.default.fileExists(atPath: packageRoot + "/" + file), "Docs/ARCHITECTURE.md names \(file), which does not exist")
    }
  }
}
