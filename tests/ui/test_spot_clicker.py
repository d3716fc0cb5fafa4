"""A spot puzzle by presenter clicker alone, and a picture that gets the room (issue #16).

A clicker sends PageDown/PageUp and F5 (some also Left/Right, B, Esc), never up or down: PageDown
and PageUp walk the crosshair along a path through the picture, F5 checks the point.  Every area
(the target and every decoy) of every bundled spot puzzle must be reachable that way, at the
laptop's and the beamer's size and text.
"""

import pytest

from escapebox.scenario.freesolve import spot_areas
from escapebox.scenario.loader import load_scenario
from escapebox.ui.screens.puzzles.spot import clicker_path
from test_puzzles import open_lock
from ui_helpers import SCENARIOS, start_game

SPOTS = [(folder.name, pid) for folder in sorted(SCENARIOS.iterdir()) if (folder / "scenario.yaml").exists()
         for pid, puzzle in load_scenario(folder).scenario.puzzles.items() if puzzle.kind == "spot"]
#: the laptop at the normal text, the beamer (--beamer: large text)
SIZES = [((1280, 720), None), ((1920, 1080), "large")]


def open_spot(make_app, name, pid, size, text_size):
    app, pilot = make_app(load_scenario(SCENARIOS / name), size=size, text_size=text_size)
    start_game(pilot)
    screen = open_lock(app, pilot, pid)
    pilot.run()
    return app, pilot, screen


def inside(area, point) -> bool:
    return area.contains(*screen_answer(point))


def screen_answer(point):
    """The point as the screen checks it (rounded to 0.01, as ``SpotScreen.answer``)."""
    return round(point[0], 2), round(point[1], 2)


@pytest.mark.parametrize("size,text_size", SIZES, ids=["laptop", "beamer"])
@pytest.mark.parametrize("name,pid", SPOTS, ids=[f"{n}-{p}" for n, p in SPOTS])
def test_the_clicker_alone_reaches_every_area_and_solves_it(make_app, name, pid, size, text_size):
    app, pilot, screen = open_spot(make_app, name, pid, size, text_size)
    areas = spot_areas(screen.puzzle)
    path = clicker_path(areas)
    assert not any(inside(a, screen.point) for a in areas), "the crosshair starts on an area"
    pilot.press("f5")
    assert screen.solved is None and not app.game.session.state.wrong.get(pid), "F5 on a fresh screen checked"
    reached = set()
    for _ in path:                                   # PageDown along the whole path
        pilot.press("pagedown")
        assert screen.focus.focused.key == "spot", "the walk left the picture before its end"
        reached |= {n for n, area in enumerate(areas) if inside(area, screen.point)}
    assert reached == set(range(len(areas))), f"{pid}: the clicker never reaches areas {set(range(len(areas))) - reached}"
    for _ in path:                                   # and back with PageUp to the target
        if inside(screen.puzzle.target, screen.point):
            break
        pilot.press("pageup")
    pilot.press("f5")
    assert screen.solved is not None, f"{pid}: F5 on the target did not open it"


def test_past_the_end_of_the_path_the_clicker_goes_on_to_the_next_control(make_app):
    app, pilot, screen = open_spot(make_app, "zij-instromer", "p_rooster", (1280, 720), None)
    path = clicker_path(spot_areas(screen.puzzle))
    pilot.press("pageup")
    assert screen.focus.focused.key != "spot" and not screen.chosen, "PageUp before the path's start stays"
    pilot.press("pagedown")
    assert screen.focus.focused.key == "spot"
    for _ in path:
        pilot.press("pagedown")
    assert screen.point == list(path[-1]) and screen.focus.focused.key == "spot"
    pilot.press("pagedown")
    assert screen.focus.focused.key != "spot" and screen.point == list(path[-1])


def test_the_path_holds_a_point_of_every_area_and_never_depends_on_where_they_are():
    from escapebox.scenario.area import Area

    small = [Area(x=37.1, y=81.3, w=3.0, h=4.4), Area(x=0.0, y=0.0, w=50, h=50)]
    path = clicker_path(small)
    assert all(any(a.contains(*screen_answer(p)) for p in path) for a in small)
    moved = [Area(x=3.0, y=9.9, w=3.0, h=4.4), Area(x=50.0, y=50.0, w=50, h=50)]
    assert clicker_path(moved) == path
    # serpentine: one step is never longer than a cell (3.0 across, 4.4 down): the crosshair never jumps
    steps = [max(abs(a[0] - b[0]), abs(a[1] - b[1])) for a, b in zip(path, path[1:])]
    assert max(steps) <= 4.4


@pytest.mark.parametrize("size,text_size", SIZES, ids=["laptop", "beamer"])
@pytest.mark.parametrize("name,pid", SPOTS, ids=[f"{n}-{p}" for n, p in SPOTS])
def test_the_picture_gets_the_room_beside_the_feedback(make_app, name, pid, size, text_size):
    """No empty band kept for the feedback under a picture that could have used it; nothing overlaps."""
    app, pilot, screen = open_spot(make_app, name, pid, size, text_size)
    picture, feedback, submit = screen.image_rect, screen.feedback_rect, screen.submit_button.rect
    zoom = screen.focus.find("picture_open").rect
    for name_, rect in (("feedback", feedback), ("Controleer", submit), ("Groot bekijken", zoom)):
        assert not picture.colliderect(rect), f"the picture lies under {name_}"
    assert not feedback.colliderect(submit)
    if screen.column is not None:
        assert feedback.left > picture.right and submit.left > picture.right
        assert picture.bottom > feedback.top, "a column beside the picture, yet the picture ends above it"
    if text_size == "large" and "rooster" in pid:
        # the 16:9 roosters had 820 x 461 px of the beamer's 1920 x 1080 under their feedback's band
        assert picture.width >= 1050 and picture.height >= 590, picture


def test_the_clicker_walk_is_on_the_how_to_line(make_app):
    app, pilot, screen = open_spot(make_app, "hele-team-leert", "p_app", (1920, 1080), "large")
    for key in ("ui.spot.how", "ui.spot.not_chosen"):
        assert "PgDn" in app.tr(key)
        width = app.canvas.measure(app.tr(key), "italic" if key.endswith("how") else "bold", app.size("small"))
        assert screen.note_pos[0] + width < screen.focus.find("picture_open").rect.left, f"{key} runs under the button"
