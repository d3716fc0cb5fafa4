"""A clickable area on a room picture, with its name on a label so it is never a hidden pixel hunt.

Labels are placed by :func:`place_labels` so that neighbouring areas never
cover each other's names; clicking the label counts as clicking the area.
"""

from __future__ import annotations

import pygame

from escapebox.ui.widgets.base import Widget
from escapebox.ui.widgets.button import draw_badge, draw_lock

LOCK_W = 40


class Hotspot(Widget):
    def __init__(self, label: str, rect, on_activate=None, *, key: str, locked: bool = False, badge: str | None = None):
        super().__init__(rect, key, on_activate)
        self.label = label
        self.locked = locked
        self.badge = badge
        self.radius = 8
        self.label_rect: pygame.Rect | None = None

    def label_size(self, canvas, ctx) -> tuple[int, int]:
        size = ctx.size("small")
        width = canvas.measure(self.label, "bold", size) + 32 + (LOCK_W if self.locked else 0)
        return width, canvas.text_renderer.line_height(size) + 12

    def hit(self, pos) -> bool:
        return self.rect.collidepoint(pos) or bool(self.label_rect and self.label_rect.collidepoint(pos))

    def draw_frame(self, canvas, ctx) -> None:
        """The outline of the area; drawn for all spots before any label, so no outline cuts a label."""
        c = ctx.theme.colours
        canvas.frame(self.rect, c.panel, 6 if self.hovered else 4, 8)
        canvas.frame(self.rect.inflate(-8, -8), c.text, 2, 6)

    def draw(self, canvas, ctx, focused: bool) -> None:
        c = ctx.theme.colours
        tag = self.label_rect
        if tag is None:
            width, height = self.label_size(canvas, ctx)
            tag = pygame.Rect(0, 0, width, height)
            tag.midbottom = (self.rect.centerx, self.rect.bottom - 6)
        radius = tag.height // 2
        canvas.fill(tag, c.panel, radius)
        canvas.frame(tag, c.text, 4 if focused else 2, radius)
        x = tag.left + 16
        if self.locked:
            draw_lock(canvas, pygame.Rect(x, tag.centery - 14, 26, 28), c.text)
            x += LOCK_W
        canvas.text(self.label, (x, tag.centery), "bold", ctx.size("small"), c.text, "midleft")
        if self.badge:
            draw_badge(canvas, ctx, self.badge, (self.rect.right - 6, self.rect.top + 6))


def place_labels(spots: list[Hotspot], canvas, ctx, bounds: pygame.Rect) -> None:
    """Put each label inside, below, above or on its area, shifted sideways if needed, covering no other label."""
    placed: list[pygame.Rect] = []
    for spot in spots:
        width, height = spot.label_size(canvas, ctx)
        r = spot.rect
        candidates = []
        for anchor, (x, y) in (("midbottom", (r.centerx, r.bottom - 6)), ("midtop", (r.centerx, r.bottom + 6)),
                               ("midbottom", (r.centerx, r.top - 6)), ("center", r.center),
                               ("midtop", (r.centerx, r.top + 6))):
            for shift in (0, -width // 2, width // 2, -width, width):
                tag = pygame.Rect(0, 0, width, height)
                setattr(tag, anchor, (x + shift, y))
                tag.clamp_ip(bounds)
                candidates.append(tag)
        best = min(candidates, key=lambda t: (sum(_overlap(t.inflate(12, 8), p) for p in placed),
                                              abs(t.centerx - r.centerx) + abs(t.centery - r.centery) // 2))
        spot.label_rect = best
        placed.append(best)


def _overlap(a: pygame.Rect, b: pygame.Rect) -> int:
    clipped = a.clip(b)
    return clipped.width * clipped.height
