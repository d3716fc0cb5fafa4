"""Findings of the hand play-through under Xvfb (docs/playtest.md, December 2026), each played again here.

The real screens through the pilot, at the size the finding was seen at (a beamer: 1920×1080, large text).
"""

import pygame

from escapebox.scenario.loader import load_scenario
from escapebox.ui.screens.base import MARGIN, TOP_H

from ui_helpers import SCENARIOS, start_game


def test_saved_toast_leaves_the_first_rooms_title_readable(make_app):
    # hele-team-leert on a beamer: the opening scale reflection says "Opgeslagen: …" as the group arrives in
    # the teamkantoor; the toolbar's gap holds it only on two lines and the message went over the top bar
    app, pilot = make_app(load_scenario(SCENARIOS / "hele-team-leert"), size=(1920, 1080), text_size="large")
    start_game(pilot)
    assert app.stack.top.name.startswith("reflection")
    pilot.press("3")
    pilot.press("return")
    room = app.stack.top
    assert room.name == "room" and app.toasts
    app.draw()
    title = pygame.Rect(MARGIN, 0, app.canvas.measure(room.title(), "bold", app.size("title")), TOP_H)
    assert app._toast_rect.width > 0 and not app._toast_rect.colliderect(title)
    covered = [w.key for w in room.focus.widgets if w.visible and w.rect.colliderect(app._toast_rect)]
    assert not covered
