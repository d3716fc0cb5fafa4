"""The ending shows its picture at 1280×720 and at --beamer 1920×1080 too (issue #17).

At the beamer's large text the ending dropped its picture to make room for the words; the ending is
the case's last scene, so the picture stays (narrower) and the story pages if it must.
"""

import pygame
import pytest

from escapebox.paths import bundled_scenarios_dir
from escapebox.scenario.loader import load_scenario
from ui_helpers import play_to_ending, start_game

SCENARIOS = sorted(p.name for p in bundled_scenarios_dir().iterdir() if (p / "scenario.yaml").exists())
SIZES = {"1280": dict(size=(1280, 720)), "beamer": dict(size=(1920, 1080), text_size="large")}


def played_ending(make_app, name, options):
    app, pilot = make_app(load_scenario(bundled_scenarios_dir() / name), **options)
    start_game(pilot)
    return app, pilot, play_to_ending(app, pilot)


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
@pytest.mark.parametrize("name", SCENARIOS)
def test_the_endings_picture_is_on_screen(make_app, name, size):
    app, pilot, screen = played_ending(make_app, name, SIZES[size])
    if not screen.ending.image:
        pytest.skip(f"{name}: its ending has no picture")
    rect = screen.image_rect
    assert rect is not None and rect.width >= 200, (name, size, rect)
    assert pygame.Rect(0, 0, 1920, 1080).contains(rect), (name, size, rect)   # logical units
    for box in (screen.text_box, screen.outcome_box):
        assert not rect.colliderect(box.rect), (name, size, box.key)


@pytest.mark.parametrize("name", ["student-met-rugzak", "zij-instromer", "hele-team-leert"])
def test_at_the_beamer_the_outcome_of_every_branch_fits_without_paging(make_app, name):
    """After a talk of two turns the outcome paged at the beamer, time and hints alone on page 2;
    it goes to small print before that (the picture tried at every share first)."""
    from escapebox.scenario.solver import solve
    loaded = load_scenario(bundled_scenarios_dir() / name)
    branches = len(solve(loaded.scenario).branches)
    assert branches >= 3
    for branch in range(branches):
        app, pilot = make_app(loaded, **SIZES["beamer"])
        start_game(pilot)
        screen = play_to_ending(app, pilot, branch)
        assert screen.outcome_box.measure(app.canvas, app) <= screen.outcome_box.rect.height, (name, branch)
        assert screen.image_rect is not None, (name, branch)
        app.close()
