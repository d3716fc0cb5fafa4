"""Golden screenshots of the screens a group sees most, at 1280×720 and with ``--beamer`` at 1920×1080.

A bundled scenario (``voorbeeld-compleet``, every puzzle kind) rather than the test fixture, so the
pictures show real content.  Set-up uses the core's plan; the clock is hidden.  Run
``pytest tests/ui/test_goldens_sizes.py --update-goldens`` after an intended visual change and look at
the new PNGs (tests/ui/golden/1280-*.png and beamer-*.png).
"""

import pytest

from escapebox.core import commands as C
from escapebox.core.autoplayer import branch_plan
from escapebox.scenario.loader import load_scenario
from test_goldens import compare
from test_puzzles import play_until
from ui_helpers import SCENARIOS, play_to_ending, start_game

#: ``--beamer`` is large text in full screen; full screen on SDL's dummy driver is 1024×768, so the beamer
#: goldens ask for its large text in a 1920×1080 window, the size of a projector in a festival hall.
SIZES = {"1280": dict(size=(1280, 720)), "beamer": dict(size=(1920, 1080), text_size="large")}
SCENARIO = SCENARIOS / "voorbeeld-compleet"


@pytest.fixture(params=sorted(SIZES))
def sized(request, make_app):
    app, pilot = make_app(load_scenario(SCENARIO), timer_visible=False, **SIZES[request.param])
    return app, pilot, request.param


def shoot(app, name, size, update):
    app.toasts.clear()
    compare(app, f"{size}-{name}", update)


def first_puzzle(app, kind: str) -> str:
    return next(c.puzzle for c in (p.command for p in branch_plan(app.game.session, 0))
                if isinstance(c, C.TryAnswer) and app.game.scenario.puzzles[c.puzzle].kind == kind)


def open_puzzle(app, pilot, kind: str):
    puzzle = first_puzzle(app, kind)
    play_until(app, puzzle)
    pilot.perform(app.stack.top.autoplay(C.TryAnswer(puzzle, None)))
    assert getattr(app.stack.top, "puzzle_id", None) == puzzle, app.stack.top.name
    return app.stack.top


def test_intro(sized, update_goldens):
    app, pilot, size = sized
    shoot(app, "intro", size, update_goldens)


def test_room(sized, update_goldens):
    app, pilot, size = sized
    start_game(pilot)
    shoot(app, "room", size, update_goldens)


@pytest.mark.parametrize("kind", ["choice", "dilemma", "match", "order", "spot"])  # choice: with its picture
def test_puzzle(sized, kind, update_goldens):
    app, pilot, size = sized
    start_game(pilot)
    open_puzzle(app, pilot, kind)
    shoot(app, f"puzzle-{kind}", size, update_goldens)


def test_code_with_feedback(sized, update_goldens):
    app, pilot, size = sized
    start_game(pilot)
    open_puzzle(app, pilot, "code")
    pilot.press("9", "9", "9", "9", "return")
    assert app.stack.top.feedback is not None
    shoot(app, "code-feedback", size, update_goldens)


def test_ending_and_debrief(sized, update_goldens):
    app, pilot, size = sized
    start_game(pilot)
    play_to_ending(app, pilot)
    shoot(app, "ending", size, update_goldens)
    pilot.press("return")
    assert app.stack.top.name == "debrief", app.stack.top.name
    shoot(app, "debrief", size, update_goldens)
