"""What the group sees when the trainer steps in: a hint or an answer, in a calm dialog.

The dialog goes on top of whatever the group has open (a puzzle with a
half-typed answer stays underneath, untouched).  If the trainer's overlay
is open, the notice waits just below it and shows when the overlay closes.
"""

from __future__ import annotations

import pygame

from escapebox.ui.screens.dialog import Dialog
from escapebox.ui.widgets import Button, TextBox

PAD = 48


class GroupNotice(Dialog):
    name = "facilitator-notice"
    width = 1400

    def __init__(self, app, heading: str, text: str):
        super().__init__(app)
        self.heading = heading
        self.text = text

    def layout(self) -> None:
        app, canvas = self.app, self.app.canvas
        inner_w = self.width - 2 * PAD
        heading_h = canvas.layout(self.heading, "bold", app.size("heading"), inner_w).height
        body = TextBox(self.text, pygame.Rect(0, 0, inner_w, 10), key="notice")
        body_h = min(560, body.measure(canvas, app))
        close = Button(app.tr("facilitator.notice.close"), self.close, key="close", kind="primary")
        close_h = close.preferred_height(canvas, app, 420)
        panel = self.place_panel(PAD + heading_h + 24 + body_h + 32 + close_h + PAD)
        body.rect = pygame.Rect(panel.left + PAD, panel.top + PAD + heading_h + 24, inner_w, body_h)
        close.rect = pygame.Rect(panel.right - PAD - 420, panel.bottom - PAD - close_h, 420, close_h)
        self.set_widgets([body, close], default="close")

    def draw_content(self, canvas) -> None:
        self.draw_heading(canvas, self.heading, PAD)

    def autoplay(self, command) -> list | None:
        return self.go_back()


def show_to_group(app, screen) -> None:
    """Put a screen in front of the group; below the trainer's overlay while that is open."""
    if app.stack.top is not None and app.stack.top.stays_on_top:
        app.stack.insert_below_top(screen)
    else:
        app.stack.push(screen)
