#!/usr/bin/env python3
"""The validation step of the hand-written pipeline that `npm run bench` measures.

Before this runs, a shell loop has written every config with one `git show <ref>:<path>` each.
This is the one process that validates them all, the way maintainers write it: PyYAML's
`yaml.safe_load` for each file, one `jsonschema` validator (draft-07, with its format checker)
built once for all of them.

usage: bench-handwritten.py SCHEMA DIR...
Prints one JSON line: {"configs": …, "invalid": …, "unreadable": …, "seconds": …}.
"""

from __future__ import annotations

import json
import os
import sys
import time

import yaml
from jsonschema import Draft7Validator


def main() -> int:
    started = time.perf_counter()
    schema_path, *dirs = sys.argv[1:]
    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)
    validator = Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)
    configs = invalid = unreadable = 0
    for directory in dirs:
        for name in sorted(os.listdir(directory)):
            path = os.path.join(directory, name)
            try:
                with open(path, encoding="utf-8") as handle:
                    document = yaml.safe_load(handle)
            except yaml.YAMLError as error:
                unreadable += 1
                print(f"{path}: not valid YAML: {error}", file=sys.stderr)
                continue
            configs += 1
            error = next(validator.iter_errors(document), None)
            if error is not None:
                invalid += 1
                print(f"{path}: {error.json_path}: {error.message}", file=sys.stderr)
    seconds = round(time.perf_counter() - started, 3)
    print(json.dumps({"configs": configs, "invalid": invalid, "unreadable": unreadable, "seconds": seconds}))
    return 1 if invalid or unreadable else 0


if __name__ == "__main__":
    sys.exit(main())
