"""The pause screen: the clock stops and the game is hidden, e.g. for a coffee break.

Pausing and resuming are commands (``Pause``/``Resume``) so the log and the
timer agree.  The learner can also stop here: everything is saved already.
"""

from __future__ import annotations

import pygame

from escapebox.core import commands as C
from escapebox.ui.canvas import LOGICAL_W
from escapebox.ui.screen import Screen
from escapebox.ui.screens.settings import open_settings
from escapebox.ui.widgets import Button


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
        if event.key in (pygame.K_p, pygame.K_ESCAPE, pygame.K_SPACE):
            self.resume()
            return True
        return False

    def draw(self, canvas) -> None:
        c, app = self.app.theme.colours, self.app
        canvas.text(app.tr("ui.pause.title"), (LOGICAL_W // 2, 230), "bold", app.size("display"), c.text, "midtop")
        layout = canvas.layout(app.tr("ui.pause.text"), "regular", app.size("body"), 1300)
        canvas.paragraph(layout, pygame.Rect(LOGICAL_W // 2 - 650, 420, 1300, layout.height), c.muted, align="center")
        super().draw(canvas)

    def autoplay(self, command) -> list | None:
        return self.keys_to("resume")
