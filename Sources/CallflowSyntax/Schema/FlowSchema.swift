/// JSON Schemas (draft-07) for the YAML files, generated from the catalog, so that editors
/// with a YAML language server complete and validate flows as they are typed.
/// `callflow schema flow|center|config` prints them; `Grammar/` holds the committed copies.
public enum FlowSchema {
  static let blockID: JSONValue = .object([("$ref", "#/definitions/block-id")])

  /// The schema of `*.flow.yaml` files.
  public static func flow() -> JSONValue {
    var definitions: [(String, JSONValue)] = [
      ("block-id", .object([("type", "string"), ("pattern", "^[a-z0-9-]+$"), ("description", "a block of this flow")])),
      ("substitution", .object([("type", "string"), ("pattern", "\\$\\{[^}]*\\}"), ("description", "a ${NAME} filled from callflow.yaml or --define")])),
      ("scalar", .object([("type", .array(["string", "number", "boolean"]))])),
      ("block", .object([("oneOf", .array(BlockKind.allCases.map { .object([("$ref", .string("#/definitions/\($0.rawValue)"))]) }))])),
    ]
    for kind in BlockKind.allCases { definitions.append((kind.rawValue, block(kind))) }
    return .object([
      ("$schema", "http://json-schema.org/draft-07/schema#"),
      ("title", "Callflow flow"),
      ("description", "A contact-center flow in YAML (*.flow.yaml). See Docs/LANGUAGE.md."),
      ("type", "object"),
      ("additionalProperties", false),
      ("required", .array(["flow", "type", "start", "blocks"])),
      (
        "properties",
        .object([
          ("flow", .object([("type", "string"), ("description", "the flow's name, unique in the project")])),
          ("type", .object([("enum", .array(FlowType.allCases.map { .string($0.rawValue) })), ("description", "where the flow runs")])),
          ("description", .object([("type", "string")])),
          ("start", blockID),
          ("on-error", blockID),
          ("connect", .object([("type", "object"), ("description", "what Amazon Connect knows of an imported flow (Docs/CONNECT.md)")])),
          (
            "blocks",
            .object([
              ("type", "object"), ("propertyNames", .object([("pattern", "^[a-z0-9-]+$")])),
              ("additionalProperties", .object([("$ref", "#/definitions/block")])),
            ])
          ),
        ])
      ),
      ("definitions", .object(definitions)),
    ])
  }

  private static func block(_ kind: BlockKind) -> JSONValue {
    let spec = kind.spec
    var properties: [(String, JSONValue)] = [
      (kind.rawValue, .object([("description", .string(spec.summary))] + [("anyOf", .array(bodies(spec)))]))
    ]
    if spec.takesNext { properties.append(("next", blockID)) }
    if !spec.branches.isEmpty || spec.branchPerValueOf != nil || spec.openBranches {
      properties.append((
        "on",
        .object([
          ("type", "object"),
          ("properties", .object(spec.branchNames.map { ($0, blockID) })),
          ("additionalProperties", spec.branchPerValueOf != nil || spec.openBranches ? blockID : false),
        ])
      ))
    }
    return .object([
      ("type", "object"), ("required", .array([.string(kind.rawValue)])), ("additionalProperties", false),
      ("properties", .object(properties)),
    ])
  }

  /// The forms a block's kind key can hold: its parameters as a mapping, its main parameter
  /// alone, or nothing when no parameter is required.
  private static func bodies(_ spec: BlockSpec) -> [JSONValue] {
    var forms: [JSONValue] = []
    if let open = spec.openParameters {
      forms.append(.object([("type", "object"), ("additionalProperties", schema(open))]))
    } else {
      let required = spec.parameters.filter(\.required).map { JSONValue.string($0.name) }
      var record: [(String, JSONValue)] = [
        ("type", "object"), ("additionalProperties", false),
        ("properties", .object(spec.parameters.map { ($0.name, described(schema($0.type), $0.summary)) })),
      ]
      if !required.isEmpty { record.append(("required", .array(required))) }
      if !spec.requiresWhen.isEmpty {
        record.append((
          "allOf",
          .array(spec.requiresWhen.map { rule in
            .object([
              ("if", .object([("properties", .object([(rule.parameter.name, .object([("const", .string(rule.value))]))])), ("required", .array([.string(rule.parameter.name)]))])),
              ("then", .object([("required", .array([.string(rule.requires.name)]))])),
            ])
          })
        ))
      }
      forms.append(.object(record))
    }
    if let main = spec.mainParameter, let parameter = spec.parameter(main) { forms.append(schema(parameter.type)) }
    if !spec.parameters.contains(where: \.required) && spec.requiresOneOf.isEmpty { forms.append(.object([("type", "null")])) }
    return forms
  }

  private static func described(_ schema: JSONValue, _ text: String) -> JSONValue {
    guard case .object(let fields) = schema else { return schema }
    return .object([("description", .string(text))] + fields)
  }

  /// The schema of a value type; every non-text type also accepts a `${NAME}`.
  static func schema(_ type: ValueType) -> JSONValue {
    let substitution: JSONValue = .object([("$ref", "#/definitions/substitution")])
    func orSubstitution(_ schema: JSONValue) -> JSONValue { .object([("anyOf", .array([schema, substitution]))]) }
    switch type {
    case .text, .valueOrAttribute:
      return .object([("$ref", "#/definitions/scalar")])
    case .integer(let range):
      var fields: [(String, JSONValue)] = [("type", "integer"), ("minimum", .number(range.lowerBound))]
      if range.upperBound != Int.max { fields.append(("maximum", .number(range.upperBound))) }
      return orSubstitution(.object(fields))
    case .duration:
      return orSubstitution(.object([
        ("type", "string"),
        ("pattern", "^(?:[0-9]+d(?:[0-9]+h)?(?:[0-9]+m)?(?:[0-9]+s)?|[0-9]+h(?:[0-9]+m)?(?:[0-9]+s)?|[0-9]+m(?:[0-9]+s)?|[0-9]+s)$"),
        ("examples", .array(["30s", "5m", "1m30s", "7d"])),
      ]))
    case .phoneNumber:
      return orSubstitution(.object([("type", "string"), ("pattern", "^\\+[1-9][0-9]{1,14}$")]))
    case .attribute:
      return orSubstitution(.object([("type", "string"), ("pattern", "^\\$\\.")]))
    case .phoneOrAttribute:
      return orSubstitution(.object([("type", "string"), ("pattern", "^(\\$\\.|\\+[1-9][0-9]{1,14}$)")]))
    case .dtmf:
      return orSubstitution(.object([("type", "string"), ("pattern", "^[0-9*#]+$")]))
    case .word(let words):
      return orSubstitution(.object([("enum", .array(words.map { .string($0) }))]))
    case .country:
      return orSubstitution(.object([("type", "string"), ("pattern", "^[A-Z]{2}$")]))
    case .reference(let kind):
      return .object([("type", "string"), ("description", .string("the name of a \(kind.noun)"))])
    case .list(let element):
      return .object([("type", "array"), ("items", schema(element))])
    case .record(let fields):
      return .object([
        ("type", "object"), ("additionalProperties", false),
        ("properties", .object(fields.map { ($0.name, described(schema($0.type), $0.summary)) })),
      ])
    case .conditions:
      let operators = ConditionOperator.allCases.map { ($0.rawValue, JSONValue.object([("$ref", "#/definitions/scalar")])) }
      return .object([
        ("type", "array"),
        (
          "items",
          .object([
            ("type", "object"), ("additionalProperties", false), ("required", .array(["goto"])),
            ("minProperties", .number(2)), ("maxProperties", .number(2)),
            ("properties", .object(operators + [("goto", blockID)])),
          ])
        ),
      ])
    case .any:
      return .object([("description", "any value, kept as written")])
    }
  }
}
