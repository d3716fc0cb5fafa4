"""Pictures and icons, loaded once and scaled once per size.

Room backgrounds and clue images come from the scenario folder; icons are
SVGs from ``assets/icons`` rendered at the exact pixel size they are shown
at (``pygame.image.load_sized_svg``), so they stay sharp on a beamer.  A
missing or broken file gives ``None``: the screen then shows its text only.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pygame

from escapebox.ui.text import LRU

log = logging.getLogger(__name__)


class ImageCache:
    def __init__(self, icon_dir: Path | None):
        self.icon_dir = icon_dir
        self._originals: dict[Path, pygame.Surface | None] = {}
        self._scaled = LRU(300)
        self._icons = LRU(600)

    def clear_scaled(self) -> None:
        self._scaled.clear()
        self._icons.clear()

    def original(self, path: Path) -> pygame.Surface | None:
        if path not in self._originals:
            self._originals[path] = self._load(path)
        return self._originals[path]

    def _load(self, path: Path) -> pygame.Surface | None:
        try:
            image = pygame.image.load(str(path))
        except (pygame.error, OSError, FileNotFoundError) as exc:
            log.warning("Escapebox: cannot load image %s: %s", path, exc)
            return None
        if pygame.display.get_surface() is not None:
            image = image.convert_alpha()
        return image

    def scaled(self, path: Path, size: tuple[int, int]) -> pygame.Surface | None:
        """The image scaled to ``size`` physical pixels (aspect ratio is the caller's job)."""
        size = (max(1, int(size[0])), max(1, int(size[1])))

        def make():
            image = self.original(path)
            if image is None:
                return None
            if path.suffix.lower() == ".svg":
                try:  # vector pictures are rendered at the exact size: sharp on a 4K beamer
                    surface = pygame.image.load_sized_svg(str(path), size)
                    if surface.get_size() == size:
                        return surface.convert_alpha() if pygame.display.get_surface() else surface
                except (pygame.error, OSError, AttributeError):
                    pass
            return pygame.transform.smoothscale(image, size)
        return self._scaled.fetch((path, size), make)

    def icon(self, name: str | None, px: int) -> pygame.Surface | None:
        """An SVG icon as a square surface of ``px`` physical pixels."""
        if not name or self.icon_dir is None:
            return None
        px = max(8, int(px))

        def make():
            path = self.icon_dir / f"{name}.svg"
            if not path.is_file():
                return None
            try:
                surface = pygame.image.load_sized_svg(str(path), (px, px))
            except (pygame.error, OSError, AttributeError):
                try:
                    surface = pygame.transform.smoothscale(pygame.image.load(str(path)), (px, px))
                except (pygame.error, OSError):
                    return None
            return surface.convert_alpha() if pygame.display.get_surface() else surface
        return self._icons.fetch((name, px), make)
