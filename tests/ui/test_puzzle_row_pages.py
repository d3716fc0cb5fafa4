"""Rows that do not fit even at the smallest text are shown a page at a time, never under the feedback.

At extra large text (Settings) six pairs or seven options need more height than the screen has
(hele-team-leert's 'p_wie': six pairs of 106 px in about 560 px): the rows then page, with a marker
"▼ nog 2 hieronder" at the bottom that turns the page when clicked; Tab, the arrows and the
clicker's PageDown reach the rows of the other pages too, and the screen's auto-player finishes the puzzle by keys alone
and by mouse alone (issue #16).
"""

import pytest

from escapebox.core import commands as C
from escapebox.scenario.loader import load_scenario
from test_stable_layout import overlaps, reach, snapshot
from ui_helpers import SCENARIOS, start_game

PAGED = [("hele-team-leert", "p_wie"), ("student-met-rugzak", "aanbod")]
SIZES = [(1920, 1080), (1280, 720)]


def paged_screen(make_app, name, puzzle_id, size=(1920, 1080)):
    app, pilot = make_app(load_scenario(SCENARIOS / name), size=size, text_size="extra_large")
    start_game(pilot)
    return app, pilot, reach(app, pilot, puzzle_id)


def rows(screen) -> list:
    return [w for w in screen.focus.widgets if w.key in (screen.row_pages or {})]


@pytest.mark.parametrize("name,puzzle_id", PAGED)
def test_rows_of_another_page_are_hidden_and_the_marker_says_how_many(make_app, name, puzzle_id):
    app, pilot, screen = paged_screen(make_app, name, puzzle_id)
    marker = screen.focus.find("rows_more")
    assert marker is not None and screen.row_pages is not None
    hidden = [w for w in rows(screen) if w.clipped]
    shown = [w for w in rows(screen) if not w.clipped]
    assert hidden and shown and min(w.rect.top for w in hidden) > max(w.rect.bottom for w in shown)  # below, for the arrows
    assert not overlaps(screen)
    assert str(len(hidden) if name == "student-met-rugzak" else len({w.rect.top for w in hidden})) in marker.text
    # a click where a hidden row would be hits nothing of it
    assert app.stack.top.focus.widget_at(hidden[0].rect.center) is not hidden[0]


@pytest.mark.parametrize("name,puzzle_id", PAGED)
def test_a_click_on_the_marker_and_the_focus_turn_the_page(make_app, name, puzzle_id):
    app, pilot, screen = paged_screen(make_app, name, puzzle_id)
    first_page = snapshot(screen)
    pilot.click_widget("rows_more")
    assert screen.row_page == 1 and not overlaps(screen)
    second_page = snapshot(screen)
    assert second_page != first_page
    for _ in range(max(screen.row_pages.values()) - 1):     # on to the last page
        pilot.click_widget("rows_more")
    pilot.click_widget("rows_more")                  # the last page's marker goes back to the first
    assert screen.row_page == 0 and snapshot(screen) == first_page    # each page in the same place again
    # the focus on a row of another page (Tab, an arrow) shows that page
    screen.focus.focus_key(next(w.key for w in rows(screen) if w.clipped))
    pilot.press("tab", "shift+tab")
    assert not screen.focus.focused.clipped and screen.row_page == 1


@pytest.mark.parametrize("name,puzzle_id", PAGED)
def test_the_clickers_pagedown_reaches_every_row_and_shows_it(make_app, name, puzzle_id):
    """PageDown is "the next control" (docs/rules.md): every row gets the focus in turn, on its page."""
    app, pilot, screen = paged_screen(make_app, name, puzzle_id)
    keys, reached = set(screen.row_pages), set()
    for _ in range(3 * len(screen.focus.widgets)):
        pilot.press("pagedown")
        focused = screen.focus.focused
        if focused is not None and focused.key in keys:
            assert not focused.clipped, focused.key
            reached.add(focused.key)
    assert reached == keys


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("mode", ["keys", "mouse"])
@pytest.mark.parametrize("name,puzzle_id", PAGED)
def test_the_paged_puzzle_is_solved_by_keys_alone_and_by_mouse_alone(make_app, name, puzzle_id, mode, size):
    app, pilot, screen = paged_screen(make_app, name, puzzle_id, size)
    assert screen.row_pages is not None
    answer = screen.puzzle.solution()
    for _ in range(60):
        if screen.solved is not None:
            break
        pilot.perform(screen.autoplay(C.TryAnswer(puzzle_id, answer)), mode)
    assert screen.solved is not None, (mode, screen.feedback)
