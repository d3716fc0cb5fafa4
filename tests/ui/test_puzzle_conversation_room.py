"""A conversation's later turn uses the free screen before it pages (issue #16).

Played by hand at --beamer 1920x1080: Samira's second turn (what the group said, her reply, the
feedback and the next question) paged at half the screen while 130 px stood empty under the
group's lines.  Every second turn of every bundled conversation fits on one page there, at normal
and large text, with nothing drawn over anything.
"""

import pytest

from escapebox.scenario.loader import load_scenario
from escapebox.ui.screens.puzzles.choice import DilemmaScreen
from test_stable_layout import overlaps, reach
from ui_helpers import SCENARIOS, start_game

CASES = ["student-met-rugzak", "zij-instromer", "hele-team-leert", "voorbeeld-compleet"]


@pytest.mark.parametrize("text_size", ["normal", "large"])
@pytest.mark.parametrize("name", CASES)
def test_every_second_turn_fits_one_page_at_the_beamer(make_app, name, text_size):
    app, pilot = make_app(load_scenario(SCENARIOS / name), size=(1920, 1080), text_size=text_size)
    start_game(pilot)
    talks = [pid for pid, p in app.game.scenario.puzzles.items()
             if p.kind == "dilemma" and any(o.then is not None for o in p.options)]
    assert talks, f"{name} has no conversation"
    turns = 0
    for pid in talks:
        screen = reach(app, pilot, pid)
        assert isinstance(screen, DilemmaScreen)
        for n, option in enumerate(screen.puzzle.options):
            if option.then is None:
                continue
            pilot.press(str(n + 1), "return")           # say the first line, as a group does
            assert screen.path == [n]
            app.draw()                                  # drawn once: the box knows whether it pages
            question = screen.focus.find("question")
            assert not question.overflows(), f"{pid}, after line {n + 1}: the turn pages"
            assert not overlaps(screen), overlaps(screen)
            turns += 1
            pilot.press("escape")                       # leave the talk; opened again it starts anew
            screen = reach(app, pilot, pid)
    assert turns
