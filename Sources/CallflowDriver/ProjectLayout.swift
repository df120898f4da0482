import CallflowConcurrency
import CallflowConnect
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the inputs of a run are: for each project (a folder with `center.yaml`, or a lone
/// file), every file it holds, and which of them the user asked about.
public struct ProjectLayout: Sendable {
  /// One project: its context files and the ones to report on.
  public struct Group: Sendable {
    /// The project root (the folder holding `center.yaml`), if there is one.
    public var root: String?
    public var center: String?
    public var config: String?
    /// Flow files, sorted by display path.
    public var flows: [String]
    /// The files diagnostics are shown for.
    public var reported: Set<String>
    /// The files named on the command line themselves (not found in a folder named): they are
    /// checked even where the configuration excludes them.
    public var named: Set<String> = []
    /// The flow file whose text is standard input's (`-` with a name for it), if one is.
    public var standardInput: String?
    /// Whether every flow of the project is loaded (so flow references can be resolved).
    public var complete: Bool
  }

  public var groups: [Group]

  /// The file name of the project's resources.
  public static let centerName = "center.yaml"
  /// The file name of the project's configuration.
  public static let configName = "callflow.yaml"

  /// The suffixes of the simulator's scenario and load-model files, which live beside flows.
  public static let scenarioSuffix = ".test.yaml"
  public static let modelSuffix = ".model.yaml"

  /// Whether `name` is the name of a flow file.
  public static func isFlowFile(_ name: String) -> Bool {
    SourceForm(path: name) != nil && name != centerName && name != configName && !name.hasSuffix(scenarioSuffix)
      && !name.hasSuffix(modelSuffix)
  }

  /// The layout for the paths of a command line. `-` stands for standard input, checked as a
  /// lone flow, or, given `standardInputName`, as the file of that name inside its project
  /// (an editor's unsaved text: the file need not exist). With `nested`, a folder's projects
  /// below it (folders with a center.yaml of their own) are groups of their own too.
  public static func discover(_ paths: [String], nested: Bool = true, standardInputName: String? = nil) throws(InputError) -> ProjectLayout {
    var groups: [String: Group] = [:]
    var order: [String] = []
    var lone: [Group] = []
    let fm = FileManager.default
    var seen: Set<String> = []
    // Each folder named, to make sure it holds a flow: a run that checks nothing passes nothing.
    var folders: [(named: String, display: String)] = []
    for argument in paths {
      let fromStandardInput = argument == "-" && standardInputName != nil
      let path = fromStandardInput ? standardInputName ?? argument : argument
      guard seen.insert(path == "-" ? "-" : absolutePath(path)).inserted else { continue }
      if path == "-" {
        lone.append(Group(root: nil, center: nil, config: nil, flows: ["-"], reported: ["-"], complete: false))
        continue
      }
      var isDirectory: ObjCBool = false
      if fromStandardInput {
        guard !fm.fileExists(atPath: path, isDirectory: &isDirectory) || !isDirectory.boolValue else {
          throw InputError("--stdin-filename names the file standard input stands for, not a folder ('\(path)')")
        }
      } else if !fm.fileExists(atPath: path, isDirectory: &isDirectory) {
        throw InputError(path: path, reason: "No such file or directory")
      }
      let absolute = absolutePath(path)
      if isDirectory.boolValue { folders.append((path, displayPath(absolute))) }
      let searchFrom = isDirectory.boolValue ? absolute : (absolute as NSString).deletingLastPathComponent
      if nested, isDirectory.boolValue {
        // Projects inside this folder (a folder below with its own center.yaml) are projects of their own.
        for nested in try nestedProjectRoots(under: absolute) where groups[nested] == nil {
          let center = displayPath((nested as NSString).appendingPathComponent(centerName))
          let files = try flowFiles(under: nested)
          groups[nested] = Group(
            root: nested, center: center, config: config(in: nested), flows: files, reported: Set(files).union([center]), complete: true)
          order.append(nested)
        }
      }
      guard let root = projectRoot(from: searchFrom) else {
        // No center.yaml above: a folder is a project without resources, a file stands alone.
        if isDirectory.boolValue {
          let files = try flowFiles(under: absolute)
          lone.append(Group(root: absolute, center: nil, config: config(in: absolute), flows: files, reported: Set(files), complete: true))
        } else {
          let display = displayPath(absolute)
          var group = Group(root: nil, center: nil, config: nil, flows: [display], reported: [display], complete: false)
          if fromStandardInput { group.standardInput = display }
          lone.append(group)
        }
        continue
      }
      if groups[root] == nil {
        let center = displayPath((root as NSString).appendingPathComponent(centerName))
        groups[root] = Group(
          root: root, center: center, config: config(in: root), flows: try flowFiles(under: root), reported: [],
          complete: true)
        order.append(root)
      }
      if isDirectory.boolValue {
        let prefix = displayPath(absolute)
        let under = groups[root]?.flows.filter { isUnder($0, prefix) } ?? []
        groups[root]?.reported.formUnion(under)
        if let center = groups[root]?.center, isUnder(center, prefix) { groups[root]?.reported.insert(center) }
      } else {
        let display = displayPath(absolute)
        groups[root]?.reported.insert(display)
        groups[root]?.named.insert(display)
        if fromStandardInput { groups[root]?.standardInput = display }
        if (!isFlowFile(absolute) || fromStandardInput), (absolute as NSString).lastPathComponent != centerName,
          groups[root]?.flows.contains(display) == false
        {
          groups[root]?.flows.append(display)
          groups[root]?.flows.sort()
        }
      }
    }
    let all = order.sorted().compactMap { groups[$0] } + lone.sorted { ($0.root ?? $0.flows.first ?? "") < ($1.root ?? $1.flows.first ?? "") }
    for folder in folders where !all.contains(where: { $0.flows.contains { isUnder($0, folder.display) } }) {
      throw InputError(
        "no flow files in '\(folder.named)': Callflow reads *.flow.yaml, *.flow and Amazon Connect exports (*.json) in a folder and the folders below it")
    }
    return ProjectLayout(groups: all)
  }

  private static func isUnder(_ path: String, _ prefix: String) -> Bool {
    prefix == "." || path == prefix || path.hasPrefix(prefix.hasSuffix("/") ? prefix : prefix + "/")
  }

  private static func config(in root: String) -> String? {
    let path = (root as NSString).appendingPathComponent(configName)
    return FileManager.default.fileExists(atPath: path) ? displayPath(path) : nil
  }

  /// The nearest folder from `start` upward that holds `center.yaml`.
  static func projectRoot(from start: String) -> String? {
    var dir = start
    let fm = FileManager.default
    while true {
      if fm.fileExists(atPath: (dir as NSString).appendingPathComponent(centerName)) { return dir }
      let parent = (dir as NSString).deletingLastPathComponent
      if parent == dir || parent.isEmpty { return nil }
      dir = parent
    }
  }

  /// Every flow file below `root`, skipping hidden folders and build folders, sorted.
  /// Symbolic links to folders are not followed, so a link cycle cannot trap the walk.
  /// Files that may hold a Connect flow are looked at on all cores: a folder of exports is
  /// a thousand files to open.
  static func flowFiles(under root: String) throws(InputError) -> [String] {
    let candidates = try files(under: root, skippingProjects: true) { isFlowFile($0) || mayBeConnectFlow($0) }
    let kept = parallelMap(candidates.count) { k in
      isFlowFile((candidates[k] as NSString).lastPathComponent) || isConnectFlow(candidates[k])
    }
    return candidates.indices.filter { kept[$0] }.map { candidates[$0] }
  }

  /// Whether a file named `name` may hold an Amazon Connect flow: `*.json`, or no extension
  /// (the AWS CLI's output is often saved without one).
  static func mayBeConnectFlow(_ name: String) -> Bool {
    (name.hasSuffix(".json") || !name.contains(".")) && name != centerName && name != configName
  }

  /// Whether the file at `path` holds an Amazon Connect flow, by a look at its first bytes:
  /// 4 KiB, where exports name their start action or wrapper, and 64 KiB when those do not
  /// tell.
  static func isConnectFlow(_ path: String) -> Bool {
    guard let head = FileReader.head(path, count: 4_096) else { return false }
    if ConnectReader.looksLikeFlow(head) { return true }
    guard head.count == 4_096, let more = FileReader.head(path, count: 65_536) else { return false }
    return ConnectReader.looksLikeFlow(more)
  }

  /// Every file below `root` whose name `matches`, skipping hidden folders, sorted. Symbolic
  /// links to folders are not followed.
  static func files(under root: String, skippingProjects: Bool = false, where matches: (String) -> Bool) throws(InputError) -> [String] {
    var files: [String] = []
    var pending = [root]
    // Asked once: the working folder is the same for every file found.
    let cwd = workingFolder()
    while let dir = pending.popLast() {
      // A folder below the root with a center.yaml of its own is another project.
      if skippingProjects, dir != root, FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent(centerName)) { continue }
      guard let handle = opendir(dir) else {
        throw InputError(path: displayPath(dir), reason: String(cString: strerror(errno)))
      }
      defer { closedir(handle) }
      while let entry = readdir(handle) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        if name.hasPrefix(".") { continue }
        let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
        switch Int32(entry.pointee.d_type) {
        case Int32(DT_DIR): pending.append(path)
        case Int32(DT_REG), Int32(DT_LNK): if matches(name) { files.append(displayPath(path, from: cwd)) }
        default:
          var info = stat()
          guard lstat(path, &info) == 0 else { continue }
          if (info.st_mode & S_IFMT) == S_IFDIR { pending.append(path) } else if matches(name) { files.append(displayPath(path, from: cwd)) }
        }
      }
    }
    return files.sorted()
  }

  /// The folders below `folder` (not `folder` itself) that hold a center.yaml.
  static func nestedProjectRoots(under folder: String) throws(InputError) -> [String] {
    let centers = try files(under: folder) { $0 == centerName }
    return centers.map { (absolutePath($0) as NSString).deletingLastPathComponent }.filter { $0 != folder }.sorted()
  }

  static func absolutePath(_ path: String) -> String {
    let joined = path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    return (joined as NSString).standardizingPath
  }

  /// `path` relative to the working folder when it lies below it, else absolute.
  static func displayPath(_ absolute: String) -> String { displayPath(absolute, from: workingFolder()) }

  /// The working folder, as ``displayPath(_:from:)`` takes it.
  static func workingFolder() -> String { (FileManager.default.currentDirectoryPath as NSString).standardizingPath }

  /// `path` relative to `cwd` (the working folder) when it lies below it, else absolute.
  static func displayPath(_ absolute: String, from cwd: String) -> String {
    if absolute == cwd { return "." }
    let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
    return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
  }
}
