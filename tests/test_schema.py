"""The editor's JSON Schema accepts every bundled scenario as an editor would read it.

VS Code's YAML extension reads YAML with its own types (``40`` is a number,
``true`` a boolean); PyYAML's safe loader is close enough to stand in for it.
"""

from pathlib import Path

import jsonschema
import pytest
import yaml

from escapebox.scenario.schema import scenario_json_schema

ROOT = Path(__file__).parents[1]
FILES = sorted((ROOT / "scenarios").glob("*/scenario.yaml")) + [ROOT / "tests/fixtures/alles/scenario.yaml"]


@pytest.mark.parametrize("path", FILES, ids=[p.parent.name for p in FILES])
def test_bundled_scenarios_match_the_editor_schema(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, scenario_json_schema())


def test_schema_catches_a_typo():
    data = yaml.safe_load((ROOT / "scenarios/minimaal/scenario.yaml").read_text(encoding="utf-8"))
    data["rooms"]["teampost"]["txt"] = data["rooms"]["teampost"].pop("text")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, scenario_json_schema())
