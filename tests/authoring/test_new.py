"""``escapebox new`` makes a starter that validates without warnings and plays to its end."""

from __future__ import annotations

import json

import pytest

from escapebox.authoring.schema_file import SCHEMA_FILE, scenario_json_schema
from escapebox.authoring.starter import scenario_id, scenario_title
from escapebox.cli import main
from escapebox.core.autoplayer import autoplay
from escapebox.core.clock import ManualClock
from escapebox.scenario.index import ScenarioIndex
from escapebox.core.session import GameSession
from escapebox.puzzles import puzzle_kinds
from escapebox.scenario.loader import load_scenario
from escapebox.scenario.solver import solve
from escapebox.scenario.validator import validate


@pytest.fixture()
def created(tmp_path, capsys):
    folder = tmp_path / "Eerste dag"
    assert main(["new", str(folder)]) == 0
    return folder, capsys.readouterr()


def test_files_and_next_steps(created):
    folder, output = created
    text = (folder / "scenario.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema=./{SCHEMA_FILE}"
    assert json.loads((folder / SCHEMA_FILE).read_text(encoding="utf-8")) == scenario_json_schema()
    assert sorted(p.name for p in (folder / "images").iterdir()) == ["huiskamer.svg", "teampost.svg", "zoekplaat.svg"]
    for command in ("escapebox validate", "escapebox play", "escapebox pack"):
        assert command in output.out
    assert "__" not in text, "every placeholder is filled in"


def test_valid_without_warnings_and_every_kind(created):
    folder, output = created
    loaded = load_scenario(folder)
    assert validate(loaded) == []
    assert output.err == ""
    assert loaded.scenario.id == "eerste-dag" and loaded.scenario.title == "Eerste dag"
    assert {p.kind for p in loaded.scenario.puzzles.values()} == set(puzzle_kinds())


def test_plays_to_the_end_on_every_branch(created):
    loaded = load_scenario(created[0])
    solution = solve(loaded.scenario, ScenarioIndex(loaded.scenario))
    assert len(solution.branches) >= 2
    for branch in range(len(solution.branches)):
        result = autoplay(GameSession.start(loaded, clock=ManualClock(), store=None, group="test"), branch)
        assert result.finished and not result.refused


def test_refuses_an_existing_folder(tmp_path, capsys):
    folder = tmp_path / "bestaat"
    folder.mkdir()
    (folder / "scenario.yaml").write_text("mijn werk")
    assert main(["new", str(folder)]) == 1
    assert "bestaat al" in capsys.readouterr().err
    assert (folder / "scenario.yaml").read_text() == "mijn werk"
    assert main(["--lang", "en", "new", str(folder)]) == 1
    assert "already exists" in capsys.readouterr().err


@pytest.mark.parametrize("name, expected", [
    ("mijn-scenario", "mijn-scenario"), ("De Eerste Dag", "de-eerste-dag"), ("Cliënt & zorg!", "client-zorg"),
    ("___", "mijn-escapebox"), ("x" * 60, "x" * 40),
])
def test_ids_from_folder_names(name, expected):
    assert scenario_id(name) == expected


def test_titles_from_folder_names():
    assert scenario_title("eerste_dag-sam") == "Eerste dag sam"
    assert scenario_title("") == "Mijn escapebox"
