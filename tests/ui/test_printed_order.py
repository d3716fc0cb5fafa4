"""The printed cards show order steps and match answers in the order the screen shows them.

Both shuffle with ``escapebox.puzzles.base.shown_order`` and the same seed; this
test compares what is really drawn (the widgets of the real screen, top to
bottom) with what is really printed (``build_cards``), for every order and
match puzzle of every bundled scenario and the all-kinds fixture.
"""

from __future__ import annotations

import pytest

from escapebox.i18n import Translator
from escapebox.print.cards import build_cards
from escapebox.scenario.loader import load_scenario
from escapebox.ui.screens.puzzles import puzzle_screen
from ui_helpers import FIXTURE, SCENARIOS, start_game

SHUFFLED = ("order", "match")


def folders_with_shuffled_puzzles():
    folders = sorted(p for p in SCENARIOS.iterdir() if (p / "scenario.yaml").is_file()) + [FIXTURE]
    return [f for f in folders if any(p.kind in SHUFFLED for p in load_scenario(f).scenario.puzzles.values())]


def printed(card, puzzle) -> list[str]:
    """The texts of the shuffled list on the card, in printed order (without bullet or letter)."""
    if puzzle.kind == "order":
        return [line[2:] for line in card.paragraphs if line.startswith("• ")]
    rights = set(puzzle.rights)
    return [line[3:] for line in card.paragraphs if line[3:] in rights and line[0].isalpha()]


def on_screen(screen, puzzle) -> list[str]:
    """The texts of the shuffled list as the screen lays it out, top to bottom."""
    prefix = "step:" if puzzle.kind == "order" else "right:"
    widgets = sorted((w for w in screen.focus.widgets if (w.key or "").startswith(prefix)), key=lambda w: w.rect.top)
    index = [int(w.key[len(prefix):]) for w in widgets]
    return [puzzle.steps[i] for i in index] if puzzle.kind == "order" else [puzzle.rights[i] for i in index]


def test_every_bundled_order_and_match_puzzle_is_checked():
    count = sum(p.kind in SHUFFLED for f in folders_with_shuffled_puzzles()
                for p in load_scenario(f).scenario.puzzles.values())
    assert count >= 12


@pytest.mark.parametrize("folder", folders_with_shuffled_puzzles(), ids=lambda p: p.name)
def test_the_printed_order_is_the_screen_order(folder, make_app):
    loaded = load_scenario(folder)
    cards = {c.title: c for c in build_cards(loaded, Translator("nl")) if c.kind == "puzzle"}
    app, pilot = make_app(loaded)
    start_game(pilot)
    for pid, puzzle in loaded.scenario.puzzles.items():
        if puzzle.kind not in SHUFFLED:
            continue
        screen = app.stack.push(puzzle_screen(app, pid))
        pilot.run()
        shown = on_screen(screen, puzzle)
        assert len(shown) == (len(puzzle.steps) if puzzle.kind == "order" else len(puzzle.rights))  # shared: once
        assert printed(cards[puzzle.title], puzzle) == shown, pid
        solved = list(puzzle.steps) if puzzle.kind == "order" else list(puzzle.rights)
        assert shown != solved, f"{pid} starts solved"
        app.stack.pop()
        pilot.run()
