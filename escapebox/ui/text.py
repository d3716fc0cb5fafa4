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

from escapebox.themes.theme import Fonts

log = logging.getLogger(__name__)


class LRU(OrderedDict):
    """A small least-recently-used cache (text surfaces take memory).

    ``max_bytes`` bounds the pixels held as well as the count: 300 scaled room
    pictures at full HD would be 2.4 GB, and a long training day (or a window
    resized twenty times) must not grow without end (scripts/soak.py).
    """

    def __init__(self, limit: int, max_bytes: int | None = None):
        super().__init__()
        self.limit = limit
        self.max_bytes = max_bytes
        self.bytes = 0

    def fetch(self, key, make):
        if key in self:
            self.move_to_end(key)
            return self[key]
        value = make()
        self[key] = value
        self.bytes += _pixel_bytes(value)
        while len(self) > 1 and (len(self) > self.limit or (self.max_bytes and self.bytes > self.max_bytes)):
            _, old = self.popitem(last=False)
            self.bytes -= _pixel_bytes(old)
        return value

    def clear(self) -> None:
        super().clear()
        self.bytes = 0


def _pixel_bytes(value) -> int:
    if isinstance(value, pygame.Surface):
        return value.get_width() * value.get_height() * value.get_bytesize()
    return getattr(value, "pixel_bytes", 0)      # a picture kept in parts (images.Picture)


class FontBook:
    """Opens each font file at each pixel size once; falls back to pygame's own font."""

    def __init__(self, font_dir: Path | None, fonts: Fonts):
        self.font_dir = font_dir
        self.fonts = fonts
        self._cache: dict[tuple[str, int], pygame.font.Font] = {}
        self._warned = False

    def use(self, fonts: Fonts) -> bool:
        """Switch to another theme's fonts; True when the files changed (caches must go)."""
        if fonts == self.fonts:
            return False
        self.fonts = fonts
        self._cache.clear()
        return True

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
        self.letter = 0.0   # extra space after every letter, as a share of the font size
        self.word = 0.0     # extra space after every space, likewise
        self._layouts = LRU(3000)
        self._widths = LRU(20000)
        # 12 MB of rendered text: about 130 surfaces at 1920x1080, several screens' worth; at 32 MB
        # the cache alone held 33 MB of the 120 MB peak of student-met-rugzak (budget 90 MB; 12 MB:
        # 87-89 MB, benchmarks/memory.py)
        self._surfaces = LRU(3000, max_bytes=12 * 1024 * 1024)

    def set_scale(self, scale: float) -> None:
        if abs(scale - self.scale) > 1e-6:
            self.scale = scale
            self._surfaces.clear()

    def set_spacing(self, letter: float, word: float, line_spacing: float) -> None:
        """Dyslexia-friendly spacing (settings screen): more room between letters, words and lines."""
        if (letter, word, line_spacing) != (self.letter, self.word, self.line_spacing):
            self.letter, self.word, self.line_spacing = letter, word, line_spacing
            self._layouts.clear()
            self._widths.clear()
            self._surfaces.clear()

    def clear(self) -> None:
        """Forget every measurement and rendering (another theme's fonts)."""
        self._layouts.clear()
        self._widths.clear()
        self._surfaces.clear()

    def _extra(self, text: str, size: float) -> int:
        return round(size * (self.letter * len(text) + self.word * text.count(" "))) if self.letter or self.word else 0

    def line_height(self, size: int) -> int:
        return round(size * self.line_spacing)

    def width(self, text: str, style: str, size: int) -> int:
        """Width in logical units, measured at the logical size."""
        return self._widths.fetch((text, style, size), lambda: self._measure(text, self.fonts.get(style, size), size))

    def _measure(self, text: str, font, size: int) -> int:
        return font.size(text)[0] + self._extra(text, size)

    def layout(self, text: str, style: str, size: int, width: int) -> Layout:
        key = (text, style, size, width)
        return self._layouts.fetch(key, lambda: Layout(
            tuple(self._wrap(text, style, size, width)), self.line_height(size), size, style))

    def _wrap(self, text: str, style: str, size: int, width: int) -> list[str]:
        lines: list[str] = []
        # a tab has no glyph (drawn as a crossed box); the validator warns, the screen shows a space
        for paragraph in text.replace("\r\n", "\n").replace("\t", " ").split("\n"):
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
        return self._surfaces.fetch(key, lambda: self._render(text, style, self._fitting_px(text, style, size, px), colour))

    def _fitting_px(self, text: str, style: str, size: int, px: int) -> int:
        """The physical size whose line is no wider than the layout made room for.

        Lines break at the logical size; hinting makes small sizes relatively wider, so at 1280x720
        with extra-large text a feedback line drawn at ``size × scale`` ran 4-6 % past its box into
        the frame (tests/ui/test_overflow_walk.py).  One or two pixels smaller fits it, unseen."""
        room = self.width(text, style, size) * self.scale * 1.02 + 2
        for smaller in range(px, max(5, px - 3), -1):
            if self._measure(text, self.fonts.get(style, smaller), smaller) <= room:
                return smaller
        return px

    def _render(self, text: str, style: str, px: int, colour) -> pygame.Surface:
        """SDL_ttf refuses NUL and text of zero width (a lone BOM or bidi mark a group pasted): blank, not a crash."""
        font = self.fonts.get(style, px)
        try:
            if self.letter or self.word:
                return self._render_spaced(text.replace("\x00", ""), font, px, colour)
            return font.render(text.replace("\x00", ""), True, colour)
        except (pygame.error, ValueError):
            return pygame.Surface((1, font.get_linesize()), pygame.SRCALPHA)

    def _render_spaced(self, text: str, font, px: int, colour) -> pygame.Surface:
        """Letter by letter, with the extra space the width measurement promised."""
        width = self._measure(text, font, px)
        surface = pygame.Surface((max(1, width), font.get_linesize()), pygame.SRCALPHA)
        for i, char in enumerate(text):   # each letter where the whole line's measure puts it (kerning kept)
            if char.strip():
                prefix = text[:i]
                surface.blit(font.render(char, True, colour), (font.size(prefix)[0] + self._extra(prefix, px), 0))
        return surface
