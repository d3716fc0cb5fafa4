"""A clickable area on a room picture, with its name on a label so it is never a hidden pixel hunt."""

from __future__ import annotations

import pygame

from escapebox.ui.widgets.base import Widget
from escapebox.ui.widgets.button import draw_badge, draw_lock


class Hotspot(Widget):
    def __init__(self, label: str, rect, on_activate=None, *, key: str, locked: bool = False, badge: str | None = None):
        super().__init__(rect, key, on_activate)
        self.label = label
        self.locked = locked
        self.badge = badge
        self.radius = 8

    def draw(self, canvas, ctx, focused: bool) -> None:
        c = ctx.theme.colours
        canvas.frame(self.rect, c.panel, 6 if self.hovered else 4, 8)
        canvas.frame(self.rect.inflate(-8, -8), c.text, 2, 6)
        size = ctx.size("small")
        width = canvas.measure(self.label, "bold", size) + 32 + (40 if self.locked else 0)
        height = canvas.text_renderer.line_height(size) + 12
        tag = pygame.Rect(0, 0, min(width, max(self.rect.width, width)), height)
        tag.midbottom = (self.rect.centerx, self.rect.bottom - 6)
        canvas.fill(tag, c.panel, height // 2)
        canvas.frame(tag, c.text, 2, height // 2)
        x = tag.left + 16
        if self.locked:
            draw_lock(canvas, pygame.Rect(x, tag.centery - 14, 26, 28), c.text)
            x += 40
        canvas.text(self.label, (x, tag.centery), "bold", size, c.text, "midleft")
        if self.badge:
            draw_badge(canvas, ctx, self.badge, (self.rect.right - 6, self.rect.top + 6))
