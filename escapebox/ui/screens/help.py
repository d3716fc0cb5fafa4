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


class HelpScreen(Dialog):
    name = "help"
    width = 1700

    def layout(self) -> None:
        close = Button(self.app.tr("ui.dialog.close"), self.close, key="close", kind="primary")
        size = self.app.size("small")
        line_h = self.app.text.line_height(size)
        rows = -(-len(KEYS) // 2)
        self.rows = rows
        self.line_h = int(line_h * 1.45)
        heading_h = self.app.text.line_height(self.app.size("heading"))
        close_h = close.preferred_height(self.app.canvas, self.app, 420)
        panel = self.place_panel(PAD + heading_h + 24 + rows * self.line_h + 24 + close_h + PAD)
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
        top += self.app.text.line_height(app.size("heading")) + 24
        column_w = (self.panel.width - 2 * PAD - 40) // 2
        size = app.size("small")
        key_w = max(canvas.measure(tr(f"ui.help.key_{key}"), "bold", size) for key, _ in KEYS) + 40
        for n, (key, action) in enumerate(KEYS):
            col, row = divmod(n, self.rows)
            x = left + col * (column_w + 40)
            y = top + row * self.line_h
            label = tr(f"ui.help.key_{key}")
            width = canvas.measure(label, "bold", size) + 24
            canvas.fill(pygame.Rect(x, y, width, self.line_h - 10), c.panel_alt, 8)
            canvas.frame(pygame.Rect(x, y, width, self.line_h - 10), c.border, 2, 8)
            canvas.text(label, (x + 12, y + (self.line_h - 10) // 2), "bold", size, c.text, "midleft")
            text = tr(f"ui.help.do_{action}")
            layout = canvas.layout(text, "regular", size, column_w - key_w)
            canvas.text(layout.lines[0], (x + key_w, y + (self.line_h - 10) // 2), "regular", size, c.text, "midleft")

    def autoplay(self, command) -> list | None:
        return [("key", "escape")]
