"""The festival wall's new second and its message field draw only what changed, with the pixels of a whole
redraw (escapebox/ui/partial.py; issue #21: the wall's refresh at 3840×2160 was 11.7 ms p50)."""

from __future__ import annotations

import pygame
import pytest

from test_goldens_wall import GROUPS, NOW, StillHub, track
from test_partial_changes import counting_partial


@pytest.fixture(params=[(1280, 720), (3840, 2160)], ids=["1280", "4k"])
def wall(request):
    from escapebox.ui.festival.wall import WallScreen, wall_app
    hub = StillHub({f"golden{n}": track(n, *group) for n, group in enumerate(GROUPS)})
    now = [NOW]
    app = wall_app(hub, "K7M2QX", "192.168.1.20:1883", beamer=request.param[0] >= 1920, fullscreen=False,
                   window=request.param, language="nl")
    app.stack.replace(WallScreen(app, hub, "K7M2QX", "192.168.1.20:1883", clock=lambda: now[0]))
    app.frame(block=False)
    app.toasts.clear()
    app.invalidate()
    app.frame(block=False)
    yield app, now
    app.close()


def whole_redraw_pixels(app) -> bytes:
    app.canvas.last_frame.forget()
    app.canvas.noted = None
    app.invalidate()
    app.frame(block=False)
    return pygame.image.tobytes(app.window, "RGB")


def test_a_new_second_draws_the_clock_column_alone(wall):
    app, now = wall
    seen = counting_partial(app)
    for step in (1, 1, 59, 1):           # a minute on: the "idle" column changes too
        now[0] += step
        app.frame(block=False)
        drawn = pygame.image.tobytes(app.window, "RGB")
        assert seen[-1], "the whole wall was drawn for a new second"
        changed = sum(area.width * area.height for area in seen[-1])
        assert changed * 5 < app.window.get_width() * app.window.get_height()
        assert whole_redraw_pixels(app) == drawn
        seen.clear()


def test_typing_a_message_draws_the_field_alone(wall):
    app, now = wall
    app.stack.top.focus.focus_key("message")
    app.frame(block=False)
    seen = counting_partial(app)
    for letter in "Nog vijf minuten":
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=letter))
        app.frame(block=False)
        drawn = pygame.image.tobytes(app.window, "RGB")
        assert seen[-1], f"{letter!r} drew the whole wall"
        assert whole_redraw_pixels(app) == drawn
        seen.clear()
    field = app.canvas.px(app.stack.top.message.rect).inflate(60, 60)
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="!"))
    app.frame(block=False)
    assert all(field.contains(area) for area in seen[-1])


def test_news_from_the_hub_that_changes_the_summary_draws_it_too(wall):
    app, now = wall
    screen = app.stack.top
    seen = counting_partial(app)
    screen.stuck_minutes = 1              # every group is stuck now: rows, summary and footer change
    now[0] += 1
    app.frame(block=False)
    drawn = pygame.image.tobytes(app.window, "RGB")
    assert whole_redraw_pixels(app) == drawn
    assert seen[0] is None or sum(a.width * a.height for a in seen[0]) > 0
