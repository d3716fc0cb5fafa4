"""Time is up: play on in overtime (the clock counts on, in red and with the word "overtijd"), or stop."""

from __future__ import annotations

import pygame

from escapebox.core import commands as C
from escapebox.ui.canvas import LOGICAL_W
from escapebox.ui.screen import Screen
from escapebox.ui.widgets import Button


class TimeUpScreen(Screen):
    name = "timeup"

    def layout(self) -> None:
        tr, game = self.app.tr, self.app.game
        buttons = []
        if not game.session.state.ended:
            buttons.append(Button(tr("ui.timeup.play_on"), self.play_on, key="play_on", kind="primary"))
            buttons.append(Button(tr("ui.timeup.stop"), self.stop, key="stop"))
        else:
            buttons.append(Button(tr("ui.timeup.to_debrief"), self.to_debrief, key="debrief", kind="primary"))
        for n, button in enumerate(buttons):
            button.rect = pygame.Rect(0, 0, 820, button.preferred_height(self.app.canvas, self.app, 820))
            button.rect.midtop = (LOGICAL_W // 2, 620 + n * 150)
        self.set_widgets(buttons)

    def play_on(self) -> None:
        self.app.game.time_up_seen = True
        self.app.stack.pop()

    def stop(self) -> None:
        """The group stops at the bell; the debrief shows how far they got."""
        self.app.game.time_up_seen = True
        outcome = self.app.game.apply(C.StopGame())
        if outcome.refused:
            self.app.toast(self.app.game.message(outcome.refused), "danger")
        self.app.game.route()

    def to_debrief(self) -> None:
        self.app.game.time_up_seen = True
        self.app.game.route()

    def on_key(self, event) -> bool:
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):   # a presenter clicker: the next button, F5 presses
            return self.focus.step_for_clicker(1 if event.key == pygame.K_PAGEDOWN else -1)
        return False

    def draw(self, canvas) -> None:
        c, app = self.app.theme.colours, self.app
        canvas.text(app.tr("ui.timeup.title"), (LOGICAL_W // 2, 200), "bold", app.size("display"), c.danger, "midtop")
        key = "ui.timeup.text_end" if app.game.session.state.ended else "ui.timeup.text_overtime"
        layout = canvas.layout(app.tr(key), "regular", app.size("body"), 1300)
        canvas.paragraph(layout, pygame.Rect(LOGICAL_W // 2 - 650, 380, 1300, layout.height), c.text, align="center")
        super().draw(canvas)

    def autoplay(self, command) -> list | None:
        return self.keys_to(self.focus.widgets[0].key)
