"""A spot puzzle needs a chosen point: the crosshair starts off every area, and Enter alone never checks.

Seen by hand in ``hele-team-leert``: the crosshair started in the centre of the picture,
on the right message, so pressing Enter three times solved the first puzzle.
"""

import pytest

from escapebox.scenario.freesolve import spot_areas
from escapebox.scenario.loader import load_scenario
from test_puzzles import open_lock
from ui_helpers import FIXTURE, SCENARIOS, start_game


def tries(app, puzzle_id) -> int:
    """Answers checked so far: the wrong ones, and the one that opened the lock."""
    state = app.game.session.state
    return len(state.wrong.get(puzzle_id, [])) + (puzzle_id in state.opened)


def inside_any(screen) -> bool:
    return any(area.contains(*screen.point) for area in spot_areas(screen.puzzle))


@pytest.fixture
def spot(make_app):
    """The fixture's spot puzzle, whose target covers the centre of its picture."""
    app, pilot = make_app(load_scenario(FIXTURE))
    start_game(pilot)
    screen = open_lock(app, pilot, "plek")
    assert screen.puzzle.target.contains(50, 50)
    return app, pilot, screen


def test_the_crosshair_starts_outside_every_area_and_enter_checks_nothing(spot):
    app, pilot, screen = spot
    assert not inside_any(screen)
    assert not screen.submit_button.enabled
    pilot.press("return", "return", "return")
    assert screen.solved is None and tries(app, "plek") == 0
    assert screen.feedback[0] == app.tr("ui.spot.choose_first")       # says how, instead of nothing


def test_one_arrow_key_chooses_a_point_and_checking_becomes_possible(spot):
    app, pilot, screen = spot
    start = list(screen.point)
    pilot.press("down")
    assert screen.point == [start[0], start[1] + 2] and screen.chosen
    assert screen.submit_button.enabled and screen.feedback is None
    pilot.press("return")
    assert tries(app, "plek") == 1


def test_a_click_inside_the_target_chooses_that_point_and_checks_it(spot):
    app, pilot, screen = spot
    image, (x, y) = screen.image_rect, screen.puzzle.target.centre()
    pilot.click(image.left + round(image.width * x / 100), image.top + round(image.height * y / 100))
    assert screen.solved is not None


def test_the_reason_is_on_screen_until_a_point_is_chosen(spot, monkeypatch):
    app, pilot, screen = spot
    drawn = []
    real = app.canvas.text
    monkeypatch.setattr(app.canvas, "text", lambda text, *a, **k: drawn.append(text) or real(text, *a, **k))
    app.draw()
    assert app.tr("ui.spot.not_chosen") in drawn and app.tr("ui.spot.how") not in drawn
    pilot.press("left")
    drawn.clear()
    app.draw()
    assert app.tr("ui.spot.how") in drawn and app.tr("ui.spot.not_chosen") not in drawn


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["laptop", "beamer"])
def test_enter_three_times_no_longer_solves_the_team_chat(make_app, size):
    """The case of the issue, at both window sizes: the first puzzle of hele-team-leert."""
    app, pilot = make_app(load_scenario(SCENARIOS / "hele-team-leert"), size=size)
    start_game(pilot)
    screen = open_lock(app, pilot, "p_app")
    assert not inside_any(screen)
    pilot.press("return", "return", "return")
    assert screen.solved is None and tries(app, "p_app") == 0
