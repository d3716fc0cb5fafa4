"""The panel after a solved puzzle is as tall as its text, with "Verder" right under it (issue #16).

Played by hand: one line of "Klik! Het kastje is open." stood in a box of about 340 px that filled
the screen down to the button.
"""

import pytest

from escapebox.core import commands as C
from escapebox.scenario.loader import load_scenario
from escapebox.ui.screens.base import CONTENT
from escapebox.ui.screens.puzzles.base import GAP
from test_stable_layout import reach
from ui_helpers import SCENARIOS, start_game

LOOKS = [((1280, 720), "normal"), ((1920, 1080), "large")]


def solved(make_app, size, text_size, name="tutorial", puzzle_id="kastje-code"):
    app, pilot = make_app(load_scenario(SCENARIOS / name), size=size, text_size=text_size)
    start_game(pilot)
    screen = reach(app, pilot, puzzle_id)
    for _ in range(20):
        if screen.solved is not None:
            break
        pilot.perform(screen.autoplay(C.TryAnswer(puzzle_id, screen.puzzle.solution())))
    assert screen.solved is not None
    return app, pilot, screen


@pytest.mark.parametrize("size,text_size", LOOKS, ids=lambda v: f"{v[0]}x{v[1]}" if isinstance(v, tuple) else v)
def test_the_panel_fits_its_text_and_the_button_follows(make_app, size, text_size):
    app, pilot, screen = solved(make_app, size, text_size)
    box, go_on = screen.focus.find("solved_text"), screen.focus.find("continue")
    lines = box.layout(app.canvas, app)
    assert len(lines.lines) <= 2                               # the tutorial's one-line text, as played
    assert box.rect.height == lines.height + 40                # the panel's padding, nothing more
    assert go_on.rect.top == box.rect.bottom + GAP
    before = (tuple(box.rect), tuple(go_on.rect))
    pilot.run(30)                                              # the tick's animation: nothing moves
    screen.layout()
    assert (tuple(screen.focus.find("solved_text").rect), tuple(screen.focus.find("continue").rect)) == before


def test_a_text_longer_than_the_screen_pages_in_a_panel_that_ends_above_the_button(make_app):
    app, pilot, screen = solved(make_app, (1280, 720), "normal")
    screen.solved = type(screen.solved)(**{**screen.solved.__dict__, "feedback": " ".join(["Een lange zin."] * 200)})
    screen.layout()
    app.draw()
    box, go_on = screen.focus.find("solved_text"), screen.focus.find("continue")
    assert box.overflows() and go_on.rect.top == box.rect.bottom + GAP and go_on.rect.bottom <= CONTENT.bottom
