"""A clickable area on a room picture, with its name on a label so it is never a hidden pixel hunt.

Labels are placed by :func:`place_labels` (:mod:`escapebox.ui.labels`): never on
each other, inside the picture, by their area or with a leader line to it.
Clicking the label counts as clicking the area, and a label wins over another
area it lies on (what you see on top is what you click).
"""

from __future__ import annotations

import pygame

from escapebox.ui.labels import place
from escapebox.ui.widgets.base import Widget
from escapebox.ui.widgets.button import draw_badge, draw_lock

LOCK_W = 40


class Hotspot(Widget):
    def __init__(self, label: str, rect, on_activate=None, *, key: str, locked: bool = False,
                 lockable: bool | None = None, badge: str | None = None):
        super().__init__(rect, key, on_activate)
        self.label = label
        self.locked = locked
        #: whether the area can ever be locked: its label keeps room for the lock even once it is open,
        #: so opening a lock never changes a label's size (and so never moves the labels)
        self.lockable = locked if lockable is None else lockable or locked
        self.badge = badge
        self.radius = 8
        self.label_rect: pygame.Rect | None = None
        self.leader: tuple | None = None
        #: the other spots' labels: a click on one of them is theirs, even where it lies on this area
        self.covered_by: list[pygame.Rect] = []

    def label_size(self, canvas, ctx) -> tuple[int, int]:
        size = ctx.size("small")
        width = canvas.measure(self.label, "bold", size) + 32 + (LOCK_W if self.lockable else 0)
        return width, canvas.text_renderer.line_height(size) + 12

    def hit(self, pos) -> bool:
        if self.label_rect is not None and self.label_rect.collidepoint(pos):
            return True
        return self.rect.collidepoint(pos) and not any(r.collidepoint(pos) for r in self.covered_by)

    def draw_frame(self, canvas, ctx, strong: bool = False) -> None:
        """The outline of the area and the leader line; drawn for all spots before any label, so none cuts a label.

        ``strong``: the "show all places" view, a thick outline in the focus colour.
        """
        c = ctx.theme.colours
        if strong:
            canvas.frame(self.rect, c.focus, 8, 8)
            canvas.frame(self.rect.inflate(-12, -12), c.focus_inner, 3, 6)
        else:
            canvas.frame(self.rect, c.panel, 6 if self.hovered else 4, 8)
            canvas.frame(self.rect.inflate(-8, -8), c.text, 2, 6)
        if self.leader is not None:
            start, end = self.leader
            canvas.line(start, end, c.panel, 8)
            canvas.line(start, end, c.text, 3)
            canvas.circle(end, 9, c.panel)
            canvas.circle(end, 6, c.text)

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
        size = ctx.size("small")
        text_w = canvas.measure(self.label, "bold", size)
        lock_w = LOCK_W if self.locked else 0
        x = tag.centerx - (text_w + lock_w) // 2     # an opened lock leaves its room: the name stays centred
        if self.locked:
            draw_lock(canvas, pygame.Rect(x, tag.centery - 14, 26, 28), c.text)
            x += LOCK_W
        canvas.text(self.label, (x, tag.centery), "bold", size, c.text, "midleft")
        if self.badge:
            draw_badge(canvas, ctx, self.badge, (self.rect.right - 6, self.rect.top + 6))


def place_labels(spots: list[Hotspot], canvas, ctx, bounds: pygame.Rect) -> None:
    """Give every spot its label rectangle and leader line (:func:`escapebox.ui.labels.place`)."""
    placements = place([s.rect for s in spots], [s.label_size(canvas, ctx) for s in spots], bounds)
    for spot, placement in zip(spots, placements):
        spot.label_rect, spot.leader = placement.rect, placement.leader
    for spot in spots:
        spot.covered_by = [other.label_rect for other in spots if other is not spot]
