"""``match``: pair each situation on the left with its answer on the right.

Pick a left entry (it gets a letter, A, B, …), then the right entry that
belongs to it; the right entry then says "bij A" and a line joins them, so
pairs are visible without relying on colour.  Keyboard (docs/rules.md,
"Controls"): Tab or the arrows move, Space (or F5) picks the focused entry,
left and then right makes a pair, and Enter checks the whole answer
("Controleer (Enter)"), also with the focus on an entry.  Mouse: click left,
click right.  The right column is shown in a fixed shuffled order
(``MatchPuzzle.shown_rights``, as on the printed card).

The chosen left entry has a filled round mark (the left column is one radio
group) and the line above the columns says "Kies nu rechts wat bij A hoort.";
a right entry is as tall as it is with "hoort bij A" under it, whether it has
a pair or not.  So no entry moves or changes size when a pair is made (a
click aimed at the next row used to miss, issue #16).
"""

from __future__ import annotations

import pygame

from escapebox.ui.screens.puzzles.base import PuzzleScreen
from escapebox.ui.widgets import Button

LETTERS = "ABCDEFGHIJ"


class MatchScreen(PuzzleScreen):
    puzzle_kind = "match"

    def __init__(self, app, puzzle_id: str, via: str | None = None):
        super().__init__(app, puzzle_id, via)
        self.right_order = self.puzzle.shown_rights(app.game.scenario.id, puzzle_id)
        self.pairs: dict[int, int] = {}
        self.active: int | None = 0

    def build_answer(self, area: pygame.Rect) -> list:
        tr, canvas = self.app.tr, self.app.canvas
        note_h = self.app.text.line_height(self.app.size("small")) + 8
        self.note_pos = (area.left, area.top)
        self.note = self._note(area.width)
        area = pygame.Rect(area.left, area.top + note_h, area.width, area.height - note_h)
        col_w = (area.width - 160) // 2
        lefts, rights = [], []
        paired_to = {right: left for left, right in self.pairs.items()}
        for i, pair in enumerate(self.puzzle.pairs):
            lefts.append(Button(f"{LETTERS[i]}.  {pair.left}", lambda i=i: self.pick_left(i), key=f"left:{i}",
                                align="left", selected=i == self.active, radio=True, item=True))
        # measured with the widest "hoort bij X" the row could get
        widest = max(LETTERS[:len(self.puzzle.pairs)], key=lambda letter: canvas.measure(
            tr("ui.match.paired", letter=letter), "regular", self.app.size("small")))
        for j in self.right_order:
            rights.append(Button(self.puzzle.pairs[j].right, lambda j=j: self.pick_right(j), key=f"right:{j}",
                                 align="left", item=True, detail=tr("ui.match.paired", letter=widest)))
        for role, compact in (("body", False), ("small", False), ("small", True)):
            for b in lefts + rights:
                b.role = role
                b.pad_y = 4 if compact else b.pad_y   # the largest text size: less padding, nothing cut off
            left_h = [b.preferred_height(canvas, self.app, col_w) for b in lefts]
            right_h = [b.preferred_height(canvas, self.app, col_w) for b in rights]
            rows = [max(a, b) for a, b in zip(left_h, right_h)]
            if sum(rows) + 12 * (len(rows) - 1) <= area.height:
                break
        for j, button in zip(self.right_order, rights):
            button.detail = tr("ui.match.paired", letter=LETTERS[paired_to[j]]) if j in paired_to else None
        y = area.top
        for n, height in enumerate(rows):
            lefts[n].rect = pygame.Rect(area.left, y, col_w, height)
            rights[n].rect = pygame.Rect(area.right - col_w, y, col_w, height)
            y += height + 12
        self.lefts, self.rights = lefts, rights
        widgets = []
        for left, right in zip(lefts, rights):
            widgets += [left, right]
        return widgets

    def _note(self, width: int) -> str:
        """How to pair, and which left entry waits for its right one (only that, when both do not fit)."""
        tr, how = self.app.tr, self.app.tr("ui.match.how")
        if self.active is None:
            return how
        now = tr("ui.match.now_right", letter=LETTERS[self.active])
        both = f"{how}  {now}"
        fits = self.app.canvas.measure(both, "italic", self.app.size("small")) <= width
        return both if fits else now

    def pick_left(self, i: int) -> None:
        self.active = i
        self._refresh()

    def pick_right(self, j: int) -> None:
        if self.active is None:
            self.app.toast(self.app.tr("ui.match.left_first"), "info")
            return
        self.pairs = {left: right for left, right in self.pairs.items() if right != j and left != self.active}
        self.pairs[self.active] = j
        open_lefts = [i for i in range(len(self.puzzle.pairs)) if i not in self.pairs]
        self.active = open_lefts[0] if open_lefts else None
        self._refresh()

    def _refresh(self) -> None:
        self.layout()
        self.app.invalidate()

    def can_submit(self) -> bool:
        return len(self.pairs) == len(self.puzzle.pairs)

    def how_to_texts(self) -> list[str]:
        return [self.app.tr("ui.match.incomplete")]

    def answer(self):
        return [self.pairs[i] for i in range(len(self.puzzle.pairs))]

    def submit(self) -> None:
        if not self.can_submit():
            self.feedback = (self.app.tr("ui.match.incomplete"), "danger")
            self.layout()
            return
        super().submit()

    def draw_answer(self, canvas) -> None:
        c = self.app.theme.colours
        canvas.text(self.note, self.note_pos, "italic", self.app.size("small"), c.muted)
        by_key = {b.key: b for b in self.rights}
        for left_index, right_index in self.pairs.items():
            start = self.lefts[left_index].rect.midright
            end = by_key[f"right:{right_index}"].rect.midleft
            canvas.line(start, end, c.accent, 5)
            canvas.circle(start, 9, c.accent)
            canvas.circle(end, 9, c.accent)

    def autoplay_answer(self, answer) -> list | None:
        for i, j in enumerate(answer):
            if self.pairs.get(i) != j:
                if self.active != i:
                    return self.keys_to(f"left:{i}", press="space")
                return self.keys_to(f"right:{j}", press="space")
        return [("key", "return", "submit")]      # Enter checks, wherever the focus is
