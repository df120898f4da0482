/// `--define NAME=VALUE` options as a table of values (a bare `NAME` sets it empty).
func definedValues(_ defines: [String]) -> [String: String] {
  var values: [String: String] = [:]
  for define in defines {
    let parts = define.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
    values[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
  }
  return values
}
