"""F1: every key on one card, in two columns, over whatever is on screen."""

from __future__ import annotations

import pygame

from escapebox.ui.screens.base import Dialog
from escapebox.ui.widgets import Button

KEYS = [
    ("tab", "focus"), ("arrows", "arrows"), ("enter", "enter"), ("space", "space"), ("esc", "esc"),
    ("c", "clues"), ("i", "items"), ("h", "hint"), ("p", "pause"), ("pgdn", "pages"),
    ("digits", "digits"), ("ctrl_enter", "ctrl_enter"), ("ctrl_keys", "ctrl_keys"), ("f1", "help"),
    ("f11", "fullscreen"),
]
PAD = 48
COL_GAP = 48


class HelpScreen(Dialog):
    name = "help"
    width = 1800

    def layout(self) -> None:
        tr, canvas, app = self.app.tr, self.app.canvas, self.app
        close = Button(tr("ui.dialog.close"), self.close, key="close", kind="primary")
        size = app.size("small")
        self.column_w = (self.width - 2 * PAD - COL_GAP) // 2
        self.key_w = max(canvas.measure(tr(f"ui.help.key_{key}"), "bold", size) for key, _ in KEYS) + 48
        rows = -(-len(KEYS) // 2)
        self.rows = rows
        self.cells = []
        heights = []
        for row in range(rows):
            cells = [KEYS[i] for i in (row, row + rows) if i < len(KEYS)]
            layouts = [canvas.layout(tr(f"ui.help.do_{action}"), "regular", size, self.column_w - self.key_w) for _, action in cells]
            heights.append(max(l.height for l in layouts) + 14)
            self.cells.append(list(zip(cells, layouts)))
        self.row_heights = heights
        heading_h = app.text.line_height(app.size("heading"))
        close_h = close.preferred_height(canvas, app, 420)
        panel = self.place_panel(PAD + heading_h + 24 + sum(heights) + 24 + close_h + PAD)
        close.rect = pygame.Rect(panel.right - PAD - 420, panel.bottom - PAD - close_h, 420, close_h)
        self.set_widgets([close], default="close")

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
        size = app.size("small")
        line_h = app.text.line_height(size)
        for cells, height in zip(self.cells, self.row_heights):
            for col, ((key, _action), layout) in enumerate(cells):
                x = left + col * (self.column_w + COL_GAP)
                label = tr(f"ui.help.key_{key}")
                cap = pygame.Rect(x, y, canvas.measure(label, "bold", size) + 24, line_h + 4)
                canvas.fill(cap, c.panel_alt, 8)
                canvas.frame(cap, c.border, 2, 8)
                canvas.text(label, (cap.left + 12, cap.centery), "bold", size, c.text, "midleft")
                canvas.paragraph(layout, pygame.Rect(x + self.key_w, y + 2, self.column_w - self.key_w, layout.height), c.text)
            y += height

    def autoplay(self, command) -> list | None:
        return [("key", "escape")]
