import Foundation

/// What a command writes to a file named on its command line.
public enum OutputKind: Sendable {
  case module
  case yamlFlow
  case dslFlow
  case dot
  case svg
  case cloudFormation

  /// The endings its file's name may have; the first is the one suggested.
  public var extensions: [String] {
    switch self {
    case .module: [".cfbc"]
    case .yamlFlow: [".flow.yaml", ".yaml", ".yml"]
    case .dslFlow: [".flow"]
    case .dot: [".dot", ".gv"]
    case .svg: [".svg"]
    case .cloudFormation: [".yaml", ".yml", ".json", ".template"]
    }
  }

  /// The kind, for messages.
  public var noun: String {
    switch self {
    case .module: "a bytecode module"
    case .yamlFlow: "a YAML flow"
    case .dslFlow: "a DSL flow"
    case .dot: "a Graphviz diagram"
    case .svg: "an SVG drawing"
    case .cloudFormation: "a CloudFormation template"
    }
  }

  /// The kind of file Callflow reads or writes that `name` is, when it is one: the project's
  /// own files, flows, scenarios and load models, modules.
  static func of(name: String) -> String? {
    if name == ProjectLayout.centerName { return "the project's center.yaml" }
    if name == ProjectLayout.configName { return "the project's configuration" }
    if name.hasSuffix(ProjectLayout.scenarioSuffix) { return "a scenario" }
    if name.hasSuffix(ProjectLayout.modelSuffix) { return "a load model" }
    if name.hasSuffix(".flow.yaml") { return OutputKind.yamlFlow.noun }
    if name.hasSuffix(".flow") { return OutputKind.dslFlow.noun }
    if name.hasSuffix(".cfbc") { return OutputKind.module.noun }
    return nil
  }
}

/// The checks that keep a command from writing what it makes where it does not belong.
public enum OutputFile {
  /// Refuses `path` as the file to write `kind` into: a name without one of the kind's
  /// endings, a folder, or an existing file of another kind Callflow knows (a flow, a
  /// center.yaml, a scenario, a module), unless `force`; and a name in a folder that does not
  /// exist, unless it is `madeFirst`, a folder the command writes before it.
  public static func check(_ path: String, for kind: OutputKind, force: Bool, madeFirst: String? = nil) throws(InputError) {
    let name = (path as NSString).lastPathComponent
    guard kind.extensions.contains(where: { name.hasSuffix($0) && name.count > $0.count }) else {
      throw InputError(
        "'\(path)' is not a name for \(kind.noun): it must end in \(kind.extensions.map { "`\($0)`" }.joined(separator: " or "))")
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      let folder = (path as NSString).deletingLastPathComponent
      var folderIsDirectory: ObjCBool = false
      let made = madeFirst.map { ProjectLayout.absolutePath(folder) == ProjectLayout.absolutePath($0) } ?? false
      if !folder.isEmpty, !made, !FileManager.default.fileExists(atPath: folder, isDirectory: &folderIsDirectory) || !folderIsDirectory.boolValue {
        throw InputError("cannot write '\(path)': there is no folder '\(folder)' (make it first)")
      }
      return
    }
    if isDirectory.boolValue { throw InputError("'\(path)' is a folder; name the file to write \(kind.noun) into") }
    if !force, let existing = OutputKind.of(name: name), existing != kind.noun {
      throw InputError("'\(path)' is \(existing), not \(kind.noun); pass --force to write over it")
    }
  }

  /// Refuses `folder` as a folder to write: a file, or a folder that exists, unless `force`.
  public static func checkFolder(_ folder: String, force: Bool) throws(InputError) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: ProjectLayout.absolutePath(folder), isDirectory: &isDirectory) else { return }
    guard isDirectory.boolValue else { throw InputError("'\(folder)' is a file; name a folder to write into") }
    guard force else { throw InputError("\(folder) exists already; pass --force to replace it") }
  }

  /// Writes `files` (paths relative to the folder) into `folder`: first into a new folder
  /// beside it, then renamed into place, so that a failure leaves nothing behind. A folder
  /// that exists already is replaced only with `force`.
  public static func writeFolder(_ files: [(path: String, text: String)], to folder: String, force: Bool) throws(InputError) {
    try checkFolder(folder, force: force)
    let fm = FileManager.default
    let target = ProjectLayout.absolutePath(folder)
    let staging = target + ".callflow-\(ProcessInfo.processInfo.processIdentifier)"
    do {
      try? fm.removeItem(atPath: staging)
      try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
      for (path, text) in files {
        let full = (staging as NSString).appendingPathComponent(path)
        try fm.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
      }
      if fm.fileExists(atPath: target) { try fm.removeItem(atPath: target) }
      try fm.moveItem(atPath: staging, toPath: target)
    } catch {
      try? fm.removeItem(atPath: staging)
      throw InputError("cannot write \(folder): \(error.localizedDescription)")
    }
  }
}
