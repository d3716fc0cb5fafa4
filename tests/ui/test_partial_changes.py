"""A typed letter (and the wall's new second) draws only what changed, with the pixels of a whole redraw.

See escapebox/ui/partial.py (``LastFrame._redraw_changes``) and docs/performance.md (issue #21).
"""

import pygame
import pytest

from escapebox.ui.partial import changed_areas, merge
from test_puzzles import open_lock
from ui_helpers import start_game


def window_pixels(app) -> bytes:
    return pygame.image.tobytes(app.window, "RGB")


def whole_redraw_pixels(app) -> bytes:
    app.canvas.last_frame.forget()
    app.canvas.noted = None
    app.invalidate()
    app.frame(block=False)
    return window_pixels(app)


def counting_partial(app) -> list:
    """Note the areas of every frame drawn partly (a list of rects) or whole (None)."""
    seen = []
    paint = app.canvas.last_frame.paint

    def counted(app_, visible):
        areas = paint(app_, visible)
        seen.append(areas)
        return areas
    app.canvas.last_frame.paint = counted
    return seen


def word_lock_quiet(app, pilot):
    """The fixture's word lock open, its messages gone and drawn whole once: the frame typing starts from."""
    screen = open_lock(app, pilot, "woord-slot")
    app.toasts.clear()
    app.invalidate()
    app.frame(block=False)
    return screen


def type_and_compare(app, pilot, texts) -> list:
    """Type each text (letters, Backspace) and check the window against a whole redraw after each."""
    seen = counting_partial(app)
    for text in texts:
        seen.clear()
        if text == "backspace":
            pilot.press("backspace")
        else:
            pilot.type(text)
        partial = [areas for areas in seen if areas is not None]
        drawn = window_pixels(app)
        assert whole_redraw_pixels(app) == drawn, text
        assert partial, f"{text!r} drew the whole window"
        # the whole redraw above is noted too, so the next letter can again be drawn partly
    return seen


@pytest.mark.parametrize("size", [(1280, 720), (3840, 2160)])
def test_typing_into_the_word_puzzle_draws_the_field_alone(make_app, fixture_scenario, size):
    app, pilot = make_app(fixture_scenario, size=size)
    start_game(pilot)
    screen = word_lock_quiet(app, pilot)
    # the first letter enables "Controleer" too: that button is drawn again as well
    type_and_compare(app, pilot, ["m", "o", "backspace", "e", "backspace", "backspace"])
    field = app.canvas.px(screen.field.rect)
    seen = counting_partial(app)
    pilot.type("d")
    pilot.type("x")
    assert seen[-1] and all(field.inflate(40, 40).contains(area) for area in seen[-1])


def test_a_new_clock_second_while_typing_draws_the_clock_too(game_app):
    app, pilot = game_app
    word_lock_quiet(app, pilot)
    pilot.type("m")
    shown = app.game.timer_text()
    app.game.timer_text = lambda: ("00:07", shown[1])
    seen = counting_partial(app)
    pilot.type("o")
    assert seen[-1] and len(seen[-1]) == 2          # the field and the clock, not the window between
    drawn = window_pixels(app)
    assert whole_redraw_pixels(app) == drawn


def test_a_clock_second_drawn_alone_is_drawn_again_by_the_next_letter(game_app):
    """The clock drawn over the window between frames leaves the noted frame behind: that area is stale."""
    app, pilot = game_app
    word_lock_quiet(app, pilot)
    pilot.type("m")
    shown = app.game.timer_text()
    app.game.timer_text = lambda: ("00:07", shown[1])
    app.clock_changed()
    app.frame(block=False)                           # the clock alone (App.draw_clock)
    app.game.timer_text = lambda: shown              # and back: the noted frame's digits again
    pilot.type("o")
    drawn = window_pixels(app)
    assert whole_redraw_pixels(app) == drawn


def test_typing_under_a_message_draws_the_field_and_the_message_again(game_app):
    """A message is drawn over each frame after it; where it lies counts as changed, so it stays right."""
    app, pilot = game_app
    word_lock_quiet(app, pilot)
    seen = counting_partial(app)
    app.toast("Opgeslagen", "info", 5)
    for letter in "moe":                             # the message came with the first letter
        pilot.type(letter)
        assert seen[-1]
        drawn = window_pixels(app)
        assert whole_redraw_pixels(app) == drawn
    app.toasts[0].until = 0                          # the message goes: what was under it comes back
    pilot.type("d")
    drawn = window_pixels(app)
    assert not app.toasts and seen[-1]
    assert whole_redraw_pixels(app) == drawn


def test_a_key_press_that_is_not_typing_draws_the_whole_window(game_app):
    app, pilot = game_app
    open_lock(app, pilot, "woord-slot")
    seen = counting_partial(app)
    app.invalidate()
    app.frame(block=False)
    assert seen == [None]


def test_merge_keeps_a_column_together_and_far_areas_apart():
    column = [pygame.Rect(100, 100 + 60 * n, 80, 40) for n in range(10)]
    field = pygame.Rect(100, 1500, 600, 80)
    areas = merge([*column, field])
    assert sorted(map(tuple, areas)) == [(100, 100, 80, 580), (100, 1500, 600, 80)]


def test_changed_areas_widens_to_a_copy_it_touches():
    bounds = pygame.Rect(0, 0, 1000, 1000)
    clip = tuple(bounds)
    copy = (("copy",), (500, 0, 200, 100), (500, 0, 200, 100))
    old = [copy, (("text", "1"), (600, 20, 40, 40), clip)]
    new = [copy, (("text", "2"), (600, 20, 40, 40), clip)]
    assert changed_areas(old, new, [], bounds) == [pygame.Rect(500, 0, 200, 100)]
    assert changed_areas(old, old, [], bounds) == []
    everything = [(("clear", 1), tuple(bounds), clip)]
    assert changed_areas(everything, [(("clear", 2), tuple(bounds), clip)], [], bounds) is None
