"""No answer of any bundled scenario (or the starter) can be read in its pack.

We search the raw pack bytes and every decompressed zip entry for each
typed answer (code, word, meta), each correct choice option, each hint,
each solved text and each piece of feedback, ignoring ASCII case.  Texts
of one or two characters (an option "Ja") are skipped: every stretch of
binary noise contains them by chance.
"""

from __future__ import annotations

import pytest

from escapebox.pack.writer import build_pack
from escapebox.puzzles.base import TextAnswerPuzzle
from escapebox.scenario.loader import load_scenario
from tests.authoring.helpers import bundled_scenarios, make_starter, zip_entries

MIN_CHARS = 3


def secrets_of(scenario) -> list[tuple[str, str, str]]:
    found = []
    for pid, puzzle in scenario.puzzles.items():
        if isinstance(puzzle, TextAnswerPuzzle):
            found += [(pid, "answer", a) for a in puzzle.answer]
        if puzzle.kind == "choice":
            found += [(pid, "correct option", o.text) for o in puzzle.options if o.correct]
        found += [(pid, "hint", h) for h in puzzle.hints]
        found += [(pid, "solved_text", t) for t in (puzzle.solved_text,) if t]
        found += [(pid, "feedback", o.feedback) for o in getattr(puzzle, "options", ()) if o.feedback]
        found += [(pid, "near miss feedback", t) for t in getattr(puzzle, "near_misses", {}).values()]
    return [s for s in found if len(s[2].strip()) >= MIN_CHARS]


def assert_nothing_readable(loaded) -> None:
    pack = build_pack(loaded)
    haystacks = {"raw pack": pack.data, **zip_entries(pack.data)}
    secrets = secrets_of(loaded.scenario)
    assert any(kind == "answer" for _p, kind, _t in secrets) or not loaded.scenario.puzzles
    for pid, kind, text in secrets:
        needle = text.strip().encode("utf-8")
        for where, data in haystacks.items():
            assert needle not in data and needle.lower() not in data.lower(), \
                f"{loaded.scenario.id}: {kind} of {pid!r} ({text!r}) readable in {where}"


@pytest.mark.parametrize("folder", bundled_scenarios(), ids=lambda p: p.name)
def test_bundled_scenario_pack_hides_answers(folder):
    assert_nothing_readable(load_scenario(folder))


def test_starter_pack_hides_answers(tmp_path):
    assert_nothing_readable(load_scenario(make_starter(tmp_path)))


def test_there_are_bundled_scenarios():
    assert bundled_scenarios(), "scenarios/ should hold at least one scenario"
