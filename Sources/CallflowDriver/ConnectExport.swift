import CallflowConnect
import CallflowDiagnostics
import CallflowSyntax
import Foundation

/// `callflow export connect`: a checked project as Amazon Connect flow language, and a
/// CloudFormation template that deploys it.
public enum ConnectExport {
  public struct Result: Sendable {
    public var sources: SourceMap
    public var diagnostics: [Diagnostic]
    /// `<flow>.json` and its text for every flow, by name.
    public var files: [(path: String, text: String)]
    /// The CloudFormation template, when asked for.
    public var template: String?
  }

  /// Exports the project at `path`; nothing when it has errors.
  public static func run(project path: String, cloudformation: Bool) throws(InputError) -> Result {
    // The export writes each flow's syntax back: the check keeps the trees whole.
    let check = try CheckRun.run(paths: [path], options: CheckOptions(keepCheckedBlocks: false))
    var result = Result(sources: check.sources, diagnostics: check.diagnostics, files: [], template: nil)
    guard check.summary.errors == 0 else { return result }
    guard !check.flows.isEmpty else { throw InputError("\(path) holds no flow to export") }
    let center = check.centers.first
    var arns: [String: String] = [:]
    for kind in [ResourceKind.queue, .prompt, .hours] {
      for (arn, name) in center?.arns(of: kind) ?? [] { arns["\(kind.noun):\(name)"] = arn }
    }
    let flows = check.flows.map(\.syntax).sorted { ($0.name?.value ?? "") < ($1.name?.value ?? "") }
    var flowARNs: [String: String] = [:]
    for flow in flows {
      if let name = flow.name?.value, case .record(let fields)? = flow.connect?.kind,
        let arn = fields.first(where: { $0.name.value == "arn" })?.value.scalarText
      {
        flowARNs[name] = arn
      }
    }
    var parameters: [String: ResourceKind] = [:]
    let logical = Dictionary(flows.compactMap { f in f.name.map { ($0.value, logicalName($0.value, suffix: "Flow")) } }, uniquingKeysWith: { a, _ in a })
    let modules = Set(flows.filter { $0.type?.value == FlowType.module.rawValue }.compactMap { $0.name?.value })
    // A flow of the project is named by its ARN in the files (or a placeholder when it has
    // none yet), and by its resource in the template, so that the stack deploys them together.
    let flowsByARN = Dictionary(flowARNs.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
    func resource(inTemplate: Bool) -> (ResourceKind, String) -> String {
      { kind, written in
        // A flow of the project named by its ARN (an export checked in place) is that flow.
        var name = written
        if case .flow = kind, inTemplate, let known = flowsByARN[written] { name = known }
        if ConnectReference.isWrittenAsIs(name) { return name }
        if case .flow = kind {
          if !inTemplate, let arn = flowARNs[name] { return arn }
          let attribute = modules.contains(name) ? "ContactFlowModuleArn" : "ContactFlowArn"
          return "${\(logical[name] ?? logicalName(name, suffix: "Flow")).\(attribute)}"
        }
        if let arn = arns["\(kind.noun):\(name)"] { return arn }
        let parameter = logicalName(name, suffix: kind.noun.capitalized.replacingOccurrences(of: " ", with: "") + "Arn")
        parameters[parameter] = kind
        return "${\(parameter)}"
      }
    }
    var contents: [(flow: FlowSyntax, json: ConnectJSON)] = []
    var templateContents: [(flow: FlowSyntax, json: ConnectJSON)] = []
    for flow in flows {
      switch ConnectExporter.export(flow, resource: resource(inTemplate: false)) {
      case .success(let json): contents.append((flow, json))
      case .failure(let failure): result.diagnostics += failure.diagnostics
      }
      if cloudformation, case .success(let json) = ConnectExporter.export(flow, resource: resource(inTemplate: true)) {
        templateContents.append((flow, json))
      }
    }
    guard result.diagnostics.allSatisfy({ $0.severity != .error }) else { return result }
    result.files = contents.map { ("\($0.flow.name?.value ?? "flow").json", $0.json.printed() + "\n") }
    if cloudformation { result.template = template(templateContents, parameters: parameters, logical: logical) + "\n" }
    return result
  }

  /// One `AWS::Connect::ContactFlow` (or `ContactFlowModule`) per flow; the instance and the
  /// resources with no ARN in center.yaml are parameters, flows refer to each other's ARNs.
  static func template(_ contents: [(flow: FlowSyntax, json: ConnectJSON)], parameters: [String: ResourceKind], logical: [String: String]) -> String {
    var parameterMembers: [(String, ConnectJSON)] = [
      (
        "InstanceArn",
        .object([
          ("Type", .string("String")), ("Description", .string("The ARN of the Amazon Connect instance")),
          ("AllowedPattern", .string("^arn:aws[-a-z0-9]*:connect:[-a-z0-9]*:[0-9]{12}:instance/[-a-zA-Z0-9]*$")),
        ])
      )
    ]
    for (name, kind) in parameters.sorted(by: { $0.key < $1.key }) {
      parameterMembers.append((name, .object([("Type", .string("String")), ("Description", .string("The ARN of the \(kind.noun)"))])))
    }
    var resources: [(String, ConnectJSON)] = []
    for (flow, json) in contents {
      let name = flow.name?.value ?? "flow"
      let type = flow.type.flatMap { FlowType(rawValue: $0.value) }
      let content = json.compact()
      var properties: [(String, ConnectJSON)] = [
        ("InstanceArn", .object([("Ref", .string("InstanceArn"))])), ("Name", .string(displayName(flow))),
      ]
      if let description = flow.description?.value { properties.append(("Description", .string(description))) }
      let resourceType: String
      if type == .module {
        resourceType = "AWS::Connect::ContactFlowModule"
      } else {
        resourceType = "AWS::Connect::ContactFlow"
        properties.append(("Type", .string(type.flatMap(ConnectFlowType.connect)?.api ?? "CONTACT_FLOW")))
      }
      // `${…}` placeholders (resources, other flows) are filled by Fn::Sub; a flow with none is its text.
      properties.append(("Content", content.contains("${") ? .object([("Fn::Sub", .string(content))]) : .string(content)))
      resources.append((logical[name] ?? logicalName(name, suffix: "Flow"), .object([("Type", .string(resourceType)), ("Properties", .object(properties))])))
    }
    return ConnectJSON.object([
      ("AWSTemplateFormatVersion", .string("2010-09-09")),
      ("Description", .string("Amazon Connect flows exported by callflow export connect")),
      ("Parameters", .object(parameterMembers)),
      ("Resources", .object(resources)),
    ]).printed()
  }

  /// The flow's name in Connect: the one it was imported with, else its Callflow name.
  static func displayName(_ flow: FlowSyntax) -> String {
    if case .record(let fields)? = flow.connect?.kind, let name = fields.first(where: { $0.name.value == "name" })?.value.scalarText {
      return name
    }
    return flow.name?.value ?? "flow"
  }

  /// A CloudFormation logical name: `callback-queue` and `Flow` give `CallbackQueueFlow`.
  static func logicalName(_ name: String, suffix: String) -> String {
    let words = name.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
    let joined = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    let safe = joined.first?.isLetter == true ? joined : "R" + joined
    return safe + suffix
  }
}
