"""Draw the same flow layout into a PNG with pygame-ce.

pygame is imported here, inside the function, and nowhere else outside the
UI: the rest of Escapebox (validator, packs, the core) must run on machines
without a display.  SDL's dummy video driver is selected when nothing else
is set, so this works on a server or in CI.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

from escapebox.authoring.graph import palette as P
from escapebox.authoring.graph.layout import (
    FONT_PX, INDENT_PX, LABEL_LINE_PX, LABEL_PX, LINE_PX, PAD, TITLE_PX, Arrow, Box, Layout, arrow_head,
)
from escapebox.paths import assets_dir

MAX_PIXELS = 12_000


def render_png(layout: Layout, heading: str, legend: list[tuple[str, str]], path: Path, scale: float = 1.5) -> None:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    pygame.font.init()
    scale = min(scale, MAX_PIXELS / max(layout.width, layout.height))
    painter = _Painter(pygame, scale)
    surface = pygame.Surface((math.ceil(layout.width * scale), math.ceil(layout.height * scale)))
    surface.fill(P.rgb(P.BACKGROUND))
    painter.text(surface, heading, 24, 14, P.INK, 20, bold=True)
    painter.legend(surface, layout.width, legend)
    for box in layout.boxes.values():
        painter.box(surface, box)
    for arrow in layout.arrows:
        painter.arrow(surface, arrow)
    for arrow in layout.arrows:
        painter.label(surface, arrow)
    pygame.image.save(surface, str(path))


class _Painter:
    """Drawing in layout units; ``scale`` turns them into pixels."""

    def __init__(self, pygame, scale: float):
        self.pg, self.k = pygame, scale
        self.fonts: dict[tuple[int, bool], object] = {}

    def font(self, size: int, bold: bool):
        key = (size, bold)
        if key not in self.fonts:
            name = "AtkinsonHyperlegible-Bold.ttf" if bold else "AtkinsonHyperlegible-Regular.ttf"
            file = assets_dir() / "fonts" / name
            px = max(6, round(size * self.k))
            try:
                self.fonts[key] = self.pg.font.Font(str(file), px)
            except (OSError, self.pg.error):
                self.fonts[key] = self.pg.font.Font(None, round(px * 1.3))
                self.fonts[key].bold = bold
        return self.fonts[key]

    def xy(self, x: float, y: float) -> tuple[int, int]:
        return round(x * self.k), round(y * self.k)

    def text(self, surface, text: str, x: float, y: float, colour: str, size: int, bold=False, centre=False):
        image = self.font(size, bold).render(text, True, P.rgb(colour))
        left, top = self.xy(x, y)
        if centre:
            left -= image.get_width() // 2
        surface.blit(image, (left, top))

    def legend(self, surface, width: float, legend: list[tuple[str, str]]) -> None:
        x = width - 24 - 150 * len(legend)
        for style, words in legend:
            self.line(surface, [(x, 25), (x + 30, 25)], P.EDGE[style], style in P.DASHED)
            self.text(surface, words, x + 36, 17, P.MUTED, 13)
            x += 150

    def box(self, surface, box: Box) -> None:
        kind = box.node.kind
        rect = self.pg.Rect(*self.xy(box.x, box.y), round(box.w * self.k), round(box.h * self.k))
        radius = round(10 * self.k)
        self.pg.draw.rect(surface, P.rgb(P.BOX_FILL[kind]), rect, border_radius=radius)
        self.pg.draw.rect(surface, P.rgb(P.BOX_STROKE[kind]), rect, width=max(1, round(2 * self.k)),
                          border_radius=radius)
        for row, (text, style, indent) in enumerate(box.rows):
            size = TITLE_PX if style == "title" else FONT_PX
            y = box.y + PAD + row * LINE_PX + (LINE_PX - size * 1.25) / 2
            self.text(surface, text, box.x + PAD + indent * INDENT_PX, y, P.TEXT[style], size, style in P.BOLD)

    def arrow(self, surface, arrow: Arrow) -> None:
        colour = P.EDGE[arrow.edge.style]
        self.line(surface, arrow.points, colour, arrow.edge.style in P.DASHED)
        self.pg.draw.polygon(surface, P.rgb(colour), [self.xy(*p) for p in arrow_head(arrow.points)])

    def line(self, surface, points, colour: str, dashed: bool) -> None:
        width = max(1, round(2.5 * self.k))
        segments = _dashes(points) if dashed else [points]
        for part in segments:
            if len(part) > 1:
                self.pg.draw.lines(surface, P.rgb(colour), False, [self.xy(*p) for p in part], width)

    def label(self, surface, arrow: Arrow) -> None:
        x, y = arrow.label_at
        width, height = arrow.label_size
        rect = self.pg.Rect(*self.xy(x - width / 2, y - height / 2), round(width * self.k), round(height * self.k))
        colour = P.EDGE[arrow.edge.style]
        self.pg.draw.rect(surface, P.rgb(P.BACKGROUND), rect, border_radius=round(4 * self.k))
        self.pg.draw.rect(surface, P.rgb(colour), rect, width=1, border_radius=round(4 * self.k))
        for row, text in enumerate(arrow.label_lines):
            self.text(surface, text, x, y - height / 2 + 3 + row * LABEL_LINE_PX, colour, LABEL_PX, centre=True)


def _dashes(points, on: float = 8, off: float = 5):
    """Split a polyline into dash pieces (pygame has no dashed lines)."""
    pieces, current, drawn, state = [], [points[0]], 0.0, True
    for (x1, y1), (x2, y2) in zip(points, points[1:]):
        length = math.hypot(x2 - x1, y2 - y1)
        start = 0.0
        while length - start > 1e-6:
            limit = on if state else off
            step = min(limit - drawn, length - start)
            start += step
            drawn += step
            point = (x1 + (x2 - x1) * start / length, y1 + (y2 - y1) * start / length)
            if state:
                current.append(point)
            if drawn >= limit - 1e-6:
                if state:
                    pieces.append(current)
                current, drawn, state = [point], 0.0, not state
    if state and len(current) > 1:
        pieces.append(current)
    return pieces
