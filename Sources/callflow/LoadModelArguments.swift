import ArgumentParser

/// What `simulate` and `staff` both take: the project, its load model, and the report's form.
struct LoadModelArguments: ParsableArguments {
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @Argument(help: "The project folder.")
  var path: String = "."

  @Option(name: .long, help: "The load model (*.model.yaml).")
  var model: String

  @Option(name: .long, help: "Output format: text or json.")
  var format: Format = .text
}
