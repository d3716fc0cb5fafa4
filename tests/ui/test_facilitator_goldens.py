"""Golden screenshots of the trainer's side: the overlay as the group sees it, the trainer's held
pause, and the console window during play and after the end (issue #17).

``pytest tests/ui/test_facilitator_goldens.py --update-goldens`` after an intended change; look at
the PNGs.  The clock is hidden on the group's screen; the console's header shows it, so those
pictures are taken with the game clock at a fixed reading.
"""

import pygame
import pytest

from test_goldens import CHANNEL_TOLERANCE, GOLDEN, MAX_DIFFERENT
from ui_helpers import start_game, tab_to


def compare_surface(surface, name, update):
    path = GOLDEN / f"{name}.png"
    if update or not path.exists():
        pygame.image.save(surface, str(path))
        if not update:
            pytest.skip(f"golden {name} written")
        return
    expected = pygame.image.load(str(path)).convert(surface)
    assert expected.get_size() == surface.get_size()
    same = pygame.transform.threshold(None, surface, None, (CHANNEL_TOLERANCE,) * 3 + (255,), None, 0, expected)
    total = surface.get_width() * surface.get_height()
    different = (total - same) / total
    if different > MAX_DIFFERENT:
        pygame.image.save(surface, str(path.with_name(f"{name}.actual.png")))
    assert different <= MAX_DIFFERENT, f"{name}: {different:.2%} of pixels differ (see {name}.actual.png)"


def still_clock(game):
    """The console header shows the clock: stop it at 0:00 so the picture does not depend on timing."""
    view = game.session.timer()
    game.session.timer = lambda: view


def open_kastje(pilot):
    tab_to(pilot, "obj:kastje")
    pilot.press("return")


@pytest.mark.parametrize("size,prefix", [((1280, 720), "1280"), ((1920, 1080), "beamer")])
def test_golden_overlay_hides_what_the_group_may_not_see(make_app, fixture_scenario, update_goldens, size, prefix):
    app, pilot = make_app(fixture_scenario, size=size, timer_visible=False)
    game = start_game(pilot)
    still_clock(game)
    open_kastje(pilot)
    pilot.press("ctrl+shift+f")
    app.toasts.clear()
    app.draw()
    compare_surface(app.window, f"{prefix}-facilitator-overlay", update_goldens)


def test_golden_trainers_pause(make_app, fixture_scenario, update_goldens):
    app, pilot = make_app(fixture_scenario, size=(1280, 720), timer_visible=False)
    start_game(pilot)
    pilot.press("ctrl+shift+f")
    pilot.click_widget("pause")
    pilot.press("escape")                                # the overlay closes; the group sees the pause
    app.toasts.clear()
    assert app.stack.top.name == "pause"
    app.draw()
    compare_surface(app.window, "1280-pause-trainer", update_goldens)


def console_picture(app):
    app.draw()
    return app.console.window.get_surface()


def test_golden_console_in_play_and_after_the_end(make_app, fixture_scenario, update_goldens, monkeypatch):
    import uuid
    from escapebox.core import store
    fixed = uuid.UUID("0123456789abcdef0123456789abcdef")      # the report command names the session id
    monkeypatch.setattr(store, "uuid", type("FixedIds", (), {"uuid4": staticmethod(lambda: fixed)}))
    app, pilot = make_app(fixture_scenario, console=True, timer_visible=False)
    game = start_game(pilot)
    still_clock(game)
    open_kastje(pilot)
    compare_surface(console_picture(app), "console-playing", update_goldens)
    app.console.report("Het spel staat op pauze.", "success")   # a message from before the end goes
    for _ in range(2):                                   # "Spel beëindigen", then "Zeker?"
        app.console.panel.end()
    pilot.run()
    compare_surface(console_picture(app), "console-ended", update_goldens)
