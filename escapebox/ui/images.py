"""Pictures and icons, loaded once and scaled once per size.

Room backgrounds and clue images come from the scenario folder; icons are
SVGs from ``assets/icons`` rendered at the exact pixel size they are shown
at (``pygame.image.load_sized_svg``), so they stay sharp on a beamer.  A
missing or broken file gives ``None``: the screen then shows its text only.

Before any decoder sees a scenario picture, ``mediacheck.inspect_image``
reads its header (a 334-byte PNG can ask for 16 GB) and the path must stay
inside a folder the game allowed (the scenario's own folder: a symlink to
``~/.ssh`` is refused).  Each refused file is reported once through
``on_problem``, so the app can show one visible warning, not one per frame.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pygame

from escapebox.scenario.mediacheck import MediaProblem, inspect_image
from escapebox.ui.text import LRU

log = logging.getLogger(__name__)

SVG_PROBE = 480  # SVGs are first rendered this small, just to learn their proportions


class ImageCache:
    def __init__(self, icon_dir: Path | None, on_problem=None):
        self.icon_dir = icon_dir
        #: called once per refused picture with ``(path, MediaProblem)``
        self.on_problem = on_problem
        self.problems: dict[Path, MediaProblem] = {}
        self._roots: list[Path] = []
        #: the theme's folder (its logo and background), checked by the theme loader
        self.theme_roots: list[Path] = []
        self._originals: dict[Path, pygame.Surface | None] = {}
        self._sizes: dict[Path, tuple[int, int] | None] = {}
        self._scaled = LRU(300, max_bytes=160 * 1024 * 1024)
        self._icons = LRU(600, max_bytes=32 * 1024 * 1024)

    def allow(self, folder: Path) -> None:
        """From now on show pictures from ``folder`` (the new game's scenario) and nothing outside it.

        The previous game's pictures are dropped: on a long training day the
        laptop plays scenario after scenario, and decoded originals (up to
        4096×4096, 64 MB each) must not pile up (see scripts/soak.py).
        """
        try:
            root = Path(folder).resolve()
        except OSError:
            return
        if self._roots != [root]:
            self._roots = [root]
            self.forget_files()

    def forget_files(self) -> None:
        """Read every picture again when next shown: another scenario, or a trainer saved an edited picture."""
        self._originals.clear()
        self._sizes.clear()
        self.problems.clear()
        self.clear_scaled()

    def refused(self, path: Path) -> MediaProblem | None:
        """Why this picture may not be decoded (outside the allowed folders, bad header), or None."""
        if path in self.problems:
            return self.problems[path]
        problem = self._check(path)
        if problem is not None:
            self.problems[path] = problem
            log.warning("Escapebox: not showing image %s: %s", path, problem.code)
            if self.on_problem is not None:
                self.on_problem(path, problem)
        return problem

    def _check(self, path: Path) -> MediaProblem | None:
        try:
            real = Path(path).resolve()
        except (OSError, RuntimeError):
            return MediaProblem("media.missing")
        if not any(real.is_relative_to(root) for root in self._roots + self.theme_roots):
            return MediaProblem("robust.media.outside")
        try:
            inspect_image(real)
        except MediaProblem as problem:
            return problem
        return None

    def clear_scaled(self) -> None:
        self._scaled.clear()
        self._icons.clear()

    def natural_size(self, path: Path) -> tuple[int, int] | None:
        """The picture's own width and height (for its proportions), or None if it cannot be shown."""
        if path not in self._sizes:
            if self.refused(path) is not None:
                self._sizes[path] = None
                return None
            size = _svg_size(path) if path.suffix.lower() == ".svg" else None
            if size is None:
                image = self.original(path)
                size = image.get_size() if image is not None else None
            self._sizes[path] = size
        return self._sizes[path]

    def original(self, path: Path) -> pygame.Surface | None:
        if self.refused(path) is not None:
            return None
        if path not in self._originals:
            self._originals[path] = self._load(path)
        return self._originals[path]

    def _load(self, path: Path) -> pygame.Surface | None:
        try:
            if path.suffix.lower() == ".svg":
                # only the proportions are needed here; the real size is rendered in ``scaled``
                image = pygame.image.load_sized_svg(str(path), (SVG_PROBE, SVG_PROBE))
            else:
                image = pygame.image.load(str(path))
        except (pygame.error, OSError, ValueError, MemoryError) as exc:
            # the header looked fine but the data is not (truncated, corrupt): a placeholder, once
            log.warning("Escapebox: cannot load image %s: %s", path, exc)
            self.problems[path] = MediaProblem("media.broken")
            if self.on_problem is not None:
                self.on_problem(path, self.problems[path])
            return None
        if pygame.display.get_surface() is not None:
            image = image.convert_alpha()
        return image

    def scaled(self, path: Path, size: tuple[int, int]) -> pygame.Surface | None:
        """The image scaled to ``size`` physical pixels (aspect ratio is the caller's job)."""
        size = (max(1, int(size[0])), max(1, int(size[1])))

        if self.refused(path) is not None:
            return None

        def make():
            if path.suffix.lower() == ".svg":
                try:  # vector pictures are rendered at the exact size: sharp on a 4K beamer
                    surface = pygame.image.load_sized_svg(str(path), size)
                    if surface.get_size() == size:
                        return surface.convert_alpha() if pygame.display.get_surface() else surface
                except (pygame.error, OSError, AttributeError):
                    pass
            image = self.original(path)
            return None if image is None else pygame.transform.smoothscale(image, size)
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


_NUMBER = r"([0-9]*\.?[0-9]+)"


def _svg_size(path: Path) -> tuple[int, int] | None:
    """Width and height from an SVG's ``viewBox`` or ``width``/``height``, without rendering it."""
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:4000]
    except OSError:
        return None
    tag = re.search(r"<svg\b[^>]*>", head, re.S)
    if not tag:
        return None
    box = re.search(r'viewBox\s*=\s*["\']\s*[-0-9.]+[\s,]+[-0-9.]+[\s,]+' + _NUMBER + r"[\s,]+" + _NUMBER, tag.group(0))
    if box:
        width, height = float(box.group(1)), float(box.group(2))
    else:
        w = re.search(r'\swidth\s*=\s*["\']' + _NUMBER, tag.group(0))
        h = re.search(r'\sheight\s*=\s*["\']' + _NUMBER, tag.group(0))
        if not (w and h):
            return None
        width, height = float(w.group(1)), float(h.group(1))
    if width <= 0 or height <= 0:
        return None
    return max(1, round(width)), max(1, round(height))
