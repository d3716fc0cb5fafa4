"""One screen only: the trainer's controls over the game, behind Ctrl+Shift+F.

Three keys at once is a combination a group does not press by accident
(a single letter or F-key would be).  Solutions, the next hint's text and
the names of rooms the group has not been in stay hidden until the trainer
clicks "Antwoorden tonen" twice (the second click confirms), because the
group can see this screen too.  Esc closes the overlay and the game continues where it was; what the
overlay reported to the trainer goes with it.
"""

from __future__ import annotations

import pygame

from escapebox.ui.facilitator.panel import CONTROLS, HEAD_H, ConsolePanel
from escapebox.ui.screen import Screen

REQUIRED_MODS = (pygame.KMOD_CTRL, pygame.KMOD_SHIFT)


def opens_overlay(event) -> bool:
    """Ctrl+Shift+F (either Ctrl, either Shift; no Alt, so AltGr layouts do not trigger it)."""
    if event.type != pygame.KEYDOWN or event.key != pygame.K_f:
        return False
    return all(event.mod & m for m in REQUIRED_MODS) and not event.mod & pygame.KMOD_ALT


def toggle_overlay(app) -> bool:
    """Open the overlay during a game (or close it when it is open); False when there is no game."""
    if app.game is None or app.game.session.state.ended:
        return False
    if isinstance(app.stack.top, FacilitatorOverlay):
        app.stack.pop()
    else:
        app.stack.push(FacilitatorOverlay(app))
    return True


class FacilitatorOverlay(Screen):
    name = "facilitator"
    stays_on_top = True

    def __init__(self, app):
        super().__init__(app)
        self.panel = ConsolePanel(app, hide_solutions=True, report=self.report)
        self._signature = None

    def report(self, text: str, kind: str) -> None:
        # for the trainer: it goes when the overlay closes, never stays on the group's screen
        self.app.toast(text, kind, owner=self)

    @property
    def toast_areas(self) -> list[pygame.Rect]:
        """The header above the controls: the left part holds the title, group and clock line."""
        return [pygame.Rect(CONTROLS.left, 8, CONTROLS.width, HEAD_H - 16)]

    def layout(self) -> None:
        self.set_widgets(self.panel.build(self.app), default="pause")
        self._signature = self.panel.signature()

    def handle(self, event) -> bool:
        used = super().handle(event)
        if self.app.stack.top is self and self.panel.signature() != self._signature:
            self.layout()
        return used

    def update(self, dt: float) -> bool:
        if self.app.game is not None and self.panel.signature() != self._signature:
            self.layout()
            self.app.invalidate()
        return super().update(dt)

    def on_key(self, event) -> bool:
        if event.key == pygame.K_ESCAPE:
            self.app.stack.pop()
            return True
        return False

    def draw(self, canvas) -> None:
        self.panel.draw(canvas, self.app)
        super().draw(canvas)
