"""Golden screenshots of the main screens, compared with a small pixel tolerance.

Run ``pytest tests/ui --update-goldens`` after an intended visual change and look at the new PNGs.
The clock is hidden so the pictures do not depend on timing.
"""

from pathlib import Path

import pygame
import pytest

from ui_helpers import start_game, tab_to

GOLDEN = Path(__file__).resolve().parent / "golden"
CHANNEL_TOLERANCE = 48      # per colour channel
MAX_DIFFERENT = 0.01        # share of pixels allowed to differ more than that (font rendering versions)


def compare(app, name, update):
    app.draw()
    path = GOLDEN / f"{name}.png"
    if update or not path.exists():
        GOLDEN.mkdir(exist_ok=True)
        pygame.image.save(app.window, str(path))
        if not update:
            pytest.skip(f"golden {name} written")
        return
    expected = pygame.image.load(str(path)).convert(app.window)
    actual = app.window.copy()
    assert expected.get_size() == actual.get_size()
    same = pygame.transform.threshold(None, actual, None, (CHANNEL_TOLERANCE,) * 3 + (255,), None, 0, expected)
    total = actual.get_width() * actual.get_height()
    different = (total - same) / total
    if different > MAX_DIFFERENT:
        pygame.image.save(actual, str(path.with_name(f"{name}.actual.png")))
    assert different <= MAX_DIFFERENT, f"{name}: {different:.2%} of pixels differ (see {name}.actual.png)"


@pytest.fixture
def app_pilot(make_app, fixture_scenario):
    return make_app(fixture_scenario, size=(1280, 720), timer_visible=False)


def test_golden_intro(app_pilot, update_goldens):
    app, pilot = app_pilot
    compare(app, "intro", update_goldens)


def test_golden_room_with_picture(app_pilot, update_goldens):
    app, pilot = app_pilot
    start_game(pilot)
    compare(app, "room", update_goldens)


def test_golden_code_puzzle_with_feedback(app_pilot, update_goldens):
    app, pilot = app_pilot
    start_game(pilot)
    tab_to(pilot, "obj:bord")
    pilot.press("return", "escape")
    app.toasts.clear()
    tab_to(pilot, "obj:kastje")
    pilot.press("return", "4", "3", "2", "1", "return", "1", "2")
    compare(app, "code_feedback", update_goldens)


def test_golden_clue_book(app_pilot, update_goldens):
    app, pilot = app_pilot
    start_game(pilot)
    tab_to(pilot, "obj:bord")
    pilot.press("return", "escape")
    app.toasts.clear()
    pilot.press("c")
    compare(app, "cluebook", update_goldens)


def test_golden_high_contrast_reflection(make_app, fixture_scenario, update_goldens):
    app, pilot = make_app(fixture_scenario, size=(1280, 720), timer_visible=False, high_contrast=True)
    start_game(pilot)
    tab_to(pilot, "obj:bord")
    pilot.press("return", "escape")
    tab_to(pilot, "obj:kastje")
    pilot.press("return", "1", "2", "3", "4", "return", "return")
    app.toasts.clear()
    pilot.type("Op het prikbord. Zoë’s ‘ideeën’ – één café.")
    compare(app, "reflection_high_contrast", update_goldens)
