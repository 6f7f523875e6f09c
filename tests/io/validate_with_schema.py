#!/usr/bin/python3
"""Checks scene files against docs/scene.schema.json with a real JSON Schema validator
(Debian's python3-jsonschema, draft 2020-12), for tests/io/schema_test.cpp.

  validate_with_schema.py files SCHEMA FILE...   one line per file: "valid FILE" or
                                                 "invalid FILE: why" (YAML that does not
                                                 parse is invalid too)
  validate_with_schema.py descriptions SCHEMA     one line per property without a
                                                  description (none: every one has)
"""
import json
import re
import sys

import jsonschema
import yaml

NODE_BUDGET = 200_000  # an alias bomb expands past any real scene: the loader refuses it, skip it


class CoreLoader(yaml.SafeLoader):
    """YAML 1.2's core schema, as yaml-cpp and the YAML language server read scenes: `on`, `no`,
    `y` are words, not booleans (PyYAML resolves tags as YAML 1.1 does), and 1:30 is not a number."""


CoreLoader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     "-+.0123456789"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    CoreLoader.add_implicit_resolver(tag, re.compile(pattern), list(first))


class TooLarge(Exception):
    pass


def count_nodes(value, budget):
    """Walks the value as a validator would (aliases expanded); raises TooLarge past the budget."""
    stack, seen = [value], 0
    while stack:
        node = stack.pop()
        seen += 1
        if seen > budget:
            raise TooLarge()
        if isinstance(node, dict):
            stack.extend(node.keys())
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def check_files(schema_path, files):
    schema = json.load(open(schema_path, encoding="utf-8"))  # JSON: 1e-09 is no YAML 1.1 number
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in files:
        try:
            with open(path, "rb") as f:
                document = yaml.load(f, Loader=CoreLoader)
            count_nodes(document, NODE_BUDGET)
        except TooLarge:
            print(f"invalid {path}: more than {NODE_BUDGET} values once aliases are expanded")
            continue
        except (yaml.YAMLError, UnicodeDecodeError, RecursionError, ValueError) as e:
            print(f"invalid {path}: not YAML the validator reads: {str(e).splitlines()[0]}")
            continue
        error = jsonschema.exceptions.best_match(validator.iter_errors(document))
        if error is None:
            print(f"valid {path}")
        else:
            where = "/".join(str(p) for p in error.absolute_path)
            print(f"invalid {path}: at '{where}': {error.message[:300]}")


def missing_descriptions(schema_path):
    schema = json.load(open(schema_path, encoding="utf-8"))  # JSON: 1e-09 is no YAML 1.1 number

    def walk(node, path):
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                if isinstance(sub, dict) and "description" not in sub:
                    print(f"{path}/{name}")
                walk(sub, f"{path}/{name}")
            for key in ("items", "anyOf", "oneOf", "allOf", "then", "else", "additionalProperties", "prefixItems"):
                sub = node.get(key)
                for i, s in enumerate(sub if isinstance(sub, list) else [sub] if isinstance(sub, dict) else []):
                    walk(s, f"{path}/{key}[{i}]")

    walk(schema, "")
    for name, sub in schema.get("$defs", {}).items():
        walk(sub, f"#/$defs/{name}")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "files":
        check_files(sys.argv[2], sys.argv[3:])
    elif len(sys.argv) == 3 and sys.argv[1] == "descriptions":
        missing_descriptions(sys.argv[2])
    else:
        sys.exit(__doc__)
