"""The pause screen: the clock stops and the game is hidden, e.g. for a coffee break.

Pausing and resuming are commands (``Pause``/``Resume``) so the log and the
timer agree.  The learner can also stop here: everything is saved already.
P (the toolbar's key), B (a presenter clicker's "blank screen"), Esc and
Space resume.  A pause the trainer set (the console's "Pauze") is *held*:
only the trainer lifts it, so this screen then says so and offers no way
on, no stop and no settings (Space or a clicker would press a focused
button), and those keys do nothing.  :class:`BlankScreen` is B where there is no game to pause (the
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

    @property
    def held(self) -> bool:
        """The trainer paused: the group waits for the trainer (the rules refuse their ``Resume``)."""
        return self.app.game.session.state.pause_held

    def layout(self) -> None:
        tr = self.app.tr
        if self.held:
            self.set_widgets([])
            return
        buttons = [Button(tr("ui.pause.resume"), self.resume, key="resume", kind="primary"),
                   Button(tr("settings.open"), lambda: open_settings(self.app), key="settings"),
                   Button(tr("ui.pause.stop"), self.stop, key="stop")]
        y = 600
        for button in buttons:
            button.rect = pygame.Rect(0, 0, 760, button.preferred_height(self.app.canvas, self.app, 760))
            button.rect.midtop = (LOGICAL_W // 2, y)
            y = button.rect.bottom + 30
        self.set_widgets(buttons, default="resume")

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
            if not self.held:
                self.resume()
            return True
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            return self.focus.step_for_clicker(1 if event.key == pygame.K_PAGEDOWN else -1)
        return False

    def draw(self, canvas) -> None:
        c, app = self.app.theme.colours, self.app
        title, text = ("ui.pause.trainer_title", "ui.pause.trainer_text") if self.held else ("ui.pause.title",
                                                                                             "ui.pause.text")
        canvas.text(app.tr(title), (LOGICAL_W // 2, 230), "bold", app.size("display"), c.text, "midtop")
        layout = canvas.layout(app.tr(text), "regular", app.size("body"), 1300)
        canvas.paragraph(layout, pygame.Rect(LOGICAL_W // 2 - 650, 420, 1300, layout.height), c.muted, align="center")
        super().draw(canvas)

    def autoplay(self, command) -> list | None:
        return None if self.held else self.keys_to("resume")


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
