"""The pause screen: the clock stops and the game is hidden, e.g. for a coffee break.

Pausing and resuming are commands (``Pause``/``Resume``) so the log and the
timer agree.  The learner can also stop here: everything is saved already.
P (the toolbar's key), B (a presenter clicker's "blank screen"), Esc and
Space resume.  :class:`BlankScreen` is B where there is no game to pause (the
ending, the debrief): the wall goes dark until any key or a click.
"""

from __future__ import annotations

import pygame

from escapebox.core import commands as C
from escapebox.ui.canvas import LOGICAL_H, LOGICAL_W
from escapebox.ui.screen import Screen
from escapebox.ui.screens.settings import open_settings
from escapebox.ui.widgets import Button

#: keys that are only half a key press (Shift of Shift+Tab): they do not end the blank screen
MODIFIER_KEYS = {pygame.K_LSHIFT, pygame.K_RSHIFT, pygame.K_LCTRL, pygame.K_RCTRL, pygame.K_LALT, pygame.K_RALT,
                 pygame.K_LMETA, pygame.K_RMETA}


class PauseScreen(Screen):
    name = "pause"

    def __init__(self, app, already_paused: bool = False):
        super().__init__(app)
        self.started = already_paused
        if not already_paused:
            outcome = app.game.apply(C.Pause())
            self.started = outcome.refused is None or app.game.session.state.paused

    def layout(self) -> None:
        tr = self.app.tr
        go = Button(tr("ui.pause.resume"), self.resume, key="resume", kind="primary")
        stop = Button(tr("ui.pause.stop"), self.stop, key="stop")
        settings = Button(tr("settings.open"), lambda: open_settings(self.app), key="settings")
        y = 600
        for button in (go, settings, stop):
            button.rect = pygame.Rect(0, 0, 760, button.preferred_height(self.app.canvas, self.app, 760))
            button.rect.midtop = (LOGICAL_W // 2, y)
            y = button.rect.bottom + 30
        self.set_widgets([go, settings, stop], default="resume")

    def resume(self) -> None:
        if self.app.game.session.state.paused:
            outcome = self.app.game.apply(C.Resume())
            if outcome.refused:
                self.app.toast(self.app.game.message(outcome.refused), "danger")
        self.app.stack.pop()

    def stop(self) -> None:
        """Leave the game; it is saved and can be continued with --resume."""
        self.app.game.finish()

    def on_key(self, event) -> bool:
        if event.key in (pygame.K_p, pygame.K_b, pygame.K_ESCAPE, pygame.K_SPACE):
            self.resume()
            return True
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            return self.focus.step_for_clicker(1 if event.key == pygame.K_PAGEDOWN else -1)
        return False

    def draw(self, canvas) -> None:
        c, app = self.app.theme.colours, self.app
        canvas.text(app.tr("ui.pause.title"), (LOGICAL_W // 2, 230), "bold", app.size("display"), c.text, "midtop")
        layout = canvas.layout(app.tr("ui.pause.text"), "regular", app.size("body"), 1300)
        canvas.paragraph(layout, pygame.Rect(LOGICAL_W // 2 - 650, 420, 1300, layout.height), c.muted, align="center")
        super().draw(canvas)

    def autoplay(self, command) -> list | None:
        return self.keys_to("resume")


class BlankScreen(Screen):
    """A dark wall while the trainer talks (B on a presenter clicker); any key or a click brings it back."""

    name = "blank"
    quiet = True          # a dark wall: no message lights it up

    def handle(self, event) -> bool:
        if event.type == pygame.KEYDOWN and event.key not in MODIFIER_KEYS or event.type == pygame.MOUSEBUTTONUP:
            self.app.stack.pop()
            return True
        return False

    def draw(self, canvas) -> None:
        canvas.fill(pygame.Rect(0, 0, LOGICAL_W, LOGICAL_H), (0, 0, 0))
        # dim, at the bottom: readable for whoever stands at the laptop, not a distraction on the wall
        canvas.text(self.app.tr("ui.pause.blank_hint"), (LOGICAL_W // 2, LOGICAL_H - 60), "regular",
                    self.app.size("small"), (90, 90, 90), "midbottom")
