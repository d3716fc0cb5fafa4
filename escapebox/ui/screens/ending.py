"""The ending: the scenario's closing text (and picture), then on to the debrief."""

from __future__ import annotations

import pygame

from escapebox.ui.screens.base import GameScreen
from escapebox.ui.widgets import Button, TextBox

GAP = 24


class EndingScreen(GameScreen):
    name = "ending"
    tools = ("help",)
    back_button = False
    show_clock = False

    @property
    def ending(self):
        """The ending reached, as the group's dilemma choices have it (``variants``)."""
        return self.game.session.shown_ending()

    def title(self) -> str:
        return self.ending.title

    def build(self, area: pygame.Rect) -> list:
        canvas = self.app.canvas
        go = Button(self.app.tr("ui.ending.to_debrief"), self.to_debrief, key="debrief", kind="primary")
        go_h = go.preferred_height(canvas, self.app, 640)
        go.rect = pygame.Rect(area.right - 640, area.bottom - go_h, 640, go_h)
        body = pygame.Rect(area.left, area.top, area.width, area.height - go_h - GAP)
        self.image_rect = None
        ending = self.ending
        if ending.image and self.app.images.natural_size(self.game.loaded.folder / ending.image) is not None:
            self.image_rect = pygame.Rect(body.left, body.top, 700, body.height)
            body = pygame.Rect(body.left + 700 + GAP, body.top, body.width - 700 - GAP, body.height)
        self.text_box = TextBox(ending.text, body, key="ending_text", panel=True, role="heading")
        return [self.text_box, go]

    def default_focus(self) -> str | None:
        return "debrief"

    def to_debrief(self) -> None:
        from escapebox.ui.screens.debrief import DebriefScreen
        self.app.stack.replace(DebriefScreen(self.app))

    def pager(self):
        return self.text_box

    def advance(self) -> bool:
        self.to_debrief()
        return True

    def main_action(self) -> bool:
        """Enter, also with the focus on the text being read: "Naar de nabespreking (Enter)"."""
        self.to_debrief()
        return True

    def draw_content(self, canvas) -> None:
        if self.image_rect is not None:
            canvas.image(self.game.loaded.folder / self.ending.image, self.image_rect)

    def autoplay(self, command) -> list | None:
        return self.keys_to("debrief")
