import CallflowBytecode
import CallflowChecker
import CallflowDiagnostics
import CallflowScenarios
import CallflowSimulator
import CallflowSyntax
import CallflowVM
import Foundation

/// A project made ready to simulate: checked, compiled, loaded through the verifier as any
/// host loads a module, with the routing profiles and agents of its `center.yaml`.
struct SimulationProject {
  var root: String
  var program: Program
  var center: CenterModel
  var centerSyntax: Center?
  /// The blocks of the project's flows by id, for what scenario and model files name.
  var blocks: ProjectBlocks

  enum Failure: Error {
    /// The project has errors: the check's diagnostics say which.
    case check(CheckResult)
    case input(InputError)
  }

  /// Builds the project in folder `root`.
  static func load(root: String, options: CheckOptions = CheckOptions()) -> Result<SimulationProject, Failure> {
    do {
      let build = try BuildRun.run(path: root, options: options)
      guard let bytes = build.bytes else { return .failure(.check(build.check)) }
      let program: Program
      do {
        program = try Program(bytes: bytes)
      } catch {
        return .failure(.input(InputError("the module built from \(root) does not load: \(error)")))
      }
      let centerSyntax = build.check.centers.first
      return .success(
        SimulationProject(
          root: root, program: program, center: CenterModel(module: program.module, center: centerSyntax), centerSyntax: centerSyntax,
          blocks: blocks(of: build.check.flows)))
    } catch {
      return .failure(.input(error))
    }
  }

  /// The blocks of `flows` by id, with the answers each offers a caller.
  static func blocks(of flows: [CheckedFlow]) -> ProjectBlocks {
    var blocks = ProjectBlocks()
    for flow in flows {
      for block in flow.blocks {
        guard let kind = block.kind else { continue }
        var answers: [String] = []
        if let key = kind.spec.branchPerValueOf, case .list(let items)? = block.argument(key)?.value.value {
          answers = items.compactMap { item in
            switch item.value {
            case .text(let text), .word(let text): text
            default: nil
            }
          }
        }
        blocks.add(id: block.id.value, ProjectBlocks.Block(flow: flow.name ?? "", kind: kind, answers: answers))
      }
    }
    return blocks
  }

  /// The folder of the project `path` belongs to: the nearest folder upward holding
  /// `center.yaml`.
  static func root(of path: String) -> String? {
    var isDirectory: ObjCBool = false
    let absolute = ProjectLayout.absolutePath(path)
    let start = FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) && isDirectory.boolValue
      ? absolute : (absolute as NSString).deletingLastPathComponent
    return ProjectLayout.projectRoot(from: start).map(ProjectLayout.displayPath)
  }
}
