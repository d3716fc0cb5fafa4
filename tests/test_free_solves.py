"""Locks a group could open without thinking are warned about, where the trainer changes them.

Seen by hand in ``hele-team-leert``: the spot puzzle's crosshair started in the centre of
the picture, on the right message, and Enter solved it.  The same class of free solve
exists for a combine puzzle whose backpack holds exactly its items and for a choice where
every option is right.  (An order or match list is never shown solved: ``shown_order``.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from escapebox.i18n import Translator
from escapebox.scenario.area import Area
from escapebox.scenario.freesolve import CENTRE, crosshair_start, spot_areas
from escapebox.scenario.loader import load_scenario, load_scenario_text
from escapebox.scenario.validator import validate

ROOT = Path(__file__).parents[1]
CODES = {"validate.spot_target_at_centre", "validate.combine_select_all", "validate.choice_all_correct"}

HEAD = """\
format: 1
id: vrij
title: Vrij
summary: Sloten die vanzelf opengaan.
duration: 5
start: hal
endings:
  uit: {title: Uit, text: Klaar.}
"""


def area(x, y, w, h) -> Area:
    return Area(x=x, y=y, w=w, h=h)


def free_solves_in(text: str, tmp_path: Path | None = None) -> list:
    loaded = load_scenario_text(HEAD + text, folder=tmp_path)
    return [p for p in validate(loaded) if p.code in CODES]


# ------------------------------------------------------------------ where the crosshair starts

def test_the_crosshair_starts_in_the_centre_when_nothing_covers_it():
    assert crosshair_start([area(0, 0, 10, 10), area(70, 60, 20, 20)]) == CENTRE


def test_a_covered_centre_gives_way_to_the_nearest_free_point_outside_every_area():
    target, decoy = area(30, 40, 40, 20), area(30, 30, 40, 9.5)
    start = crosshair_start([target, decoy])
    assert not target.contains(*start) and not decoy.contains(*start)
    assert start == (50.0, 62.0)        # just below the target: above it, the decoy is in the way


def test_the_start_is_the_same_every_time_and_on_the_arrow_grid():
    areas = [area(30, 30, 40, 40)]
    assert {crosshair_start(areas) for _ in range(3)} == {(50.0, 28.0)}   # the tie (4 sides) goes to the top


def test_a_picture_covered_everywhere_keeps_the_centre():
    """Nothing free: the screen still refuses to check before a point is chosen (tests/ui/test_spot_start.py)."""
    assert crosshair_start([area(0, 0, 100, 100)]) == CENTRE


def test_the_bundled_team_chat_starts_the_crosshair_away_from_the_right_message():
    """The case of the issue: the centre was on Latifa's message; now the target is off the centre."""
    puzzle = load_scenario(ROOT / "scenarios" / "hele-team-leert").scenario.puzzles["p_app"]
    assert not puzzle.target.contains(*CENTRE)
    start = crosshair_start(spot_areas(puzzle))
    assert not any(a.contains(*start) for a in spot_areas(puzzle))


# ------------------------------------------------------------------ the validator's warnings

SPOT = """\
rooms:
  hal:
    name: Hal
    text: Hier.
    objects:
      bord: {name: Bord, text: Een foto., locked_by: foto}
puzzles:
  foto:
    kind: spot
    title: Foto
    question: Waar?
    image: plek.svg
    image_alt: Een vlak.
    hints: [Kijk.]
    target: [40, 40, 20, 20]
    leads_to: uit
"""


def test_a_target_over_the_centre_is_a_warning_at_the_target_line_and_column(tmp_path):
    shutil.copy(ROOT / "tests" / "fixtures" / "alles" / "plek.svg", tmp_path / "plek.svg")
    (problem,) = free_solves_in(SPOT, tmp_path)
    text = HEAD + SPOT
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "target:" in row)
    assert (problem.code, problem.severity.value, problem.path) == ("validate.spot_target_at_centre", "warning",
                                                                   "puzzles.foto.target")
    assert (problem.line, problem.column) == (line, text.splitlines()[line - 1].index("[") + 1)
    nl, en = problem.render(Translator("nl")), problem.render(Translator("en"))
    assert "[40, 40, 20, 20]" in nl and "midden van de afbeelding" in nl and "pas 'target' aan" in nl
    assert "centre of the picture" in en and "change 'target'" in en


def test_a_target_beside_the_centre_is_fine(tmp_path):
    shutil.copy(ROOT / "tests" / "fixtures" / "alles" / "plek.svg", tmp_path / "plek.svg")
    assert free_solves_in(SPOT.replace("[40, 40, 20, 20]", "[51, 40, 20, 20]"), tmp_path) == []


COMBINE = """\
rooms:
  hal:
    name: Hal
    text: Hier.
    objects:
      la: {name: La, text: Een pen en papier., gives: [pen, papier]}
      kast: {name: Kast, text: Open., locked_by: brief}
items:
  pen: {name: Pen, text: Een pen.}
  papier: {name: Papier, text: Een vel.}
puzzles:
  brief:
    kind: combine
    title: Brief
    question: Wat heb je nodig?
    hints: [Schrijf.]
    items: [pen, papier]
    leads_to: uit
"""
DECOY = "  gum: {name: Gum, text: Een gum., decoy: ja}\n"


def test_a_backpack_with_exactly_the_needed_items_is_select_all():
    (problem,) = free_solves_in(COMBINE)
    assert (problem.code, problem.path, problem.severity.value) == ("validate.combine_select_all",
                                                                   "puzzles.brief.items", "warning")
    assert problem.line == (HEAD + COMBINE).splitlines().index("    items: [pen, papier]") + 1
    nl, en = problem.render(Translator("nl")), problem.render(Translator("en"))
    assert "'pen', 'papier'" in nl and "decoy: ja" in nl
    assert "exactly the items it needs" in en and "decoy: yes" in en


def test_a_decoy_in_the_backpack_makes_the_group_choose():
    text = COMBINE.replace("gives: [pen, papier]", "gives: [pen, papier, gum]").replace(
        "  papier: {name: Papier, text: Een vel.}\n", "  papier: {name: Papier, text: Een vel.}\n" + DECOY)
    assert free_solves_in(text) == []


def test_a_decoy_found_only_behind_the_lock_does_not_help():
    """The backpack counts when the lock can first be tried; a decoy that comes later is no choice."""
    text = COMBINE.replace(
        "      kast: {name: Kast, text: Open., locked_by: brief}\n",
        "      kast: {name: Kast, text: Open., locked_by: brief, gives: [gum]}\n      deur: {name: Deur, text: Dicht., locked_by: eind}\n",
    ).replace("  papier: {name: Papier, text: Een vel.}\n", "  papier: {name: Papier, text: Een vel.}\n" + DECOY)
    text = text.replace("    leads_to: uit\n", "") + (
        "  eind: {kind: code, title: Eind, question: Code?, answer: '1', hints: [Een.], leads_to: uit}\n")
    assert [p.code for p in free_solves_in(text)] == ["validate.combine_select_all"]


def test_items_combined_away_are_no_longer_in_the_backpack():
    """Pen and ink become a filled pen: the backpack is then that pen and the paper, exactly what is needed."""
    text = COMBINE.replace("gives: [pen, papier]", "gives: [pen, papier, inkt]").replace(
        "  papier: {name: Papier, text: Een vel.}\n",
        "  papier: {name: Papier, text: Een vel.}\n  inkt: {name: Inkt, text: Inkt.}\n  vulpen: {name: Vulpen, text: Vol.}\n"
        "combinations:\n  - {items: [pen, inkt], gives: vulpen, text: De pen is gevuld.}\n",
    ).replace("items: [pen, papier]", "items: [vulpen, papier]")
    assert [p.code for p in free_solves_in(text)] == ["validate.combine_select_all"]


CHOICE = """\
rooms:
  hal:
    name: Hal
    text: Hier.
    objects:
      deur: {name: Deur, text: Open., locked_by: keuze}
puzzles:
  keuze:
    kind: choice
    title: Keuze
    question: Wat is goed?
    hints: [Denk.]
    options: [{text: Een, correct: true}, {text: Twee, correct: true}]
    leads_to: uit
"""


def test_a_choice_where_every_option_is_right_is_select_all():
    (problem,) = free_solves_in(CHOICE)
    assert (problem.code, problem.path) == ("validate.choice_all_correct", "puzzles.keuze.options")
    assert "Voeg een optie toe die niet goed is" in problem.render(Translator("nl"))
    assert "Add an option that is not right" in problem.render(Translator("en"))


def test_a_choice_with_one_wrong_option_is_fine():
    assert free_solves_in(CHOICE.replace("{text: Twee, correct: true}", "{text: Twee}")) == []


@pytest.mark.parametrize("folder", sorted(p.parent for p in (ROOT / "scenarios").glob("*/scenario.yaml")),
                         ids=lambda p: p.name)
def test_no_bundled_scenario_has_a_free_solve(folder):
    assert [p.render(Translator("nl")) for p in validate(load_scenario(folder)) if p.code in CODES] == []
