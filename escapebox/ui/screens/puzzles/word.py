"""``word``: type a word or short phrase; ë, ï, é and input methods work through SDL text input."""

from __future__ import annotations

import pygame

from escapebox.ui.screens.puzzles._picture import PuzzlePicture
from escapebox.ui.screens.puzzles.base import PuzzleScreen
from escapebox.ui.widgets import TextField


class WordScreen(PuzzlePicture, PuzzleScreen):
    puzzle_kind = "word"
    #: Z types a letter in the answer field: the tile is opened by a click, or Tab to it and Enter
    picture_label = "ui.picture.open_plain"
    #: the answer field (built anew on every layout, keeping what was typed)
    field: TextField | None = None

    def build_answer(self, area: pygame.Rect) -> list:
        text = self.field.text if self.field is not None else ""
        height = self.app.text.line_height(self.app.size("heading")) + 40
        self.field = TextField(text, pygame.Rect(area.left, area.top + 40, min(area.width, 1200), height),
                               key="answer", placeholder=self.app.tr("ui.word.placeholder"),
                               on_submit=self.submit, on_change=lambda _t: self._changed(), role="heading")
        self.label_pos = (area.left, area.top - 6)
        return [self.field]

    def _changed(self) -> None:
        self.submit_button.enabled = self.can_submit()

    def default_focus(self) -> str | None:
        return super().default_focus() or "answer"

    def can_submit(self) -> bool:
        return bool(self.field.text.strip())

    def answer(self):
        return self.field.text

    def draw_answer(self, canvas) -> None:
        c = self.app.theme.colours
        canvas.text(self.app.tr("ui.word.label"), self.label_pos, "regular", self.app.size("small"), c.muted)

    def autoplay_answer(self, answer) -> list | None:
        return self.keys_to_type(self.field, answer)
