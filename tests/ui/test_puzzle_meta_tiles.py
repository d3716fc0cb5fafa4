"""The final lock's tiles: the results on one line, each title broken between words only (issue #16).

And the question on one page: over a text field it may take a third of the screen (at a fifth,
hele-team-leert's three lines paged one at a time at extra large text).

Played by hand: the letters stood at different heights (a button centred each letter over a title
of one to five lines) and "Het plan op het whiteboard" broke into "whiteboar/d" at the beamer's text.
"""

import pytest

from escapebox.core.autoplayer import branch_plan, reflection_answer
from escapebox.scenario.loader import load_scenario
from escapebox.ui.screens.puzzles.meta import MetaScreen
from test_stable_layout import open_puzzle, ready_puzzles
from ui_helpers import SCENARIOS, start_game

CASES = ["student-met-rugzak", "zij-instromer", "hele-team-leert", "voorbeeld-compleet"]
LOOKS = [((1280, 720), "normal"), ((1920, 1080), "large"), ((1920, 1080), "extra_large"), ((1280, 720), "extra_large")]


def open_final_lock(app, pilot) -> MetaScreen:
    """Play the plan until the final lock can be tried, then open it from the room."""
    session = app.game.session
    for planned in branch_plan(session, 0):
        while session.current_reflection():
            app.game.apply(reflection_answer(session, session.current_reflection()))
        meta = [p for p in ready_puzzles(session) if session.scenario.puzzles[p].kind == "meta"]
        if meta:
            return open_puzzle(app, pilot, meta[0])
        app.game.apply(planned.command)
    raise AssertionError("the plan never reached the final lock")


@pytest.mark.parametrize("size,text_size", LOOKS, ids=lambda v: f"{v[0]}x{v[1]}" if isinstance(v, tuple) else v)
@pytest.mark.parametrize("name", CASES)
def test_results_share_a_line_and_titles_break_between_words(make_app, name, size, text_size):
    app, pilot = make_app(load_scenario(SCENARIOS / name), size=size, text_size=text_size)
    start_game(pilot)
    screen = open_final_lock(app, pilot)
    tiles = [w for w in screen.focus.widgets if w.key.startswith("tile:")]
    assert len(tiles) == len(screen.puzzle.from_)
    for tile in tiles:
        title = app.game.scenario.puzzles[tile.key[5:]].title
        assert [line.split() for line in tile.caption_lines] and \
            [word for line in tile.caption_lines for word in line.split()] == title.split(), (title, tile.caption_lines)
        assert all(app.canvas.measure(line, "regular", tile.caption_size) <= tile.rect.width for line in tile.caption_lines)
        assert tile.result_rect.bottom < tile.rect.bottom and tile.rect.contains(tile.result_rect)
        assert app.canvas.measure(tile.text, "regular", app.size(tile.role)) <= tile.rect.width
    rows = {}
    for tile in tiles:
        rows.setdefault(tile.rect.top, []).append(tile)
    for row in rows.values():
        assert len({(t.result_rect.top, t.result_rect.bottom, t.result_rect.height) for t in row}) == 1
        assert len({t.rect.height for t in row}) == 1
    app.draw()                                    # drawn once: the question's box knows whether it pages
    assert not screen.focus.find("question").overflows()  # a fifth of the screen paged it line by line
