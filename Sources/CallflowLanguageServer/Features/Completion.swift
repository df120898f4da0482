import CallflowDiagnostics
import CallflowSyntax
import Foundation

extension LanguageServer {
  /// `textDocument/completion`, from the text before the cursor on its line: block ids after
  /// `next:`, `start`, `on-error`, `goto:` and `->`; attribute paths after `$.`; the names of
  /// the project where a parameter takes a queue, prompt, hours, routing profile or flow, and
  /// the words where it takes one of a list; the parameters of the block being written; the
  /// block kinds the flow's type allows, where a block's kind goes.
  func completion(_ document: Document, at position: LSPAny) -> LSPAny {
    guard document.kind == .yamlFlow || document.kind == .dslFlow, let lineNumber = position["line"].int,
      let character = position["character"].int
    else { return [] }
    let positions = TextPositions(document.text)
    guard lineNumber >= 0, lineNumber < positions.lineCount else { return [] }
    let cursor = positions.location(line: lineNumber, character: character, encoding)
    let prefix = String(String(decoding: positions.line(lineNumber), as: UTF8.self).unicodeScalars.prefix(cursor.column - 1))
    let text = String(decoding: document.text, as: UTF8.self)
    let dsl = document.kind == .dslFlow
    func items(_ labels: [String], _ kind: Int, _ detail: (String) -> String?) -> LSPAny {
      .array(labels.map { label in
        var item: [String: LSPAny] = ["label": .string(label), "kind": .int(kind)]
        if let detail = detail(label) { item["detail"] = .string(detail) }
        return .object(item)
      })
    }
    // Item kinds: 6 variable (an attribute), 7 class (a block kind), 10 property (a
    // parameter), 12 value (a word), 18 reference (a block or a name).

    if Self.lastMatch(#"\$\.Attributes\.[A-Za-z0-9_-]*$"#, in: prefix) != nil {
      return items((facts[projectKey(document)]?.attributes ?? []).sorted(), 6) { _ in "set by a flow of the project" }
    }
    if let match = Self.lastMatch(#"\$\.([A-Za-z0-9_]*)$"#, in: prefix), match.isEmpty || !match.contains(".") {
      return items(
        AttributeCatalog.roots.map { root in
          switch root.shape {
          case .leaf: root.name
          case .fields, .named, .path: root.name + "."
          }
        }, 6) { label in AttributeCatalog.roots.first { $0.name == label || $0.name + "." == label }?.summary }
    }
    let lines = text.components(separatedBy: "\n")
    if !dsl, Self.lastMatch(#"\bon:\s*\{(?:[^}]*,)?\s*[a-z0-9"-]*$"#, in: prefix) != nil, let kind = Self.enclosingKind(lines, lineNumber, dsl: false) {
      return items(kind.spec.branchNames, 12) { _ in nil }
    }
    if dsl, Self.lastMatch(#"^\s+[a-z0-9"-]*$"#, in: prefix) != nil, Self.openBraces(lines, lineNumber) > 1,
      let kind = Self.enclosingKind(lines, lineNumber, dsl: true)
    {
      return items(kind.spec.branchNames, 12) { _ in nil }
    }
    let targetPattern = dsl ? #"(?:->|\bstart|\bon-error|\bgoto:)\s*[a-z0-9-]*$"# : #"(?:\bnext|\bstart|\bon-error|\bgoto):\s*[a-z0-9-]*$"#
    if Self.lastMatch(targetPattern, in: prefix) != nil || (!dsl && Self.lastMatch(#"\bon:\s*\{[^}]*:\s*[a-z0-9-]*$"#, in: prefix) != nil) {
      return items(Self.blockIDs(in: text, dsl: dsl), 18) { _ in nil }
    }
    // DSL: `id: kind` outside any parentheses is a block's kind.
    if dsl, Self.openParentheses(text, upTo: positions, line: lineNumber, column: cursor.column) == 0,
      Self.lastMatch(#"^\s*[a-z0-9-]+:\s*[a-z-]*$"#, in: prefix) != nil
    {
      return kindItems(text, dsl: dsl, items)
    }
    // A parameter's value: `key: partial` (or a kind's short form, `transfer-to-queue: …`,
    // `transfer-to-queue(…`).
    if let key = Self.lastMatch(#"([a-z][a-z-]*)(?::\s*|\(\s*)"?[^,{}()\[\]"]*$"#, in: prefix) {
      let types = Self.parameterTypes(named: key)
      if let resource = types.lazy.compactMap(\.resource).first {
        let known = facts[projectKey(document)]?.definitions ?? [:]
        let wanted = ProjectFacts.key(resource, "")
        let names = known.keys.filter { $0.hasPrefix(wanted) }.map { String($0.dropFirst(wanted.count)) }.sorted()
        return items(names, 18) { known[wanted + $0]?.summary }
      }
      let words = Array(Set(types.flatMap { type -> [String] in if case .word(let words) = type { words } else { [] } })).sorted()
      if !words.isEmpty { return items(words, 12) { _ in nil } }
    }
    // Parameters of the block being written: `kind: {…, ` or `kind(…, `.
    if let kindName = Self.lastMatch(dsl ? #"([a-z][a-z-]*)\((?:[^)]*,)?\s*[a-z-]*$"# : #"([a-z][a-z-]*):\s*\{(?:[^}]*,)?\s*[a-z-]*$"#, in: prefix),
      let kind = BlockKind(rawValue: kindName)
    {
      return parameterItems(kind, items)
    }
    // YAML, a key on a line of its own: what the line it is under holds decides.
    if !dsl, Self.lastMatch(#"^\s+[a-z-]*$"#, in: prefix) != nil {
      let indent = prefix.prefix { $0 == " " }.count
      var index = lineNumber - 1
      while index >= 0 {
        let line = lines[index]
        let lineIndent = line.prefix { $0 == " " }.count
        if !line.trimmingCharacters(in: .whitespaces).isEmpty, !line.trimmingCharacters(in: .whitespaces).hasPrefix("#"), lineIndent < indent {
          let key = Self.lastMatch(#"^\s*([a-z0-9-]+):"#, in: line) ?? ""
          if let kind = BlockKind(rawValue: key) { return parameterItems(kind, items) }
          if key == "on", let kind = Self.enclosingKind(lines, index, dsl: false) { return items(kind.spec.branchNames, 12) { _ in nil } }
          // Under a block's id: its kind, `next` or `on`.
          if lineIndent > 0, Self.lastMatch(#"^\s*[a-z0-9-]+:\s*(?:#.*)?$"#, in: line) != nil, key != "on" {
            return kindItems(text, dsl: false, items)
          }
          break
        }
        index -= 1
      }
    }
    return []
  }

  /// The first capture group (or the whole match) of the last match of `pattern` in `text`.
  static func lastMatch(_ pattern: String, in text: String) -> String? {
    guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
    let range = NSRange(text.startIndex..., in: text)
    guard let match = regex.matches(in: text, range: range).last else { return nil }
    let group = match.numberOfRanges > 1 && match.range(at: 1).location != NSNotFound ? match.range(at: 1) : match.range
    return Range(group, in: text).map { String(text[$0]) }
  }

  /// The block ids of a flow's text, found line by line (the text may not parse while it is
  /// being typed).
  static func blockIDs(in text: String, dsl: Bool) -> [String] {
    let pattern = dsl ? #"(?m)^\s*([a-z0-9-]+)\s*:\s*[a-z]"# : #"(?m)^  ([a-z0-9-]+):\s*(?:#.*)?$"#
    guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
    var ids: [String] = []
    for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
      if let range = Range(match.range(at: 1), in: text), !ids.contains(String(text[range])) { ids.append(String(text[range])) }
    }
    return ids.filter { !["flow", "type", "start", "description", "on-error", "blocks", "connect"].contains($0) }
  }

  /// The flow's type, from `type: …` (YAML) or `flow name : type` (DSL).
  static func flowType(in text: String, dsl: Bool) -> FlowType? {
    let word = lastMatch(dsl ? #"(?m)^\s*flow\s+[^\s:]+\s*:\s*([a-z-]+)"# : #"(?m)^type:\s*([a-z-]+)"#, in: text)
    return word.flatMap(FlowType.init(rawValue:))
  }

  /// The types a parameter named `name` has in any block kind (or, for a kind's name, its
  /// short form's parameter).
  static func parameterTypes(named name: String) -> [ValueType] {
    if let kind = BlockKind(rawValue: name), let main = kind.spec.mainParameter, let parameter = kind.spec.parameters.first(where: { $0.key == main }) {
      return [parameter.type]
    }
    var types: [ValueType] = []
    func visit(_ parameters: [ParameterSpec]) {
      for parameter in parameters {
        if parameter.name == name { types.append(parameter.type) }
        if case .record(let fields) = parameter.type { visit(fields) }
      }
    }
    for kind in BlockKind.allCases { visit(kind.spec.parameters) }
    return types
  }
}

extension LanguageServer {
  /// The block kinds the flow's type allows, as completion items.
  func kindItems(_ text: String, dsl: Bool, _ items: ([String], Int, (String) -> String?) -> LSPAny) -> LSPAny {
    let type = Self.flowType(in: text, dsl: dsl)
    let kinds = BlockKind.allCases.filter { type.map($0.spec.allowedIn.contains) ?? true }
    return items(kinds.map(\.rawValue), 7) { BlockKind(rawValue: $0)?.spec.summary }
  }

  /// The parameters of `kind`, as completion items.
  func parameterItems(_ kind: BlockKind, _ items: ([String], Int, (String) -> String?) -> LSPAny) -> LSPAny {
    items(kind.spec.parameters.map(\.name), 10) { name in kind.spec.parameters.first { $0.name == name }?.summary }
  }

  /// How many parentheses are open before line `line` (from 0), column `column` (from 1),
  /// outside quoted text.
  static func openParentheses(_ text: String, upTo positions: TextPositions, line: Int, column: Int) -> Int {
    var depth = 0
    var quoted = false
    var row = 0
    var col = 1
    for scalar in text.unicodeScalars {
      if row == line && col >= column || row > line { break }
      switch scalar {
      case "\n":
        row += 1
        col = 0
      case "\"": quoted.toggle()
      case "(" where !quoted: depth += 1
      case ")" where !quoted: depth = max(0, depth - 1)
      default: break
      }
      col += 1
    }
    return depth
  }
}

extension LanguageServer {
  /// The kind of the block line `line` (from 0) is in: the nearest kind key above it, up to
  /// the block's id.
  static func enclosingKind(_ lines: [String], _ line: Int, dsl: Bool) -> BlockKind? {
    var index = min(line, lines.count - 1)
    while index >= 0 {
      let text = lines[index]
      if dsl {
        if let word = lastMatch(#"^\s*[a-z0-9-]+:\s*([a-z-]+)"#, in: text) { return BlockKind(rawValue: word) }
      } else {
        if let key = lastMatch(#"^\s+([a-z-]+):"#, in: text), let kind = BlockKind(rawValue: key) { return kind }
        if index < line, lastMatch(#"^  [a-z0-9-]+:\s*(?:#.*)?$"#, in: text) != nil { return nil }
      }
      index -= 1
    }
    return nil
  }

  /// How many `{` are open before line `line` (from 0), outside quoted text and comments.
  static func openBraces(_ lines: [String], _ line: Int) -> Int {
    var depth = 0
    for text in lines.prefix(line) {
      var quoted = false
      var previous: Character = " "
      for character in text {
        if character == "\"" { quoted.toggle() }
        if !quoted {
          if character == "/" && previous == "/" { break }
          if character == "{" { depth += 1 }
          if character == "}" { depth = max(0, depth - 1) }
        }
        previous = character
      }
    }
    return depth
  }
}
