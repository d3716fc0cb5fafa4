"""A key press in a dialog draws only the dialog over the last frame, with the pixels of a full draw.

See escapebox/ui/partial.py and docs/performance.md (issue #21).
"""

import pygame
import pytest

from escapebox.core import commands as C


def window_pixels(app) -> bytes:
    return pygame.image.tobytes(app.window, "RGB")


def full_draw_pixels(app) -> bytes:
    app.canvas.last_frame.forget()
    app.invalidate()
    app.frame(block=False)
    return window_pixels(app)


@pytest.fixture
def hint_open(game_app):
    """The hint dialog over the first room, its first frame drawn; the room's draws are counted."""
    app, pilot = game_app
    pilot.press("h")
    assert app.stack.top.name == "hint"
    room = app.stack.visible()[0]
    draws = []
    original = room.draw
    room.draw = lambda canvas: (draws.append(1), original(canvas))
    app.toasts.clear()
    app.invalidate()
    app.frame(block=False)
    draws.clear()
    return app, pilot, draws


def test_a_key_in_a_dialog_draws_the_dialog_alone_with_the_pixels_of_a_full_draw(hint_open):
    app, pilot, draws = hint_open
    before = app.stack.top.focus.focused.key
    pilot.press("tab")
    assert app.stack.top.focus.focused.key != before
    assert draws == []                        # the room under the dialog was not drawn again
    alone = window_pixels(app)
    assert full_draw_pixels(app) == alone
    assert draws == [1]


def test_a_change_of_the_game_under_the_dialog_draws_the_room_again(hint_open):
    app, pilot, draws = hint_open
    app.game.apply(C.SetGroupName("Groep Zeven"))   # the room's top bar shows the group's name
    app.invalidate()
    app.frame(block=False)
    assert draws == [1]
    assert window_pixels(app) == full_draw_pixels(app)


def test_a_new_clock_reading_under_the_dialog_draws_the_room_again(hint_open):
    app, pilot, draws = hint_open
    app.game.timer_text = lambda: ("12:34", "normal")   # a new second, drawn with a key press, not alone
    app.invalidate()
    app.frame(block=False)
    assert draws == [1]


def test_after_a_message_the_whole_window_is_drawn(hint_open):
    app, pilot, draws = hint_open
    app.toast("Opgeslagen", "info", 5)
    app.invalidate()
    app.frame(block=False)
    app.toasts.clear()                # the message went: what was under it must come back
    app.invalidate()
    app.frame(block=False)
    assert draws == [1, 1]


def test_a_change_of_the_settings_draws_everything(hint_open):
    app, pilot, draws = hint_open
    app.settings = app.settings.with_(timer_visible=False)
    app.invalidate()
    app.frame(block=False)
    assert draws == [1]
    assert window_pixels(app) == full_draw_pixels(app)
