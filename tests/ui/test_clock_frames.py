"""A new second on the clock redraws only the clock, and the picture is the one a full draw gives.

Once a second the running clock is all that changes on screen; the loop then
draws just the clock over the last frame (``App.draw_clock``) instead of every
screen (docs/performance.md).  These tests hold that shortcut to two promises:
the window looks exactly as if everything had been drawn again, and anything
else on the clock's spot (a dialog over it, a banner, a wider clock) makes the
loop draw everything.
"""

import pygame
import pytest

from escapebox.ui.pilot import key_events
from escapebox.ui.screens.base import GameScreen
from ui_helpers import start_game


def settle(app):
    for _ in range(300):
        app.frame(block=False)
        if not app.idle_tasks and not app.dirty:
            return


def next_second(app, seconds: float = 1.0) -> None:
    clock = app.game.session.clock
    clock.continue_from(clock.now() + seconds)


def counted(app, monkeypatch) -> dict:
    """How many full frames and clock-only frames the loop draws from now on."""
    counts = {"full": 0, "clock": 0}
    draw, draw_clock = app.draw, app.draw_clock

    def full():
        counts["full"] += 1
        draw()

    def clock():
        counts["clock"] += 1
        draw_clock()
    monkeypatch.setattr(app, "draw", full)
    monkeypatch.setattr(app, "draw_clock", clock)
    return counts


def full_picture(app) -> bytes:
    app.invalidate()
    app.frame(block=False)
    return pygame.image.tobytes(app.window, "RGB")


def clock_picture(app, seconds: float = 1.0) -> bytes:
    next_second(app, seconds)
    app.frame(block=False)
    return pygame.image.tobytes(app.window, "RGB")


@pytest.fixture
def room(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario, size=(1280, 720))
    start_game(pilot)
    settle(app)
    assert isinstance(app.stack.top, GameScreen)
    return app, pilot


def test_a_new_second_draws_only_the_clock(room, monkeypatch):
    app, _pilot = room
    counts = counted(app, monkeypatch)
    before = pygame.image.tobytes(app.window, "RGB")
    after = clock_picture(app)
    assert counts == {"full": 0, "clock": 1}
    assert after != before                                   # the digits did change
    assert after == full_picture(app)                        # exactly what drawing everything gives


def test_under_a_dialog_the_clock_is_dimmed_like_the_rest(room, monkeypatch):
    app, pilot = room
    pilot.press("f1")
    settle(app)
    assert app.stack.top.name == "help" and not app.stack.top.opaque
    counts = counted(app, monkeypatch)
    after = clock_picture(app)
    assert counts["clock"] == 1 and counts["full"] == 0
    assert after == full_picture(app)


def test_the_shortcut_is_taken_for_a_long_time(room, monkeypatch):
    """An idle room: every second only the clock, and the picture never drifts from a full draw."""
    app, _pilot = room
    counts = counted(app, monkeypatch)
    for _ in range(30):
        clock_picture(app)
    assert counts == {"full": 0, "clock": 30}
    drawn = pygame.image.tobytes(app.window, "RGB")
    assert drawn == full_picture(app)


def test_a_banner_over_the_clock_means_a_full_draw(room, monkeypatch):
    app, _pilot = room
    app.banner = "Opslaan lukt niet"
    app.invalidate()
    app.frame(block=False)
    counts = counted(app, monkeypatch)
    clock_picture(app)
    assert counts["full"] == 1


def test_a_clock_that_changes_size_means_a_full_draw(room, monkeypatch):
    """Running out of time changes the word beside the digits, so the title must move: draw everything."""
    app, _pilot = room
    counts = counted(app, monkeypatch)
    limit = app.game.session.timer().remaining
    assert limit is not None
    clock_picture(app, limit + 5)                            # into overtime
    assert counts["full"] == 1
    assert app.game.timer_text()[1] == "overtime"


def test_a_change_on_screen_is_never_hidden_by_the_shortcut(room, monkeypatch):
    """Anything else that changes sets the screen dirty, and a dirty screen is always drawn in full."""
    app, _pilot = room
    counts = counted(app, monkeypatch)
    for event in key_events("tab"):                          # a key press in the same turn as a new second
        pygame.event.post(event)
    next_second(app)
    app.frame(block=False)
    assert counts == {"full": 1, "clock": 0}
