import ArgumentParser
import CallflowSyntax

/// The files a schema describes.
enum SchemaKind: String, ExpressibleByArgument, CaseIterable {
  case flow, center
}

struct Schema: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the JSON Schema of flow YAML files or of center.yaml.",
    discussion: """
      The schemas are generated from the block catalog. Point your editor's YAML language \
      server at them, or put a modeline at the top of a file: \
      # yaml-language-server: $schema=../Grammar/flow.schema.json
      """
  )

  @Argument(help: "flow or center")
  var kind: SchemaKind

  func run() {
    let schema = kind == .flow ? FlowSchema.flow() : CenterSchema.center()
    Terminal.standardOutput(schema.printed() + "\n")
  }
}
