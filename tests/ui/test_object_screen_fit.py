"""Object screens: the text box is as tall as its text, the pictures get the room, nothing moves (issue #16).

Played by hand: one line of text stood in a box that filled the screen, and a wide clue picture
(student-met-rugzak's three-week rooster) kept to the text's column with a band above and below.
Every object the plan inspects in every bundled scenario, at the laptop's and the beamer's size.
"""

import pygame
import pytest

from escapebox.core import commands as C
from escapebox.core.autoplayer import branch_plan, reflection_answer
from escapebox.scenario.loader import load_scenario
from escapebox.ui.screens.base import CONTENT
from escapebox.ui.screens.object_view import MIN_PICTURE_H, ObjectScreen
from escapebox.ui.screens.picture_view import PictureButton

from ui_helpers import SCENARIOS, start_game

BUNDLED = sorted(p.name for p in SCENARIOS.iterdir() if (p / "scenario.yaml").exists())
SIZES = [((1280, 720), None), ((1920, 1080), "large")]


def inspected_screens(app, pilot):
    """Each object screen the plan opens, right after its Inspect (the group's view at that moment)."""
    session = app.game.session
    for planned in branch_plan(session, 0):
        while session.current_reflection():
            app.game.apply(reflection_answer(session, session.current_reflection()))
        if session.state.ended:
            return
        app.game.apply(planned.command)
        if isinstance(planned.command, C.Inspect) and not session.index.objects[planned.command.object].locked_by:
            screen = ObjectScreen(app, planned.command.object)
            app.stack.reset(screen)
            pilot.run()
            yield screen


def tiles(screen) -> list[PictureButton]:
    return [w for w in screen.focus.widgets if isinstance(w, PictureButton)]


@pytest.mark.parametrize("size,text_size", SIZES, ids=["laptop", "beamer"])
@pytest.mark.parametrize("name", BUNDLED)
def test_the_text_box_follows_its_text_and_the_pictures_take_the_rest(make_app, name, size, text_size):
    app, pilot = make_app(load_scenario(SCENARIOS / name), size=size, text_size=text_size, timer_visible=False)
    start_game(pilot)
    seen = 0
    for screen in inspected_screens(app, pilot):
        seen += 1
        where = f"{name}: {screen.object_id}"
        box, pictures = screen.text_box, tiles(screen)
        needed = box.measure(app.canvas, app)
        room = CONTENT.height - (MIN_PICTURE_H + 24 if pictures else 0)
        assert box.rect.height == min(needed, room), f"{where}: text box {box.rect.height} high for {needed} of text"
        assert box.overflows() == (needed > room), f"{where}: pages {box.overflows()}"
        buttons = [w for w in screen.focus.widgets if (w.key or "").split(":")[0] in ("clue", "take", "use")]
        for tile in pictures:
            assert CONTENT.contains(tile.rect), f"{where}: {tile.key} outside the content"
            assert tile.rect.bottom == CONTENT.bottom, f"{where}: {tile.key} leaves room under itself"
            for other in [box] + buttons:
                assert not tile.rect.colliderect(other.rect), f"{where}: {tile.key} lies on {other.key}"
        before = {w.key: pygame.Rect(w.rect) for w in screen.focus.widgets}
        for key in [k for k in before if k.startswith("take:")]:
            pilot.click_widget(key)
            after = {w.key: pygame.Rect(w.rect) for w in screen.focus.widgets}
            moved = [k for k in after if not k.startswith("take:") and after[k] != before[k]]
            assert not moved, f"{where}: taking {key} moved {moved}"
    assert seen, f"{name}: the plan inspected no object"


def test_one_line_of_text_is_a_one_line_box(make_app):
    app, pilot = make_app(load_scenario(SCENARIOS / "hele-team-leert"), size=(1920, 1080), text_size="large")
    start_game(pilot)
    screen = next(s for s in inspected_screens(app, pilot) if s.object_id == "routelijst")
    line = app.text.line_height(app.size("body"))
    assert screen.text_box.rect.height < 2 * line + 48, screen.text_box.rect


@pytest.mark.parametrize("size,text_size", SIZES, ids=["laptop", "beamer"])
def test_a_wide_clue_picture_runs_across_the_whole_width(make_app, size, text_size):
    """The rooster of 3.2:1 under a short text: under the text column it was about 1190 px wide."""
    app, pilot = make_app(load_scenario(SCENARIOS / "student-met-rugzak"), size=size, text_size=text_size)
    start_game(pilot)
    screen = next(s for s in inspected_screens(app, pilot) if tiles(s))
    tile = tiles(screen)[0]
    assert tile.rect.left == CONTENT.left and tile.rect.right == CONTENT.right, tile.rect
    button_bottom = max(w.rect.bottom for w in screen.focus.widgets if (w.key or "").startswith("clue:"))
    assert tile.rect.top > button_bottom
    # toasts keep to the side column's room above the picture
    assert all(not area.colliderect(tile.rect) for area in screen.toast_areas)
