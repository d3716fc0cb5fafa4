"""The JSON schema editors use to check and complete ``scenario.yaml`` while typing.

A starter folder gets ``escapebox.schema.json`` next to its scenario; the
first line of the YAML (``# yaml-language-server: $schema=...``) tells
VS Code and other editors with the YAML language server to use it.  The
``escapebox schema`` command prints the same schema
(``escapebox.scenario.schema``), so there is only ever one definition.
"""

from __future__ import annotations

import json
from pathlib import Path

SCHEMA_FILE = "escapebox.schema.json"


def scenario_json_schema() -> dict:
    from escapebox.scenario.schema import scenario_json_schema as shared
    return shared()


def write_schema(folder: Path) -> Path:
    path = folder / SCHEMA_FILE
    path.write_text(json.dumps(scenario_json_schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
