import Foundation

extension Project {
  /// The project an editor's document belongs to, with every path absolute and every file
  /// reported: the folder holding `center.yaml` above `path` (as `callflow check` finds it),
  /// or, with none, the document on its own. `overlays` are the texts of the documents open
  /// in the editor, by absolute path: they stand for the files on disk, and an open flow
  /// file not saved yet belongs to its project too.
  public static func editing(_ path: String, overlays: [String: [UInt8]], flowFiles: [String]? = nil) throws(InputError) -> Project {
    let absolute = ProjectLayout.absolutePath(path)
    guard let root = ProjectLayout.projectRoot(from: (absolute as NSString).deletingLastPathComponent) else {
      let file = File(path: absolute, bytes: overlays[absolute])
      return Project(root: nil, config: nil, center: nil, flows: [file], reported: [absolute], complete: false)
    }
    func file(_ path: String) -> File { File(path: path, bytes: overlays[path]) }
    var flowPaths: [String]
    if let flowFiles { flowPaths = flowFiles } else { flowPaths = try Self.flowFiles(in: root) }
    let known = Set(flowPaths)
    for open in overlays.keys.sorted() where !known.contains(open) && open.hasPrefix(root + "/") {
      let name = (open as NSString).lastPathComponent
      guard ProjectLayout.isFlowFile(name), ProjectLayout.projectRoot(from: (open as NSString).deletingLastPathComponent) == root else { continue }
      flowPaths.append(open)
    }
    let centerPath = (root as NSString).appendingPathComponent(ProjectLayout.centerName)
    let configPath = (root as NSString).appendingPathComponent(ProjectLayout.configName)
    let config = FileManager.default.fileExists(atPath: configPath) || overlays[configPath] != nil ? file(configPath) : nil
    let flows = flowPaths.map(file)
    let reported = Set(flows.map(\.path) + [centerPath] + (config.map { [$0.path] } ?? []))
    return Project(root: root, config: config, center: file(centerPath), flows: flows, reported: reported, complete: true)
  }

  /// The flow files on disk in the project whose folder is `root` (absolute), absolute:
  /// what ``editing(_:overlays:flowFiles:)`` walks the folder for when not given them.
  public static func flowFiles(in root: String) throws(InputError) -> [String] {
    // The walk's paths are below `root`, shown relative to the working folder when they are
    // below it: made absolute again without resolving links, which costs a call per folder.
    let cwd = FileManager.default.currentDirectoryPath
    return try ProjectLayout.flowFiles(under: root).map { $0.hasPrefix("/") ? $0 : (cwd as NSString).appendingPathComponent($0) }
  }

  /// `path` absolute, with `.`, `..` and links resolved, as a project's files are named.
  public static func canonicalPath(_ path: String) -> String { ProjectLayout.absolutePath(path) }

  /// The folder of the project `path` belongs to (the nearest holding `center.yaml`), absolute.
  public static func root(of path: String) -> String? {
    let absolute = ProjectLayout.absolutePath(path)
    return ProjectLayout.projectRoot(from: (absolute as NSString).deletingLastPathComponent)
  }
}
