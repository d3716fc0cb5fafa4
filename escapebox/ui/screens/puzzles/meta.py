"""``meta``: the final lock, built from the results of earlier puzzles.

Each earlier puzzle is a tile: its title and, once solved, its result (a
digit, letter or word); unsolved tiles show a question mark.  Clicking a
tile, or Space (F5) on it, adds its result to the answer; Enter checks,
wherever the focus is (docs/rules.md, "Controls").  A numeric answer gets
the keypad, any other answer a text field.
"""

from __future__ import annotations

import pygame

from escapebox.ui.screens.puzzles.base import GAP, PuzzleScreen
from escapebox.ui.screens.puzzles.code import Keypad
from escapebox.ui.widgets import Button, TextField


class MetaScreen(PuzzleScreen):
    puzzle_kind = "meta"

    def __init__(self, app, puzzle_id: str, via: str | None = None):
        super().__init__(app, puzzle_id, via)
        answers = [self.puzzle.normal(a) for a in self.puzzle.answer]  # as the check compares them
        self.numeric = all(a.isascii() and a.isdigit() for a in answers)
        self.keypad = Keypad(self, max(len(a) for a in answers), self.submit) if self.numeric else None
        self.typed = ""

    def max_question_height(self, area: pygame.Rect) -> int:
        return area.height // 5

    def build_answer(self, area: pygame.Rect) -> list:
        results = self.game.session.results()
        puzzles = self.game.scenario.puzzles
        sources = list(self.puzzle.from_)
        # up to 400 wide: a title on one line leaves the keypad below more height (300 took two lines)
        tile_w = min(400, (area.width - GAP * (len(sources) - 1)) // len(sources))
        total = len(sources) * tile_w + (len(sources) - 1) * GAP
        left = area.centerx - total // 2
        tiles = []
        for pid in sources:
            result = results.get(pid)
            tile = Button(result or "?", lambda r=result: self.add(r), key=f"tile:{pid}", role="title",
                          detail=puzzles[pid].title, kind="normal", item=True)
            tile.enabled = result is not None
            tiles.append(tile)
        tile_h = max(t.preferred_height(self.app.canvas, self.app, tile_w) for t in tiles)
        for n, tile in enumerate(tiles):
            tile.rect = pygame.Rect(left + n * (tile_w + GAP), area.top, tile_w, tile_h)
        rest = pygame.Rect(area.left, area.top + tile_h + GAP, area.width, area.height - tile_h - GAP)
        if self.numeric:
            return tiles + self.keypad.build(rest)
        height = self.app.text.line_height(self.app.size("heading")) + 40
        self.field = TextField(self.typed, pygame.Rect(rest.centerx - 600, rest.top + 20, 1200, height), key="answer",
                               placeholder=self.app.tr("ui.word.placeholder"), on_submit=self.submit,
                               on_change=self._changed, role="heading")
        return tiles + [self.field]

    def _changed(self, text: str) -> None:
        self.typed = text
        self.submit_button.enabled = self.can_submit()

    def add(self, result: str | None) -> None:
        if not result:
            return
        if self.numeric:
            for ch in result:
                if ch.isdigit():
                    self.keypad.press(ch)
        else:
            self.field.buffer.move_to(len(self.field.text))
            self.field.buffer.insert(result)
            self._changed(self.field.text)
        self.app.invalidate()

    def default_focus(self) -> str | None:
        return super().default_focus() or ("pad:ok" if self.numeric else "answer")

    def show_submit(self) -> bool:
        return not self.numeric

    def can_submit(self) -> bool:
        return bool(self.keypad.digits if self.numeric else self.typed.strip())

    def answer(self):
        return self.keypad.digits if self.numeric else self.typed

    def after_wrong(self, wrong) -> None:
        if self.numeric:
            self.keypad.digits = ""

    def on_key(self, event) -> bool:
        if self.numeric and self.solved is None and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT) \
                and self.keypad.key(event):
            return True
        return super().on_key(event)

    def draw_answer(self, canvas) -> None:
        if self.numeric:
            self.keypad.draw(canvas)

    def autoplay_answer(self, answer) -> list | None:
        if self.numeric:
            keys = [("key", "backspace", "pad:back")] * len(self.keypad.digits)
            return keys + [("key", d, f"pad:{d}") for d in str(answer)] + [("key", "return", "pad:ok")]
        return self.keys_to_type(self.field, answer)
