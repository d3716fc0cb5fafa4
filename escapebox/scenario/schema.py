"""The JSON Schema of the scenario format, for editors that autocomplete YAML."""

from __future__ import annotations

from escapebox.scenario.checking import json_schema
from escapebox.scenario.model import Scenario


def scenario_json_schema() -> dict:
    schema = json_schema(Scenario)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Escapebox scenario"
    return schema
