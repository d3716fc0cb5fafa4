"""F1: every key on one card, in two columns, over whatever is on screen.

The card is the input model of docs/rules.md ("Controls") in the player's
words: keep the two in step.
"""

from __future__ import annotations

import pygame

from escapebox.ui.canvas import LOGICAL_H
from escapebox.ui.screens.dialog import CLEAR_OF_TOP_BAR, Dialog
from escapebox.ui.widgets import Button

KEYS = [
    ("tab", "focus"), ("arrows", "arrows"), ("enter", "enter"), ("space", "space"), ("esc", "esc"),
    ("c_i", "clues_items"), ("h", "hint"), ("p", "pause"), ("a_z", "spots_zoom"), ("digits", "digits"),
    ("ctrl_enter", "ctrl_enter"), ("ctrl_keys", "ctrl_keys"), ("f1", "help"), ("f11", "fullscreen"),
    # what a presenter clicker sends (docs/rules.md, "Controls")
    ("pgdn", "pages"), ("f5", "f5"), ("b", "blank"),
]
PAD = 48
COL_GAP = 48


def help_rows(app) -> list[tuple[str, str]]:
    """(key label, what it does) as catalogue keys; dev mode (``play --dev``) adds its own keys."""
    rows = [(f"ui.help.key_{key}", f"ui.help.do_{action}") for key, action in KEYS]
    dev = app.services.dev
    return rows + (dev.help_rows() if dev is not None else [])


class HelpScreen(Dialog):
    name = "help"
    width = 1800

    def layout(self) -> None:
        tr, canvas, app = self.app.tr, self.app.canvas, self.app
        close = Button(tr("ui.dialog.close"), self.close, key="close", kind="primary")
        chosen = app.size("small")   # at the player's text size
        keys = help_rows(app)
        heading_h = app.text.line_height(app.size("heading"))
        close_h = close.preferred_height(canvas, app, 420)
        # the largest text with wide spacing: three columns, then normal-size text, so nothing is cut off
        normal = app.theme.size("small")
        # first a card that clears the top bar, so the clock stays readable under it (and is drawn
        # alone each second: a card over it redrew all of a 4K window, 8-19 ms, benchmarks/frames.py)
        arrangements = ((2, chosen), (3, chosen), (2, normal), (3, normal), (3, app.theme.size("small", 0.85)))
        for limit in (LOGICAL_H - CLEAR_OF_TOP_BAR - 8, LOGICAL_H - 80):
            for columns, size in arrangements:
                heights = self._arrange(keys, columns, size)
                if PAD + heading_h + 24 + sum(heights) + 24 + close_h + PAD <= limit:
                    break
            else:
                continue
            break
        self.text_size = size
        panel = self.place_panel(PAD + heading_h + 24 + sum(heights) + 24 + close_h + PAD)
        close.rect = pygame.Rect(panel.right - PAD - 420, panel.bottom - PAD - close_h, 420, close_h)
        self.set_widgets([close], default="close")

    def _arrange(self, keys: list, columns: int, size: int) -> list[int]:
        """Fill ``columns`` columns top to bottom; returns the row heights."""
        tr, canvas = self.app.tr, self.app.canvas
        self.key_w = max(canvas.measure(tr(label), "bold", size) for label, _ in keys) + 48
        self.column_w = (self.width - 2 * PAD - (columns - 1) * COL_GAP) // columns
        rows = -(-len(keys) // columns)
        self.rows = rows
        self.cells = []
        heights = []
        for row in range(rows):
            cells = [keys[row + c * rows] for c in range(columns) if row + c * rows < len(keys)]
            layouts = [canvas.layout(tr(action), "regular", size, self.column_w - self.key_w) for _, action in cells]
            heights.append(max(layout.height for layout in layouts) + 14)
            self.cells.append(list(zip(cells, layouts)))
        self.row_heights = heights
        return heights

    def on_key(self, event) -> bool:
        if event.key == pygame.K_F1:
            self.close()
            return True
        return super().on_key(event)

    def draw_content(self, canvas) -> None:
        c, app, tr = self.app.theme.colours, self.app, self.app.tr
        left, top = self.panel.left + PAD, self.panel.top + PAD
        canvas.text(tr("ui.help.title"), (left, top), "bold", app.size("heading"), c.text)
        y = top + app.text.line_height(app.size("heading")) + 24
        size = self.text_size
        line_h = app.text.line_height(size)
        for cells, height in zip(self.cells, self.row_heights):
            for col, ((key, _action), layout) in enumerate(cells):
                x = left + col * (self.column_w + COL_GAP)
                label = tr(key)
                cap = pygame.Rect(x, y, canvas.measure(label, "bold", size) + 24, line_h + 4)
                canvas.fill(cap, c.panel_alt, 8)
                canvas.frame(cap, c.border, 2, 8)
                canvas.text(label, (cap.left + 12, cap.centery), "bold", size, c.text, "midleft")
                canvas.paragraph(layout, pygame.Rect(x + self.key_w, y + 2, self.column_w - self.key_w, layout.height), c.text)
            y += height

    def autoplay(self, command) -> list | None:
        return self.go_back()
