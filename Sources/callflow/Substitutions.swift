import ArgumentParser

/// `--env` and `--define`: the values that fill `${NAME}` in flows, for every command that
/// reads a project.
struct Substitutions: ParsableArguments {
  @Option(name: .long, help: "The environment of callflow.yaml whose values fill ${NAME}.")
  var env: String?

  @Option(name: .customLong("define"), help: ArgumentHelp("Give ${NAME} a value (wins over --env).", valueName: "NAME=VALUE"))
  var defines: [String] = []

  func validate() throws {
    for define in defines where !define.contains("=") || define.hasPrefix("=") {
      throw ValidationError("--define takes NAME=VALUE, not '\(define)'")
    }
  }

  /// The `--define` values by name.
  var values: [String: String] { definedValues(defines) }
}
