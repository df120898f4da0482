import CallflowDiagnostics
import CallflowRules

/// The JSON Schema (draft-07) of `center.yaml`.
public enum CenterSchema {
  public static func center() -> JSONValue {
    let name: JSONValue = .object([("type", "string")])
    let e164: JSONValue = FlowSchema.schema(.phoneNumber)
    let duration: JSONValue = FlowSchema.schema(.duration(0...86_400))
    let times: JSONValue = .object([
      ("type", "string"), ("pattern", "^(closed|[0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9](, *[0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9])*)$"),
    ])
    let day = "(mon|tue|wed|thu|fri|sat|sun)"
    func object(_ properties: [(String, JSONValue)], required: [String] = []) -> JSONValue {
      var fields: [(String, JSONValue)] = [("type", "object"), ("additionalProperties", false), ("properties", .object(properties))]
      if !required.isEmpty { fields.append(("required", .array(required.map { .string($0) }))) }
      return .object(fields)
    }
    func map(_ value: JSONValue) -> JSONValue { .object([("type", "object"), ("additionalProperties", value)]) }
    return .object([
      ("$schema", "http://json-schema.org/draft-07/schema#"),
      ("title", "Callflow center"),
      ("description", "The contact center's resources (center.yaml). See Docs/LANGUAGE.md."),
      ("type", "object"),
      ("additionalProperties", false),
      (
        "properties",
        .object([
          ("center", name),
          (
            "queues",
            map(object([
              ("capacity", .object([("type", "integer"), ("minimum", .number(1))])),
              ("caller-id", object([("name", name), ("number", e164)])),
              ("hours", name),
            ]))
          ),
          (
            "routing-profiles",
            map(object(
              [
                (
                  "queues",
                  .object([
                    ("type", "array"),
                    (
                      "items",
                      object(
                        [
                          ("queue", name), ("priority", .object([("type", "integer"), ("minimum", .number(1)), ("maximum", .number(99))])),
                          ("delay", duration),
                        ], required: ["queue", "priority"])
                    ),
                  ])
                )
              ], required: ["queues"]))
          ),
          (
            "phone-numbers",
            .object([
              ("type", "object"), ("propertyNames", .object([("pattern", "^\\+[1-9][0-9]{1,14}$")])), ("additionalProperties", name),
            ])
          ),
          (
            "hours",
            map(.object([
              ("type", "object"), ("required", .array(["timezone"])),
              ("properties", .object([("timezone", .object([("type", "string"), ("examples", .array(["America/New_York", "Europe/Paris", "UTC"]))]))])),
              ("patternProperties", .object([("^\(day)(-\(day))?$", times)])),
              ("additionalProperties", false),
            ]))
          ),
          ("prompts", map(name)),
          ("profiles", .object([("type", "array"), ("items", .object([("type", "object"), ("required", .array(["first-name"])), ("additionalProperties", .object([("$ref", "#/definitions/scalar")]))]))])),
          ("agents", .object([("type", "array"), ("items", object([("name", name), ("routing-profile", name)], required: ["name"]))])),
        ])
      ),
      ("definitions", .object([("scalar", .object([("type", .array(["string", "number", "boolean"]))]))] + [("substitution", .object([("type", "string"), ("pattern", "\\$\\{[^}]*\\}")]))])),
    ])
  }
}

/// The JSON Schema (draft-07) of `callflow.yaml`.
public enum ConfigSchema {
  public static func config() -> JSONValue {
    .object([
      ("$schema", "http://json-schema.org/draft-07/schema#"),
      ("title", "Callflow configuration"),
      ("description", "callflow.yaml: rule levels, excluded paths, environments. See Docs/LANGUAGE.md."),
      ("type", "object"),
      ("additionalProperties", false),
      (
        "properties",
        .object([
          (
            "rules",
            .object([
              ("type", "object"), ("additionalProperties", false),
              (
                "properties",
                .object(RuleCatalog.all.map { ($0.id, .object([("description", .string($0.summary)), ("enum", .array(RuleLevel.allCases.map { .string($0.rawValue) }))])) })
              ),
            ])
          ),
          ("exclude", .object([("type", "array"), ("items", .object([("type", "string")])), ("description", "glob patterns of flow files to skip")])),
          (
            "environments",
            .object([
              ("type", "object"),
              ("additionalProperties", .object([("type", "object"), ("additionalProperties", .object([("type", .array(["string", "number", "boolean"]))]))])),
            ])
          ),
        ])
      ),
    ])
  }
}
