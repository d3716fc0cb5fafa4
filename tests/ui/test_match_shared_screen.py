"""The match screen when one answer fits several situations (voorbeeld-compleet: both buddies, issue #18)."""

import pytest

from escapebox.core import commands as C
from escapebox.scenario.loader import load_scenario
from test_puzzles import open_lock
from ui_helpers import SCENARIOS, start_game

SHARED = "Is die dienst zijn vaste aanspreekpunt"


def _screen(make_app, size=(1920, 1080)):
    app, pilot = make_app(load_scenario(SCENARIOS / "voorbeeld-compleet"), size=size)
    start_game(pilot)
    return app, pilot, open_lock(app, pilot, "wie-doet-wat")


def test_a_shared_answer_is_shown_once_and_stays_with_each_situation_it_was_chosen_for(make_app):
    app, pilot, screen = _screen(make_app)
    shared = screen.puzzle.rights.index(SHARED)
    assert [b.text for b in screen.rights].count(SHARED) == 1 and len(screen.rights) == len(screen.lefts) - 1
    assert "Een antwoord kan bij meer situaties horen." in screen.note
    before = {w.key: tuple(w.rect) for w in screen.focus.widgets}
    for left in (1, 2):
        pilot.click_widget(f"left:{left}")
        pilot.click_widget(f"right:{shared}")
    assert screen.pairs == {1: shared, 2: shared}
    assert screen.focus.find(f"right:{shared}").detail == "hoort bij B, C"
    assert {w.key: tuple(w.rect) for w in screen.focus.widgets} == before      # nothing moved or grew


@pytest.mark.parametrize("mode", ["keys", "mouse"])
def test_the_shared_match_is_solved_by_keys_and_by_mouse(make_app, mode):
    app, pilot, screen = _screen(make_app, size=(1280, 720))
    solution = screen.puzzle.solution()
    for _ in range(3 * len(solution)):
        if screen.solved is not None:
            break
        pilot.perform(screen.autoplay(C.TryAnswer("wie-doet-wat", solution)), mode)
    assert screen.solved is not None
