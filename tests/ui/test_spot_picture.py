"""A spot puzzle's picture opens full-screen (Z or its button) and Esc brings the group back to point.

Played by hand: zij-instromer's rooster legend, which the group reads to find the wrong shift, came
out about 12 px high at 1280x720 inside the spot screen.
"""
from __future__ import annotations

import pytest

from escapebox.scenario.loader import load_scenario
from escapebox.ui.screens.puzzles import puzzle_screen
from ui_helpers import SCENARIOS, start_game


@pytest.fixture
def spot(make_app):
    app, pilot = make_app(load_scenario(SCENARIOS / "zij-instromer"), size=(1280, 720))
    start_game(pilot)
    screen = puzzle_screen(app, "p_rooster")
    app.stack.push(screen)
    pilot.run()
    return app, pilot, screen


def test_z_opens_the_picture_and_esc_comes_back_with_the_crosshair_where_it_was(spot):
    app, pilot, screen = spot
    pilot.press("right", "right")                 # the group has started pointing
    point = list(screen.point)
    pilot.press("z")
    assert pilot.screen.name == "picture"
    pilot.press("escape")
    assert pilot.screen is screen and screen.point == point and screen.chosen


def test_the_button_opens_it_by_mouse_and_keeps_clear_of_the_picture(spot):
    app, pilot, screen = spot
    button = screen.focus.find("picture_open")
    assert button is not None and not button.rect.colliderect(screen.image_rect)
    pilot.click(*button.rect.center)
    assert pilot.screen.name == "picture"
