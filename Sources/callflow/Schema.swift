import ArgumentParser
import CallflowSyntax

/// The files a schema describes.
enum SchemaKind: String, ExpressibleByArgument, CaseIterable {
  case flow, center, config
}

struct Schema: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: "Print the JSON Schema of flow YAML files, center.yaml or callflow.yaml.",
    discussion: """
      The schemas are generated from the block catalog. Point your editor's YAML language \
      server at them, or put a modeline at the top of a file: \
      # yaml-language-server: $schema=../Grammar/flow.schema.json
      """
  )

  @Argument(help: "flow, center or config")
  var kind: SchemaKind

  func run() {
    let schema: JSONValue
    switch kind {
    case .flow: schema = FlowSchema.flow()
    case .center: schema = CenterSchema.center()
    case .config: schema = ConfigSchema.config()
    }
    Terminal.standardOutput(schema.printed() + "\n")
  }
}
