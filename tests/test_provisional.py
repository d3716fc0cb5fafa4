"""The intro's fields read from an unchecked file (escapebox/scenario/provisional.py, issue #21).

What the reader gives must be what the check gives, for every bundled scenario; where it is not
sure (a house style, another type, an unreadable head) it gives nothing, and the start checks
the file before its first frame as it always did.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from escapebox.scenario.loader import load_scenario
from escapebox.scenario.provisional import intro_fields, read_head

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = sorted(p.parent for p in (ROOT / "scenarios").glob("*/scenario.yaml"))


@pytest.mark.parametrize("folder", BUNDLED, ids=lambda p: p.name)
def test_the_head_of_every_bundled_scenario_is_what_the_check_gives(folder):
    head = read_head(folder / "scenario.yaml")
    assert head is not None
    assert intro_fields(head.scenario) == intro_fields(load_scenario(folder).scenario)


@pytest.fixture
def tutorial(tmp_path):
    folder = tmp_path / "casus"
    shutil.copytree(ROOT / "scenarios" / "tutorial", folder)
    return folder / "scenario.yaml"


def _edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("old,new", [
    ("players: 1-5", "players: 4"),                       # a number where the format has text
    ("language: nl", "language: de"),
    ("format: 1", "format: 2"),
    ("duration: 7", "duration: zeven"),
    ("id: tutorial", "id: [tutorial]"),
    ("title: Wegwijs in de escapebox", "title: \"\""),
    ("language: nl", "language: nl\ntheme: zorg-groen"),  # a house style: the check resolves it
    ("rooms:", "theme: zorg-groen\nrooms:"),
    ("title: Wegwijs in de escapebox", "title: [niet af"),  # the head does not parse
])
def test_anything_it_is_not_sure_of_gives_nothing(tutorial, old, new):
    _edit(tutorial, old, new)
    assert read_head(tutorial) is None


def test_a_theme_far_below_the_head_gives_nothing(tutorial):
    tutorial.write_text(tutorial.read_text(encoding="utf-8") + "\ntheme: zorg-groen\n", encoding="utf-8")
    assert read_head(tutorial) is None


def test_a_file_that_is_not_utf8_or_not_there_gives_nothing(tutorial, tmp_path):
    tutorial.write_bytes(tutorial.read_bytes().replace("Wegwijs".encode(), "Wégwijs".encode("latin-1")))
    assert read_head(tutorial) is None
    assert read_head(tmp_path / "weg.yaml") is None


def test_a_field_of_the_intro_below_the_rooms_gives_nothing(tutorial):
    text = tutorial.read_text(encoding="utf-8")
    goals = text[text.index("goals:"):text.index("timer:")]
    tutorial.write_text(text.replace(goals, "") + "\n" + goals, encoding="utf-8")
    assert read_head(tutorial) is None
