"""Fonts and text: word wrapping in logical units, crisp rendering at the physical scale.

Layout (where lines break) is computed with fonts at their *logical* size,
so a page looks the same at 1280×720, 1920×1080 and 4K.  The glyphs are
rendered with fonts at ``size × scale`` straight onto the window, which keeps
text sharp on a beamer and avoids scaling a whole frame every time.  Both
steps are cached: a frame that only moves a focus ring renders no text.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import pygame

from escapebox.ui.theme import Fonts

log = logging.getLogger(__name__)


class LRU(OrderedDict):
    """A small least-recently-used cache (text surfaces take memory)."""

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit

    def fetch(self, key, make):
        if key in self:
            self.move_to_end(key)
            return self[key]
        value = make()
        self[key] = value
        if len(self) > self.limit:
            self.popitem(last=False)
        return value


class FontBook:
    """Opens each font file at each pixel size once; falls back to pygame's own font."""

    def __init__(self, font_dir: Path | None, fonts: Fonts):
        self.font_dir = font_dir
        self.fonts = fonts
        self._cache: dict[tuple[str, int], pygame.font.Font] = {}
        self._warned = False

    def get(self, style: str, px: int) -> pygame.font.Font:
        px = max(6, int(px))
        key = (style, px)
        font = self._cache.get(key)
        if font is None:
            font = self._open(style, px)
            self._cache[key] = font
        return font

    def _open(self, style: str, px: int) -> pygame.font.Font:
        path = self.font_dir / self.fonts.file(style) if self.font_dir else None
        if path is not None and path.is_file():
            try:
                return pygame.font.Font(str(path), px)
            except (pygame.error, OSError) as exc:
                self._warn(f"{path}: {exc}")
        else:
            self._warn(f"font not found: {path}")
        font = pygame.font.Font(None, round(px * 1.3))  # the default font runs small
        if style.startswith("bold"):
            font.bold = True
        if style.endswith("italic"):
            font.italic = True
        return font

    def _warn(self, message: str) -> None:
        if not self._warned:
            self._warned = True
            log.warning("Escapebox: %s; using pygame's default font", message)


@dataclass(frozen=True)
class Layout:
    """Wrapped lines of one text at one logical size and width."""

    lines: tuple[str, ...]
    line_height: int
    size: int
    style: str

    @property
    def height(self) -> int:
        return self.line_height * len(self.lines)


class TextRenderer:
    """Wraps, measures and renders text; every result is cached."""

    def __init__(self, fonts: FontBook, line_spacing: float = 1.3):
        self.fonts = fonts
        self.line_spacing = line_spacing
        self.scale = 1.0
        self._layouts = LRU(3000)
        self._widths = LRU(20000)
        self._surfaces = LRU(3000)

    def set_scale(self, scale: float) -> None:
        if abs(scale - self.scale) > 1e-6:
            self.scale = scale
            self._surfaces.clear()

    def line_height(self, size: int) -> int:
        return round(size * self.line_spacing)

    def width(self, text: str, style: str, size: int) -> int:
        """Width in logical units, measured at the logical size."""
        return self._widths.fetch((text, style, size), lambda: self.fonts.get(style, size).size(text)[0])

    def layout(self, text: str, style: str, size: int, width: int) -> Layout:
        key = (text, style, size, width)
        return self._layouts.fetch(key, lambda: Layout(
            tuple(self._wrap(text, style, size, width)), self.line_height(size), size, style))

    def _wrap(self, text: str, style: str, size: int, width: int) -> list[str]:
        lines: list[str] = []
        for paragraph in text.replace("\r\n", "\n").split("\n"):
            lines.extend(self._wrap_paragraph(paragraph, style, size, width))
        while lines and not lines[-1].strip():
            lines.pop()
        return lines or [""]

    def _wrap_paragraph(self, paragraph: str, style: str, size: int, width: int) -> list[str]:
        words = paragraph.split(" ")
        lines: list[str] = []
        current = ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if self.width(candidate, style, size) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            current = word
            while self.width(current, style, size) > width and len(current) > 1:
                head = self._longest_prefix(current, style, size, width)
                lines.append(head)
                current = current[len(head):]
        lines.append(current)
        return lines

    def _longest_prefix(self, word: str, style: str, size: int, width: int) -> str:
        """Break a word that is wider than the line (long URLs, codes)."""
        for end in range(len(word) - 1, 0, -1):
            if self.width(word[:end], style, size) <= width:
                return word[:end]
        return word[:1]

    def render(self, text: str, style: str, size: int, colour) -> pygame.Surface:
        """One line rendered at the physical size (logical size × scale)."""
        px = max(6, round(size * self.scale))
        key = (text, style, px, tuple(colour))
        return self._surfaces.fetch(key, lambda: self.fonts.get(style, px).render(text, True, colour))
