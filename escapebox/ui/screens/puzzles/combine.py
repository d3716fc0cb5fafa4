"""``combine``: open the lock by bringing the right items from the inventory together.

Keys as everywhere (docs/rules.md, "Controls"): Space (or a click) picks the focused item,
Enter checks what is picked, also with the focus on an item; with nothing picked it says how
to pick instead.
"""

from __future__ import annotations

import pygame

from escapebox.ui.screens.puzzles.base import GAP, PuzzleScreen
from escapebox.ui.widgets import Button


class CombineScreen(PuzzleScreen):
    puzzle_kind = "combine"

    def __init__(self, app, puzzle_id: str, via: str | None = None):
        super().__init__(app, puzzle_id, via)
        self.picked: list[str] = []

    def build_answer(self, area: pygame.Rect) -> list:
        items = self.game.scenario.items
        inventory = self.game.session.state.inventory
        self.picked = [i for i in self.picked if i in inventory]
        self.empty = not inventory
        self.area = area
        if not inventory:
            return []
        columns = 3 if len(inventory) > 4 else 2
        col_w = (area.width - GAP * (columns - 1)) // columns
        buttons = []
        for n, iid in enumerate(inventory):
            button = Button(items[iid].name, lambda iid=iid: self.toggle(iid), key=f"item:{iid}", align="left",
                            icon=items[iid].icon or "box", selected=iid in self.picked)
            height = button.preferred_height(self.app.canvas, self.app, col_w)
            row, col = divmod(n, columns)
            button.rect = pygame.Rect(area.left + col * (col_w + GAP), area.top + row * (height + GAP), col_w, height)
            buttons.append(button)
        return buttons

    def toggle(self, iid: str) -> None:
        self.picked = [p for p in self.picked if p != iid] if iid in self.picked else self.picked + [iid]
        if self.feedback and self.feedback[0] == self.app.tr("ui.combine.pick_first"):
            self.feedback = None              # chosen now: the how-to message has done its work
        for widget in self.focus.widgets:
            if (widget.key or "").startswith("item:"):
                widget.selected = widget.key[5:] in self.picked
        self.submit_button.enabled = self.can_submit()
        self.app.invalidate()

    def can_submit(self) -> bool:
        return bool(self.picked)

    def how_to_texts(self) -> list[str]:
        return [self.app.tr("ui.combine.pick_first")]

    def answer(self):
        return list(self.picked)

    def submit(self) -> None:
        """Enter with nothing picked says how to pick, instead of doing nothing (an empty backpack says so already)."""
        if self.solved is None and not self.picked and not self.empty:
            self.feedback = (self.app.tr("ui.combine.pick_first"), "danger")
            self.layout()
            return
        super().submit()

    def draw_answer(self, canvas) -> None:
        if self.empty:
            layout = canvas.layout(self.app.tr("ui.combine.empty"), "italic", self.app.size("body"), self.area.width)
            canvas.paragraph(layout, self.area, self.app.theme.colours.muted)

    def autoplay_answer(self, answer) -> list | None:
        for iid in self.game.session.state.inventory:
            if (iid in answer) != (iid in self.picked):
                return self.keys_to(f"item:{iid}", press="space")
        return [("key", "return", "submit")]      # Enter checks, wherever the focus is
