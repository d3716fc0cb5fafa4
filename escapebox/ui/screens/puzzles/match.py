"""``match``: pair each situation on the left with its answer on the right.

Pick a left entry (it gets a letter, A, B, …), then the right entry that
belongs to it; the right entry then says "bij A" and a line joins them, so
pairs are visible without relying on colour.  Keyboard (docs/rules.md,
"Controls"): Tab or the arrows move, Space (or F5) picks the focused entry,
left and then right makes a pair, and Enter checks the whole answer
("Controleer (Enter)"), also with the focus on an entry.  Mouse: click left,
click right.  The right column is shown in a fixed shuffled order
(``MatchPuzzle.shown_rights``, as on the printed card).  An answer that fits
several situations is shown once and stays there when chosen: it then says
"hoort bij A, C", and the line above the columns says that this can happen.

The chosen left entry has a filled round mark (the left column is one radio
group) and the line above the columns says "Kies nu rechts wat bij A hoort.";
a right entry is as tall as it is with "hoort bij A" under it, whether it has
a pair or not.  So no entry moves or changes size when a pair is made (a
click aimed at the next row used to miss, issue #16).
"""

from __future__ import annotations

from itertools import zip_longest

import pygame

from escapebox.ui.screens.puzzles.base import PuzzleScreen
from escapebox.ui.widgets import Button

LETTERS = "ABCDEFGHIJ"
ROW_GAP = 12


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
        paired_to = self.paired_to()
        for i, pair in enumerate(self.puzzle.pairs):
            lefts.append(Button(f"{LETTERS[i]}.  {pair.left}", lambda i=i: self.pick_left(i), key=f"left:{i}",
                                align="left", selected=i == self.active, radio=True, item=True))
        widest = self._widest_letters()
        for j in self.right_order:
            rights.append(Button(self.puzzle.rights[j], lambda j=j: self.pick_right(j), key=f"right:{j}",
                                 align="left", item=True, detail=tr("ui.match.paired", letter=widest)))
        texts = {id(b): b.text for b in rights}
        inline = False
        for role, compact, inline in (("body", False, False), ("small", False, False), ("small", True, False),
                                      ("small", True, True)):
            for b in lefts + rights:
                b.role = role
                b.pad_y = 4 if compact else b.pad_y   # the largest text size: less padding, nothing cut off
            if inline:
                # last resort (six pairs at the beamer's text): "hoort bij A" on the entry's own line,
                # measured with the widest letters so no entry grows when a pair is made
                for b in rights:
                    b.detail, b.text = None, self._with_letters(texts[id(b)], widest)
            left_h = [b.preferred_height(canvas, self.app, col_w) for b in lefts]
            right_h = [b.preferred_height(canvas, self.app, col_w) for b in rights]
            # a shared answer leaves the right column shorter: the rows below it are as tall as the
            # shortest right entry, so the left column does not end in a row of another size
            rows = [max(a, b if b is not None else min(right_h)) for a, b in zip_longest(left_h, right_h)]
            if sum(rows) + ROW_GAP * (len(rows) - 1) <= area.height:
                break
        for j, button in zip(self.right_order, rights):
            letters = ", ".join(LETTERS[i] for i in paired_to.get(j, ()))
            if inline:
                button.text = self._with_letters(texts[id(button)], letters)
            else:
                button.detail = tr("ui.match.paired", letter=letters) if letters else None
        for button in lefts:
            button.rect = pygame.Rect(area.left, 0, col_w, 0)
        for button in rights:
            button.rect = pygame.Rect(area.right - col_w, 0, col_w, 0)
        self.lefts, self.rights = lefts, rights
        pairs = [[w for w in row if w is not None] for row in zip_longest(lefts, rights)]
        # six pairs at extra large text are 106 px each in about 560 px: a page at a time
        marker = self.place_rows(pairs, rows, area, ROW_GAP, count_each=False)
        return [w for row in pairs for w in row] + marker

    def _with_letters(self, text: str, letters: str) -> str:
        return f"{text}  ({self.app.tr('ui.match.paired', letter=letters)})" if letters else text

    def paired_to(self) -> dict[int, list[int]]:
        """Right entry → the lefts paired with it, in the left order (a shared answer has several)."""
        found: dict[int, list[int]] = {}
        for left in sorted(self.pairs):
            found.setdefault(self.pairs[left], []).append(left)
        return found

    def _widest_letters(self) -> str:
        """The widest "hoort bij …" a right entry could get, so that no entry grows when a pair is made.

        A one-to-one match: the widest single letter; with a shared answer, all the letters at once.
        """
        letters = LETTERS[:len(self.puzzle.pairs)]
        if self.puzzle.shared:
            return ", ".join(letters)
        return max(letters, key=lambda letter: self.app.canvas.measure(
            self.app.tr("ui.match.paired", letter=letter), "regular", self.app.size("small")))

    def _note(self, width: int) -> str:
        """How to pair, and which left entry waits for its right one: the longest of these that fits.

        With a shared answer, that an answer may fit several situations goes before how to pair:
        the group would otherwise think a chosen answer is used up.  Only at the largest text
        sizes, when even that does not fit, the line says just what to do now.
        """
        tr = self.app.tr
        shared = tr("ui.match.shared") if self.puzzle.shared else None
        how = f"{tr('ui.match.how')} {shared}" if shared else tr("ui.match.how")
        if self.active is None:
            choices = [how, shared or how]
        else:
            now = tr("ui.match.now_right", letter=LETTERS[self.active])
            choices = [f"{how}  {now}"] + ([f"{shared}  {now}"] if shared else []) + [now]
        for note in choices:
            if self.app.canvas.measure(note, "italic", self.app.size("small")) <= width:
                return note
        return choices[-1]

    def pick_left(self, i: int) -> None:
        self.active = i
        self._refresh()

    def pick_right(self, j: int) -> None:
        if self.active is None:
            self.app.toast(self.app.tr("ui.match.left_first"), "info")
            return
        # a one-to-one match moves an answer to its new partner; a shared one may stay with others too
        keep_others = self.puzzle.shared
        self.pairs = {left: right for left, right in self.pairs.items()
                      if left != self.active and (keep_others or right != j)}
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
            left, right = self.lefts[left_index], by_key[f"right:{right_index}"]
            if left.clipped or right.clipped:
                continue                      # on another page: the right entry's "hoort bij A" says it
            start, end = left.rect.midright, right.rect.midleft
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
