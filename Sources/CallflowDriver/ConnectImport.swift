import CallflowConcurrency
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
    /// Opening times by day (0 = Monday): `"08:00-18:00"`, from `describe-hours-of-operation`.
    var schedule: [Int: [String]] = [:]
    /// A queue's outbound caller ID: its name, and the id of its number.
    var callerName: String?
    var callerNumberID: String?
  }

  /// What the AWS CLI's descriptions of the instance say, besides flows.
  struct Instance {
    var resources: [String: Resource] = [:]
    /// Routing profiles by name: their queues (by ARN), priorities and delays.
    var profiles: [(name: String, arn: String?, queues: [(arn: String, name: String?, priority: Int, delay: Int)])] = []
    /// `list-routing-profile-queues` outputs, waiting for their profile, by file name stem.
    var profileQueues: [(stem: String, queues: [(arn: String, name: String?, priority: Int, delay: Int)])] = []
    var phoneNumbers: [String] = []
    /// The numbers by their Connect id, for queues' caller IDs.
    var numbersByID: [String: String] = [:]
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
    var instance = Instance()
    var flowSources: [(FileID, SourceFile)] = []
    for path in files {
      let bytes = try FileReader.read(path)
      let named = paths.contains { ProjectLayout.absolutePath($0) == ProjectLayout.absolutePath(path) }
      if !named, !ConnectReader.looksLikeFlow(bytes) {
        // AWS CLI descriptions of the instance's resources.
        if bytes.first == UInt8(ascii: "{") { describeResources(bytes, path: path, into: &instance) }
        continue
      }
      let source = SourceFile(path: path, bytes: bytes)
      flowSources.append((result.sources.add(source), source))
    }
    // The flows read on all cores, then taken in order.
    let toRead = flowSources
    let read = parallelMap(toRead.count) { k in ConnectReader.read(toRead[k].1.bytes, file: toRead[k].0) }
    for ((id, source), outcome) in zip(flowSources, read) {
      switch outcome {
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
    var usedNames = UniqueNames()
    var names: [String] = []
    for (_, source, document) in documents {
      let name = usedNames.claim(document.name.map { ConnectLowering.slug($0.value, fallback: "flow") } ?? ConnectFront.fallbackName(source.path))
      names.append(name)
      for key in [document.arn, document.id].compactMap({ $0 }) where !key.isEmpty { flowNames[key] = name }
    }
    var resources = instance.resources
    // The queues of the routing profiles are queues of the center, named as the list names them.
    for (_, queues) in instance.profileQueues {
      for q in queues where resources[q.arn] == nil {
        let id = q.arn.split(separator: "/").last.map(String.init) ?? q.arn
        resources[q.arn] = Resource(kind: .queue, name: q.name ?? "queue-\(id.prefix(8))", arn: q.arn)
      }
    }
    let byARN = Dictionary(resources.values.map { ($0.arn, $0.name) }, uniquingKeysWith: { a, _ in a })
    let knownFlows = flowNames
    // The last part of an ARN (`…/queue/<id>`): the resource's id.
    @Sendable func lastPart(_ value: String) -> Substring {
      value.lastIndex(of: "/").map { value[value.index(after: $0)...] } ?? value[...]
    }
    let naming = ConnectNaming { kind, value, display in
      if case .flow = kind, let name = knownFlows[value] { return name }
      guard value.hasPrefix("arn:") else { return value }
      if case .flow = kind {
        return knownFlows[value] ?? knownFlows[String(lastPart(value))] ?? value
      }
      if let name = byARN[value] { return name }
      if let display, !display.isEmpty { return display }
      return kind.noun.split(separator: " ").joined(separator: "-") + "-" + lastPart(value).prefix(8)
    }

    // Each flow lowered and printed on all cores, then taken in order.
    let (finalNames, toLower) = (names, documents)
    let decisions = FormDecisions()
    let imported = parallelMap(toLower.count) { k -> Imported in
      let (id, source, document) = toLower[k]
      var lowering = ConnectLowering(document, file: id, naming: naming, decisions: decisions)
      let (lowered, problems) = lowering.lower(fallbackName: finalNames[k])
      var imported = Imported(problems: problems)
      guard var flow = lowered, !problems.contains(where: { $0.severity == .error }) else { return imported }
      flow.name = flow.name.map { Located(finalNames[k], at: $0.span) }
      flow.comments = [Comment(" Imported from \(source.path) (\(document.shape.rawValue)) by `callflow import connect`.", at: flow.span)]
      imported.notes = lowering.notes.map { "\(source.path): \($0)" }
      imported.counts = (lowering.nativeCount + lowering.opaqueCount, lowering.nativeCount)
      imported.namedResources = lowering.namedResources.sorted { ($0.key, $0.value) < ($1.key, $1.value) }
      imported.yaml = YAMLPrinter.print(flow)
      return imported
    }
    var flows: [(String, String)] = []
    for (k, flow) in imported.enumerated() {
      result.diagnostics += flow.problems
      guard let yaml = flow.yaml else { continue }
      result.notes += flow.notes
      result.flowCount += 1
      result.actionCount += flow.counts.actions
      result.nativeCount += flow.counts.native
      for (name, value) in flow.namedResources where value.hasPrefix("arn:") {
        guard let kind = resourceKind(ofARN: value), resources[value] == nil, name != value else { continue }
        resources[value] = Resource(kind: kind, name: name, arn: value)
      }
      flows.append((names[k], yaml))
    }
    guard !result.diagnostics.contains(where: { $0.severity == .error }) else { return result }
    // Two resources with one display name: the flows name the first; the others keep their ARN.
    var seenNames: Set<String> = []
    let unique = resources.values.sorted { ($0.name, $0.arn) < ($1.name, $1.arn) }.filter { seenNames.insert("\($0.kind.noun):\($0.name)").inserted }
    result.files = [("center.yaml", centerYAML(unique, instance: instance, flows: flows.map(\.0)))]
    result.files += flows.sorted { $0.0 < $1.0 }.map { ("flows/\($0.0).flow.yaml", $0.1) }
    return result
  }

  /// What lowering and printing one flow gave.
  struct Imported: Sendable {
    var problems: [Diagnostic]
    var notes: [String] = []
    var counts: (actions: Int, native: Int) = (0, 0)
    var namedResources: [(key: String, value: String)] = []
    /// The flow's YAML, when it was lowered without an error.
    var yaml: String?
  }

  /// Writes the project's files into `folder`: first into a new folder beside it, then
  /// renamed into place, so a failed import leaves nothing behind.
  public static func write(_ result: Result, to folder: String, force: Bool) throws(InputError) {
    try OutputFile.writeFolder(result.files, to: folder, force: force)
  }

  static func resourceKind(ofARN arn: String) -> ResourceKind? {
    if arn.contains("/queue/") { return .queue }
    if arn.contains("/operating-hours/") { return .hours }
    if arn.contains("/prompt/") { return .prompt }
    return nil
  }

  /// Queues, hours, prompts, routing profiles and phone numbers from the output of `aws
  /// connect describe-queue`, `describe-hours-of-operation`, `list-prompts`,
  /// `describe-routing-profile`, `list-routing-profile-queues` and `list-phone-numbers`.
  static func describeResources(_ bytes: [UInt8], path: String, into instance: inout Instance) {
    var reader = JSONReader(bytes, file: FileID(0))
    guard let root = try? reader.read() else { return }
    func integer(_ node: JSONNode?) -> Int? {
      guard let node, case .number(let n) = node.kind else { return nil }
      return Int(n)
    }
    if let queue = root["Queue"], let arn = queue["QueueArn"]?.string, let name = queue["Name"]?.string {
      var resource = Resource(kind: .queue, name: name, arn: arn, capacity: integer(queue["MaxContacts"]))
      resource.callerName = queue["OutboundCallerConfig"]?["OutboundCallerIdName"]?.string
      resource.callerNumberID = queue["OutboundCallerConfig"]?["OutboundCallerIdNumberId"]?.string
      instance.resources[arn] = resource
    }
    if let hours = root["HoursOfOperation"], let arn = hours["HoursOfOperationArn"]?.string, let name = hours["Name"]?.string {
      var resource = Resource(kind: .hours, name: name, arn: arn, timezone: hours["TimeZone"]?.string)
      let days = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"]
      for entry in hours["Config"]?.items ?? [] {
        guard let day = entry["Day"]?.string.flatMap(days.firstIndex(of:)), let start = entry["StartTime"], let end = entry["EndTime"],
          let sh = integer(start["Hours"]), let sm = integer(start["Minutes"]), let eh = integer(end["Hours"]), let em = integer(end["Minutes"])
        else { continue }
        let close = (eh == 0 && em == 0) ? (24, 0) : (eh, em)
        resource.schedule[day, default: []].append(String(format: "%02d:%02d-%02d:%02d", sh, sm, close.0, close.1))
      }
      instance.resources[arn] = resource
    }
    for prompt in root["PromptSummaryList"]?.items ?? [] {
      guard let arn = prompt["Arn"]?.string, let name = prompt["Name"]?.string else { continue }
      instance.resources[arn] = Resource(kind: .prompt, name: name, arn: arn)
    }
    func queues(_ list: [JSONNode]) -> [(arn: String, name: String?, priority: Int, delay: Int)] {
      list.compactMap { item in
        guard let arn = item["QueueArn"]?.string, (item["Channel"]?.string ?? "VOICE") == "VOICE" else { return nil }
        return (arn, item["QueueName"]?.string, integer(item["Priority"]) ?? 1, integer(item["Delay"]) ?? 0)
      }
    }
    if let profile = root["RoutingProfile"], let name = profile["Name"]?.string {
      instance.profiles.append((name, profile["RoutingProfileArn"]?.string, []))
    }
    if let list = root["RoutingProfileQueueConfigSummaryList"]?.items {
      let stem = ConnectFront.fallbackName(path)
      instance.profileQueues.append((stem, queues(list)))
    }
    for number in (root["PhoneNumberSummaryList"]?.items ?? []) + (root["ListPhoneNumbersSummaryList"]?.items ?? []) {
      guard let text = number["PhoneNumber"]?.string else { continue }
      instance.phoneNumbers.append(text)
      if let id = number["Id"]?.string ?? number["PhoneNumberId"]?.string { instance.numbersByID[id] = text }
    }
  }

  /// `center.yaml` for the resources the flows name.
  static func centerYAML(_ resources: [Resource], instance: Instance, flows: [String]) -> String {
    func key(_ s: String) -> String { YAMLPrinter.key(s) }
    func quoted(_ s: String) -> String { YAMLPrinter.quoted(s) }
    var out = "# Imported from Amazon Connect by `callflow import connect`: the resources the flows name,\n"
    out += "# with their ARNs. What the exports do not say (capacities, opening times) is to be filled in.\n"
    out += "center: imported\n"
    let queues = resources.filter { $0.kind == .queue }
    if !queues.isEmpty {
      out += "\nqueues:\n"
      for q in queues {
        var callerID: [String] = []
        if let name = q.callerName { callerID.append("name: \(quoted(name))") }
        if let number = q.callerNumberID.flatMap({ instance.numbersByID[$0] }) { callerID.append("number: \(quoted(number))") }
        out += "  \(key(q.name)): {" + (q.capacity.map { "capacity: \($0), " } ?? "")
          + (callerID.isEmpty ? "" : "caller-id: {\(callerID.joined(separator: ", "))}, ") + "arn: \(quoted(q.arn))}\n"
      }
    }
    let hours = resources.filter { $0.kind == .hours }
    if !hours.isEmpty {
      out += "\nhours:\n"
      let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
      for h in hours {
        if h.timezone == nil || h.schedule.isEmpty {
          out += "  # The exports do not give these hours' time zone and times: UTC, always open, assumed.\n"
          out += "  \(key(h.name)): {timezone: \(h.timezone ?? "UTC"), mon-sun: \"00:00-24:00\", arn: \(quoted(h.arn))}\n"
          continue
        }
        out += "  \(key(h.name)): {timezone: \(h.timezone ?? "UTC")"
        for (d, day) in days.enumerated() {
          out += ", \(day): " + quoted(h.schedule[d].map { $0.sorted().joined(separator: ", ") } ?? "closed")
        }
        out += ", arn: \(quoted(h.arn))}\n"
      }
    }
    // Routing profiles: each `list-routing-profile-queues` output belongs to the profile
    // described beside it (the only one, or the one its file is named after).
    var profiles: [(String, [(arn: String, name: String?, priority: Int, delay: Int)])] = []
    for (stem, queues) in instance.profileQueues {
      let owner =
        instance.profiles.count == 1
        ? instance.profiles[0].name
        : instance.profiles.first { stem.contains(ConnectLowering.slug($0.name, fallback: "")) }?.name ?? stem
      profiles.append((owner, queues))
    }
    let queueNames = Dictionary(resources.filter { $0.kind == .queue }.map { ($0.arn, $0.name) }, uniquingKeysWith: { a, _ in a })
    if !profiles.isEmpty {
      out += "\nrouting-profiles:\n"
      for (name, queues) in profiles.sorted(by: { $0.0 < $1.0 }) {
        out += "  \(key(name)):\n    queues:\n"
        for q in queues {
          let queue = queueNames[q.arn] ?? q.name ?? q.arn
          out += "      - {queue: \(key(queue)), priority: \(q.priority)" + (q.delay > 0 ? ", delay: \(DurationSyntax.format(q.delay))" : "") + "}\n"
        }
      }
    }
    if !instance.phoneNumbers.isEmpty {
      out += "\n# The instance's numbers: `list-phone-numbers` does not say which flow each starts.\n"
      out += "# phone-numbers:\n"
      for number in Set(instance.phoneNumbers).sorted() { out += "#   \(quoted(number)): <an inbound flow>\n" }
    }
    let prompts = resources.filter { $0.kind == .prompt }
    if !prompts.isEmpty {
      out += "\nprompts:\n"
      for p in prompts { out += "  \(key(p.name)): {text: \(quoted(p.name)), arn: \(quoted(p.arn))}\n" }
    }
    return out
  }
}
