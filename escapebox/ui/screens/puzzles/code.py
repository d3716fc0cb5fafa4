"""``code``: a combination lock; digits from the keyboard or a big on-screen keypad.

Digits typed anywhere on this screen go into the lock; Backspace removes
one; Enter checks (OK), wherever the focus is, as on every screen
(docs/rules.md, "Controls").  The keypad keys are items: the arrows move
over them and Space or F5 (a presenter clicker) presses the focused one, so a
group at a beamer can play with a clicker or a mouse alone.  The keypad has
the same size and place for the life of the screen: feedback appears in the
room right of the keys, sized from the start for the longest text it can show
(``PuzzleScreen.feedback_texts``).
"""

from __future__ import annotations

import unicodedata

import pygame

from escapebox.ui.screens.puzzles.base import GAP, PuzzleScreen
from escapebox.ui.widgets import Button

KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "back", "0", "ok"]
KEY_GAP = 16


class Keypad:
    """Digit boxes plus a 3×4 keypad; shared by the code and meta screens."""

    def __init__(self, screen, length: int, on_ok):
        self.screen = screen
        self.length = max(1, length)
        self.on_ok = on_ok
        self.digits = ""

    def press(self, key: str) -> None:
        if key == "back":
            self.digits = self.digits[:-1]
        elif key == "ok":
            self.on_ok()
            return
        elif len(self.digits) < max(self.length, 12):
            self.digits += key
        self.screen.submit_button.enabled = self.screen.can_submit()
        self.screen.app.invalidate()

    def build(self, area: pygame.Rect) -> list:
        tr = self.screen.app.tr
        display_h = 140
        self.display = pygame.Rect(area.left, area.top, area.width, display_h)
        pad_h = area.height - display_h - GAP
        app = self.screen.app
        gap = KEY_GAP
        cell_h = min(110, (pad_h - 3 * gap) // 4)
        if cell_h < app.text.line_height(app.size("button")) + 8:
            gap = KEY_GAP // 2            # the meta lock at the largest text size: 58-px keys held 60-px lines
            cell_h = min(110, (pad_h - 3 * gap) // 4)
        # as wide as a key can be, not twice its height: short keys were too narrow for "Wis"
        cell_w = min(220, (area.width - 2 * gap) // 3)
        grid = pygame.Rect(0, 0, cell_w * 3 + 2 * gap, cell_h * 4 + 3 * gap)
        grid.midtop = (area.centerx, self.display.bottom + GAP)
        #: the free room right of the keys, where the feedback goes (about 550 wide: 1840 less 3 keys of 220)
        self.side = pygame.Rect(grid.right + GAP, grid.top, area.right - grid.right - GAP, grid.height)
        buttons = []
        labels = {"back": tr("ui.code.erase"), "ok": tr("ui.code.ok")}
        # big digits when the keys are tall enough for them (the largest text size in a small area: not)
        digit_role = "heading" if cell_h >= self.screen.app.size("heading") + 16 else "button"
        for n, key in enumerate(KEYS):
            row, col = divmod(n, 3)
            button = Button(labels.get(key, key), lambda key=key: self.press(key), key=f"pad:{key}",
                            role=digit_role if key.isdigit() else self._word_role(labels.get(key, key), cell_w),
                            kind="primary" if key == "ok" else "normal", item=True)
            button.rect = pygame.Rect(grid.left + col * (cell_w + gap), grid.top + row * (cell_h + gap), cell_w, cell_h)
            # a short key centres its label in all of its height (the padding would push it past the edge)
            line = app.text.line_height(app.size(button.role))
            button.pad_y = max(0, min(button.pad_y, (cell_h - line) // 2))
            buttons.append(button)
        return buttons

    def _word_role(self, label: str, cell_w: int) -> str:
        """"Wis"/"OK" in normal button text, or smaller when a narrow key would break the word."""
        app = self.screen.app
        return "button" if app.canvas.measure(label, "regular", app.size("button")) <= cell_w - 56 else "small"

    def key(self, event) -> bool:
        # full-width digits from an input method are the same keys (as the answer check sees them)
        digit = unicodedata.normalize("NFKC", event.unicode or "")
        if len(digit) == 1 and digit.isdigit() and digit.isascii():
            self.press(digit)
            return True
        if event.key == pygame.K_BACKSPACE:
            self.press("back")
            return True
        return False

    def draw(self, canvas) -> None:
        app, c = self.screen.app, self.screen.app.theme.colours
        count = max(self.length, len(self.digits))
        box_w = min(130, (self.display.width - 16 * (count - 1)) // count)
        total = count * box_w + (count - 1) * 16
        left = self.display.centerx - total // 2
        for i in range(count):
            box = pygame.Rect(left + i * (box_w + 16), self.display.top, box_w, self.display.height)
            canvas.fill(box, c.panel, 12)
            filled = i < len(self.digits)
            canvas.frame(box, c.accent if i == len(self.digits) else c.border, 5 if i == len(self.digits) else 3, 12)
            if filled:
                canvas.text(self.digits[i], box.center, "bold", app.size("display"), c.text, "center")
            else:
                canvas.line((box.left + 24, box.bottom - 30), (box.right - 24, box.bottom - 30), c.muted, 4)


class CodeScreen(PuzzleScreen):
    puzzle_kind = "code"

    def __init__(self, app, puzzle_id: str, via: str | None = None):
        super().__init__(app, puzzle_id, via)
        lengths = [len(self.puzzle.normal(a)) for a in self.puzzle.answer]
        self.keypad = Keypad(self, max(lengths), self.submit)

    def build_answer(self, area: pygame.Rect) -> list:
        return self.keypad.build(area)

    def default_focus(self) -> str | None:
        return super().default_focus() or "pad:ok"

    def can_submit(self) -> bool:
        return bool(self.keypad.digits)

    def show_submit(self) -> bool:
        return False  # the keypad's OK key checks

    def answer(self):
        return self.keypad.digits

    def after_wrong(self, wrong) -> None:
        self.keypad.digits = ""

    def on_key(self, event) -> bool:
        if self.solved is None and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT) and self.keypad.key(event):
            return True
        return super().on_key(event)

    def draw_answer(self, canvas) -> None:
        self.keypad.draw(canvas)

    def autoplay_answer(self, answer) -> list | None:
        keys = [("key", "backspace", "pad:back")] * len(self.keypad.digits)
        return keys + [("key", d, f"pad:{d}") for d in str(answer)] + [("key", "return", "pad:ok")]
