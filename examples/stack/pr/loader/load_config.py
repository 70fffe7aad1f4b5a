"""Loads stack run configs the way the server does: PyYAML, then pydantic models.

Usage: python3 loader/load_config.py CONFIG...
Prints one JSON line per config ({"file", "ok", "message"}) and exits 1 if any failed.
"""
import json
import sys
from typing import Literal

import yaml
from pydantic import BaseModel, ValidationError, field_validator

# meta-reference inference moved out of the stack into its own package.
INLINE_PROVIDERS = {"llama-guard", "console", "faiss"}


class Provider(BaseModel):
    provider_id: str
    provider_type: str
    config: dict = {}

    @field_validator("provider_type")
    @classmethod
    def known_inline(cls, value: str) -> str:
        kind, _, name = value.partition("::")
        if kind == "inline" and name not in INLINE_PROVIDERS:
            raise ValueError(f"unknown inline provider {name!r}")
        return value


class Server(BaseModel):
    port: int
    tls_certfile: str | None = None


class RunConfig(BaseModel):
    version: int
    image_name: str
    apis: list[str]
    providers: dict[str, list[Provider]]
    models: list[dict] = []
    server: Server


def load(path: str) -> RunConfig:
    with open(path, encoding="utf-8") as handle:
        return RunConfig.model_validate(yaml.safe_load(handle))


def main(paths: list[str]) -> int:
    failed = 0
    for path in paths:
        try:
            load(path)
            print(json.dumps({"file": path, "ok": True}))
        except ValidationError as error:
            failed += 1
            problems = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors()]
            print(json.dumps({"file": path, "ok": False, "message": "; ".join(problems)}))
        except (yaml.YAMLError, OSError) as error:
            failed += 1
            print(json.dumps({"file": path, "ok": False, "message": str(error)}))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
