"""The JSON Schema of the scenario format, for editors that autocomplete YAML."""

from __future__ import annotations

from escapebox.scenario.model import Scenario


def scenario_json_schema() -> dict:
    schema = Scenario.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Escapebox scenario"
    return schema
