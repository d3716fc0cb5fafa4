"""A dialog: a panel over the dimmed screen below (hint, help, settings, a trainer's notice, dev problems).

Its own module, below ``screens.base``: the game screens open dialogs from
their toolbar, so the dialogs must not need the game screens back.
"""

from __future__ import annotations

import pygame

from escapebox.ui.canvas import LOGICAL_H, LOGICAL_W
from escapebox.ui.screen import Screen

#: below the game's top bar (120 logical px, ``screens.base.TOP_H``, which this module must not import)
CLEAR_OF_TOP_BAR = 124


class Dialog(Screen):
    """A panel over the dimmed screen below; Esc closes it, PageDown/PageUp (a clicker) move the focus."""

    opaque = False
    width = 1200
    back_key = "close"

    def __init__(self, app):
        super().__init__(app)
        self.panel = pygame.Rect(0, 0, self.width, 600)

    def place_panel(self, height: int) -> pygame.Rect:
        self.panel = pygame.Rect(0, 0, self.width, min(LOGICAL_H - 80, height))
        self.panel.center = (LOGICAL_W // 2, LOGICAL_H // 2)
        # a tall card slides down to clear the game's top bar where it fits, so the clock stays
        # readable (and is redrawn alone each second) under it
        if self.panel.top < CLEAR_OF_TOP_BAR and self.panel.height <= LOGICAL_H - CLEAR_OF_TOP_BAR - 8:
            self.panel.top = CLEAR_OF_TOP_BAR
        return self.panel

    def covers(self, rect: pygame.Rect) -> bool:
        return self.panel.colliderect(rect)

    def on_key(self, event) -> bool:
        if event.key == pygame.K_ESCAPE:
            self.close()
            return True
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            return self.focus.step_for_clicker(1 if event.key == pygame.K_PAGEDOWN else -1)
        return False

    def close(self) -> None:
        self.app.stack.pop()

    #: where the panel was when last drawn on the window (a redraw over the last frame needs the same place)
    _drawn_panel: pygame.Rect | None = None

    def draw(self, canvas) -> None:
        if self._see_through():      # a see-through panel shows all of its shadow
            canvas.fill(self.panel.move(0, 10), (0, 0, 0, 70), self.app.theme.radius)
        else:
            canvas.shadow(self.panel.move(0, 10), (0, 0, 0, 70), self.app.theme.radius, under=self.panel)
        self._draw_panel(canvas)
        if canvas is self.app.canvas:
            self._drawn_panel = pygame.Rect(self.panel)

    def _draw_panel(self, canvas) -> None:
        c = self.app.theme.colours
        canvas.fill(self.panel, c.panel, self.app.theme.radius)
        canvas.frame(self.panel, c.border, 3, self.app.theme.radius)
        self.draw_content(canvas)
        self.focus.draw(canvas, self.app)

    def _see_through(self) -> bool:
        colour = self.app.theme.colours.panel
        return len(colour) == 4 and colour[3] < 255

    def alone_rect(self) -> pygame.Rect | None:
        return self.panel if self._drawn_panel is not None else None

    def redraw_alone(self, canvas) -> bool:
        """The panel again over the last frame: its shadow and the dimmed screens around it are still there.

        Only for a panel in the same place that hides what was under it, and
        whose widgets (with their focus ring) lie inside it; a dialog that draws
        more than its panel (its own ``draw``) is always drawn whole.
        """
        if type(self).draw is not Dialog.draw or self._see_through() or self.panel != self._drawn_panel:
            return False
        if not all(self.panel.contains(w.rect.inflate(24, 24)) for w in self.focus.widgets):
            return False
        with canvas.clip(self.panel):
            self._draw_panel(canvas)
        return True

    def draw_content(self, canvas) -> None:
        pass

    def draw_heading(self, canvas, heading: str, pad: int) -> None:
        """The dialog's title, wrapped, at the top of the panel inside ``pad``."""
        app = self.app
        layout = canvas.layout(heading, "bold", app.size("heading"), self.width - 2 * pad)
        canvas.paragraph(layout, pygame.Rect(self.panel.left + pad, self.panel.top + pad, self.width - 2 * pad,
                                             layout.height), app.theme.colours.text)
