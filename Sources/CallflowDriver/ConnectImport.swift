import CallflowConnect
import CallflowDiagnostics
import CallflowSyntax
import CallflowYAML
import Foundation

/// `callflow import connect`: Amazon Connect exports to a Callflow project.
public enum ConnectImport {
  /// What importing gives: the project's files (by path relative to the output folder), or
  /// the diagnostics of the files that could not be imported.
  public struct Result: Sendable {
    public var sources: SourceMap
    public var diagnostics: [Diagnostic]
    /// Relative path and text of every file of the project, `center.yaml` first.
    public var files: [(path: String, text: String)]
    /// What the reader should know, one line each.
    public var notes: [String]
    public var flowCount = 0
    public var actionCount = 0
    public var nativeCount = 0
  }

  /// A resource `center.yaml` will hold.
  struct Resource {
    var kind: ResourceKind
    var name: String
    var arn: String
    var capacity: Int?
    var timezone: String?
  }

  /// Imports the flows of `paths` (files, or folders searched for files in one of the four
  /// shapes, whatever their extension) and the AWS CLI resource descriptions beside them.
  public static func run(paths: [String]) throws(InputError) -> Result {
    var files: [String] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw InputError(path: path, reason: "No such file or directory")
      }
      if isDirectory.boolValue {
        files += try ProjectLayout.files(under: ProjectLayout.absolutePath(path)) { !$0.hasSuffix(".yaml") && !$0.hasSuffix(".md") }
      } else {
        files.append(ProjectLayout.displayPath(ProjectLayout.absolutePath(path)))
      }
    }
    var result = Result(sources: SourceMap(), diagnostics: [], files: [], notes: [])
    var documents: [(FileID, SourceFile, ConnectDocument)] = []
    var resources: [String: Resource] = [:]
    for path in files {
      let bytes = try FileReader.read(path)
      let named = paths.contains { ProjectLayout.absolutePath($0) == ProjectLayout.absolutePath(path) }
      if !named, !ConnectReader.looksLikeFlow(bytes) {
        // AWS CLI descriptions of the instance's resources.
        if bytes.first == UInt8(ascii: "{") { describeResources(bytes, into: &resources) }
        continue
      }
      let source = SourceFile(path: path, bytes: bytes)
      let id = result.sources.add(source)
      switch ConnectReader.read(bytes, file: id) {
      case .success(let document): documents.append((id, source, document))
      case .failure(let error):
        result.diagnostics.append(Diagnostic(.connectSyntax, error.message, at: error.span, notes: error.notes))
      }
    }
    guard !documents.isEmpty || !result.diagnostics.isEmpty else {
      throw InputError("no Amazon Connect flow found in \(paths.joined(separator: ", "))")
    }

    // Flow names first, so that references between the flows become names.
    var flowNames: [String: String] = [:]
    var usedNames: Set<String> = []
    var names: [String] = []
    for (_, source, document) in documents {
      let base = document.name.map { ConnectLowering.slug($0.value, fallback: "flow") } ?? ConnectFront.fallbackName(source.path)
      var name = base
      var n = 2
      while usedNames.contains(name) {
        name = "\(base)-\(n)"
        n += 1
      }
      usedNames.insert(name)
      names.append(name)
      for key in [document.arn, document.id].compactMap({ $0 }) { flowNames[key] = name }
    }
    let byARN = Dictionary(resources.values.map { ($0.arn, $0.name) }, uniquingKeysWith: { a, _ in a })
    let knownFlows = flowNames
    let naming = ConnectNaming { kind, value, display in
      if case .flow = kind, let name = knownFlows[value] { return name }
      guard value.hasPrefix("arn:") else { return value }
      if case .flow = kind {
        let id = value.split(separator: "/").last.map(String.init) ?? value
        return knownFlows[value] ?? knownFlows[id] ?? value
      }
      if let name = byARN[value] { return name }
      if let display, !display.isEmpty { return display }
      let id = value.split(separator: "/").last.map(String.init) ?? value
      return "\(kind.noun.replacingOccurrences(of: " ", with: "-"))-\(id.prefix(8))"
    }

    var flows: [(String, String)] = []
    for (k, (id, source, document)) in documents.enumerated() {
      var lowering = ConnectLowering(document, file: id, naming: naming)
      let (lowered, problems) = lowering.lower(fallbackName: names[k])
      result.diagnostics += problems
      guard var flow = lowered, !problems.contains(where: { $0.severity == .error }) else { continue }
      flow.name = flow.name.map { Located(names[k], at: $0.span) }
      for note in lowering.notes { result.notes.append("\(source.path): \(note)") }
      result.flowCount += 1
      result.actionCount += lowering.nativeCount + lowering.opaqueCount
      result.nativeCount += lowering.nativeCount
      for (name, value) in lowering.namedResources where value.hasPrefix("arn:") {
        guard let kind = resourceKind(ofARN: value), resources[value] == nil, name != value else { continue }
        resources[value] = Resource(kind: kind, name: name, arn: value)
      }
      flow.comments = [Comment(" Imported from \(source.path) (\(document.shape.rawValue)) by `callflow import connect`.", at: flow.span)]
      flows.append((names[k], YAMLPrinter.print(flow)))
    }
    guard !result.diagnostics.contains(where: { $0.severity == .error }) else { return result }
    // Two resources with one display name: the flows name the first; the others keep their ARN.
    var seenNames: Set<String> = []
    let unique = resources.values.sorted { ($0.name, $0.arn) < ($1.name, $1.arn) }.filter { seenNames.insert("\($0.kind.noun):\($0.name)").inserted }
    result.files = [("center.yaml", centerYAML(unique))]
    result.files += flows.sorted { $0.0 < $1.0 }.map { ("flows/\($0.0).flow.yaml", $0.1) }
    return result
  }

  /// Writes the project's files into `folder`: first into a new folder beside it, then
  /// renamed into place, so a failed import leaves nothing behind.
  public static func write(_ result: Result, to folder: String, force: Bool) throws(InputError) {
    let fm = FileManager.default
    let target = ProjectLayout.absolutePath(folder)
    if fm.fileExists(atPath: target), !force {
      throw InputError("\(folder) exists already; pass --force to replace it")
    }
    let staging = target + ".callflow-import-\(ProcessInfo.processInfo.processIdentifier)"
    do {
      try? fm.removeItem(atPath: staging)
      for (path, text) in result.files {
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

  static func resourceKind(ofARN arn: String) -> ResourceKind? {
    if arn.contains("/queue/") { return .queue }
    if arn.contains("/operating-hours/") { return .hours }
    if arn.contains("/prompt/") { return .prompt }
    return nil
  }

  /// Queues, hours and prompts from `aws connect describe-queue`, `describe-hours-of-operation`
  /// and `list-prompts` output.
  static func describeResources(_ bytes: [UInt8], into resources: inout [String: Resource]) {
    var reader = JSONReader(bytes, file: FileID(0))
    guard let root = try? reader.read() else { return }
    if let queue = root["Queue"], let arn = queue["QueueArn"]?.string, let name = queue["Name"]?.string {
      let capacity = queue["MaxContacts"].flatMap { node -> Int? in if case .number(let n) = node.kind { Int(n) } else { nil } }
      resources[arn] = Resource(kind: .queue, name: name, arn: arn, capacity: capacity)
    }
    if let hours = root["HoursOfOperation"], let arn = hours["HoursOfOperationArn"]?.string, let name = hours["Name"]?.string {
      resources[arn] = Resource(kind: .hours, name: name, arn: arn, timezone: hours["TimeZone"]?.string)
    }
    for prompt in root["PromptSummaryList"]?.items ?? [] {
      guard let arn = prompt["Arn"]?.string, let name = prompt["Name"]?.string else { continue }
      resources[arn] = Resource(kind: .prompt, name: name, arn: arn)
    }
  }

  /// `center.yaml` for the resources the flows name.
  static func centerYAML(_ resources: [Resource]) -> String {
    func key(_ s: String) -> String { YAMLPrinter.key(s) }
    func quoted(_ s: String) -> String { YAMLPrinter.quoted(s) }
    var out = "# Imported from Amazon Connect by `callflow import connect`: the resources the flows name,\n"
    out += "# with their ARNs. What the exports do not say (capacities, opening times) is to be filled in.\n"
    out += "center: imported\n"
    let queues = resources.filter { $0.kind == .queue }
    if !queues.isEmpty {
      out += "\nqueues:\n"
      for q in queues {
        out += "  \(key(q.name)): {" + (q.capacity.map { "capacity: \($0), " } ?? "") + "arn: \(quoted(q.arn))}\n"
      }
    }
    let hours = resources.filter { $0.kind == .hours }
    if !hours.isEmpty {
      out += "\nhours:\n"
      for h in hours {
        if h.timezone == nil { out += "  # The export does not give these hours' time zone and times: UTC, always open, assumed.\n" }
        out += "  \(key(h.name)): {timezone: \(h.timezone ?? "UTC"), mon-sun: \"00:00-24:00\", arn: \(quoted(h.arn))}\n"
      }
    }
    let prompts = resources.filter { $0.kind == .prompt }
    if !prompts.isEmpty {
      out += "\nprompts:\n"
      for p in prompts { out += "  \(key(p.name)): {text: \(quoted(p.name)), arn: \(quoted(p.arn))}\n" }
    }
    return out
  }
}
