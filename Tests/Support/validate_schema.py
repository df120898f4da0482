"""Validates YAML files against a JSON Schema (draft-07), reading YAML as YAML 1.2 does
(`on`, `yes`, `no` are strings, as for yaml-language-server). Used by the schema tests.

usage: validate_schema.py SCHEMA FILE...   prints one line per file: OK, or INVALID and the
first error's path and message; exits 0 when it ran."""
import json
import re
import sys

import jsonschema
import yaml


class Yaml12Loader(yaml.SafeLoader):
    pass


# YAML 1.2 core schema booleans only.
Yaml12Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))

schema = json.load(open(sys.argv[1]))
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)
for path in sys.argv[2:]:
    document = yaml.load(open(path), Loader=Yaml12Loader)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        print(f"INVALID {path} at /{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
    else:
        print(f"OK {path}")
