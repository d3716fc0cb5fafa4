"""Pictures and icons, loaded once and scaled once per size.

Room backgrounds and clue images come from the scenario folder; icons are
SVGs from ``assets/icons`` rendered at the exact pixel size they are shown
at (``pygame.image.load_sized_svg``), so they stay sharp on a beamer.  A
missing or broken file gives ``None``: the screen then shows its text only.

Before any decoder sees a scenario picture, ``mediacheck.inspect_image``
walks the file the way the decoder will (a 2 kB GIF can hold a 40000×40000
frame) and the path must stay inside a folder the game allowed (the
scenario's own folder: a symlink to ``~/.ssh`` is refused).  The pictures
one room can show are added up (``scenario.picturebudget``): one that would
take the room over 64 million pixels is not decoded, and the decoded
originals kept at any moment stay under the same bound (the least recently
used go first).  Every decode, conversion and scaling is guarded: a
``MemoryError`` or ``pygame.error`` means the placeholder and a message,
never a crash.  Each refused file is reported once through ``on_problem``,
so the app can show one visible warning, not one per frame.
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from pathlib import Path

import pygame

from escapebox.scenario.mediacheck import SVG_PROBE, MediaInfo, MediaProblem, inspect_image
from escapebox.scenario.picturebudget import ROOM_PIXELS, budget, millions
from escapebox.ui.text import LRU

log = logging.getLogger(__name__)

__all__ = ["ImageCache", "SVG_PROBE"]

#: what a decoder, a conversion or a scaling may raise on a bad file or a full memory
DECODE_ERRORS = (pygame.error, MemoryError, OSError, ValueError, OverflowError, SystemError)


class ImageCache:
    def __init__(self, icon_dir: Path | None, on_problem=None):
        self.icon_dir = icon_dir
        #: called once per refused picture with ``(path, MediaProblem)``
        self.on_problem = on_problem
        self.problems: dict[Path, MediaProblem] = {}
        self._roots: list[Path] = []
        #: the theme's folder (its logo and background), checked by the theme loader
        self.theme_roots: list[Path] = []
        self._loaded = None                     # the game's LoadedScenario: which pictures each room shows
        self._infos: dict[Path, MediaInfo | MediaProblem] = {}      # by resolved path
        self._over_budget: dict[Path, MediaProblem] | None = None   # by resolved path
        self._originals: OrderedDict[Path, pygame.Surface | None] = OrderedDict()
        #: pixels of the decoded originals held now (at most ``ROOM_PIXELS``)
        self.kept_pixels = 0
        self._sizes: dict[Path, tuple[int, int] | None] = {}
        self._scaled = LRU(300, max_bytes=160 * 1024 * 1024)
        self._icons = LRU(600, max_bytes=32 * 1024 * 1024)

    def allow(self, folder: Path, loaded=None) -> None:
        """From now on show pictures from ``folder`` (the new game's scenario) and nothing outside it.

        ``loaded`` (the game's ``LoadedScenario``) tells which pictures each room
        shows, for the room budget.  The previous game's pictures are dropped: on a
        long training day the laptop plays scenario after scenario, and decoded
        originals (up to 4096×4096, 64 MB each) must not pile up (see scripts/soak.py).
        """
        try:
            root = Path(folder).resolve()
        except OSError:
            return
        if self._roots != [root] or loaded is not self._loaded:
            self._roots = [root]
            self._loaded = loaded
            self.forget_files()

    def forget_files(self) -> None:
        """Read every picture again when next shown: another scenario, or a trainer saved an edited picture."""
        self._originals.clear()
        self.kept_pixels = 0
        self._sizes.clear()
        self.problems.clear()
        self._infos.clear()
        self._over_budget = None
        self.clear_scaled()

    def refused(self, path: Path) -> MediaProblem | None:
        """Why this picture may not be decoded (outside the allowed folders, bad header, room full), or None."""
        if path in self.problems:
            return self.problems[path]
        problem = self._check(path)
        if problem is not None:
            self._refuse(path, problem)
        return problem

    def _refuse(self, path: Path, problem: MediaProblem) -> None:
        if path in self.problems:
            return
        self.problems[path] = problem
        log.warning("Escapebox: not showing image %s: %s", path, problem.code)
        if self.on_problem is not None:
            self.on_problem(path, problem)

    def _check(self, path: Path) -> MediaProblem | None:
        found = self._inspect(path)
        if isinstance(found, MediaProblem):
            return found
        try:
            real = Path(path).resolve()
        except (OSError, RuntimeError):
            return MediaProblem("media.missing")
        if any(real.is_relative_to(root) for root in self._roots):
            return self._budget().get(real)
        return None

    def _inspect(self, path: Path) -> MediaInfo | MediaProblem:
        """The picture's header, walked once per game: what it will be once decoded, or why not."""
        try:
            real = Path(path).resolve()
        except (OSError, RuntimeError):
            return MediaProblem("media.missing")
        if real not in self._infos:
            if not any(real.is_relative_to(root) for root in self._roots + self.theme_roots):
                self._infos[real] = MediaProblem("robust.media.outside")
            else:
                try:
                    self._infos[real] = inspect_image(real)
                except MediaProblem as problem:
                    self._infos[real] = problem
        return self._infos[real]

    def _budget(self) -> dict[Path, MediaProblem]:
        """The pictures that do not fit in a room (``scenario.picturebudget``), worked out once per game."""
        if self._over_budget is None:
            self._over_budget = {}
            loaded = self._loaded
            if loaded is not None:
                folder = Path(loaded.folder)

                def cost(file: str) -> int | None:
                    info = self._inspect(folder / file)
                    return info.pixels if isinstance(info, MediaInfo) else None

                for room in budget(loaded, cost):
                    name = loaded.scenario.rooms[room.room].name
                    for file in room.refused:
                        try:
                            real = (folder / file).resolve()
                        except (OSError, RuntimeError):
                            continue
                        self._over_budget.setdefault(real, MediaProblem(
                            "media.room_budget", room=name, pixels=millions(room.pixels), limit=millions(ROOM_PIXELS)))
        return self._over_budget

    def _info(self, path: Path) -> MediaInfo | None:
        found = self._inspect(path)
        return found if isinstance(found, MediaInfo) else None

    def clear_scaled(self) -> None:
        self._scaled.clear()
        self._icons.clear()

    def natural_size(self, path: Path) -> tuple[int, int] | None:
        """The picture's own width and height (for its proportions), or None if it cannot be shown."""
        if path not in self._sizes:
            if self.refused(path) is not None:
                self._sizes[path] = None
                return None
            size = _svg_size(path) if self._is_svg(path) else None
            if size is None:
                image = self.original(path)
                size = image.get_size() if image is not None else None
            self._sizes[path] = size
        return self._sizes[path]

    def _is_svg(self, path: Path) -> bool:
        info = self._info(path)
        return info.kind == "svg" if info is not None else path.suffix.lower() == ".svg"

    def original(self, path: Path) -> pygame.Surface | None:
        if self.refused(path) is not None:
            return None
        if path in self._originals:
            self._originals.move_to_end(path)
            return self._originals[path]
        info = self._info(path)
        need = info.pixels if info is not None else 0
        if not self._make_room(need):
            self._refuse(path, MediaProblem("media.too_many_pixels", pixels=millions(self.kept_pixels + need),
                                            limit=millions(ROOM_PIXELS)))
            return None
        image = self._load(path)
        self._originals[path] = image
        if image is not None:
            self.kept_pixels += image.get_width() * image.get_height()
        return image

    def _make_room(self, need: int) -> bool:
        """Drop the least recently used originals until ``need`` more pixels fit; False if they never will."""
        while self._originals and self.kept_pixels + need > ROOM_PIXELS:
            _, old = self._originals.popitem(last=False)
            if old is not None:
                self.kept_pixels -= old.get_width() * old.get_height()
        return self.kept_pixels + need <= ROOM_PIXELS

    def _load(self, path: Path) -> pygame.Surface | None:
        def decode():
            if self._is_svg(path):
                # only the proportions are needed here; the real size is rendered in ``scaled``
                image = pygame.image.load_sized_svg(str(path), (SVG_PROBE, SVG_PROBE))
            else:
                image = pygame.image.load(str(path))
            return _for_display(image)
        # the header looked fine but the data is not (truncated, corrupt), or memory ran out
        return self._guarded(path, decode)

    def _guarded(self, path: Path, make):
        """``make()``, or None and one message when the decoder, a conversion or a scaling fails."""
        try:
            return make()
        except DECODE_ERRORS as exc:
            log.warning("Escapebox: cannot load image %s: %s", path, exc)
            self._refuse(path, _decode_problem(exc))
            return None

    def picture(self, path: Path, size: tuple[int, int]) -> Picture | None:
        """The image scaled to ``size`` physical pixels, kept in parts that are quick to draw (:class:`Picture`)."""
        size = (max(1, int(size[0])), max(1, int(size[1])))

        if self.refused(path) is not None:
            return None

        def draw():
            if self._is_svg(path):
                try:  # vector pictures are rendered at the exact size: sharp on a 4K beamer
                    surface = pygame.image.load_sized_svg(str(path), size)
                    if surface.get_size() == size:
                        return _for_display(surface)
                except (pygame.error, OSError, AttributeError, ValueError):
                    pass
            image = self.original(path)
            return None if image is None else pygame.transform.smoothscale(image, size)
        return self._scaled.fetch((path, size), lambda: self._guarded(path, lambda: Picture.of(draw())))

    def scaled(self, path: Path, size: tuple[int, int]) -> pygame.Surface | None:
        """The image scaled to ``size`` physical pixels as one surface (aspect ratio is the caller's job)."""
        picture = self.picture(path, size)
        return None if picture is None else picture.surface()

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
                try:
                    surface = pygame.image.load_sized_svg(str(path), (px, px))
                except (pygame.error, OSError, AttributeError):
                    surface = pygame.transform.smoothscale(pygame.image.load(str(path)), (px, px))
                return _for_display(surface)
            except DECODE_ERRORS as exc:      # a shipped icon: no message to the group, the label stays
                log.warning("Escapebox: cannot load icon %s: %s", path, exc)
                return None
        return self._icons.fetch((name, px), make)


def _for_display(surface: pygame.Surface) -> pygame.Surface:
    """The surface in the window's pixel format (fast to blit); as it is when there is no window yet."""
    return surface.convert_alpha() if pygame.display.get_surface() is not None else surface


#: the widest see-through edge (pixels a side) kept apart from an opaque inside: an SVG rendered at
#: its exact size leaves at most one antialiased row or column; the fixture's 1600×900 room picture,
#: scaled up from its proportions to 2672×1504 at 3840×2160 (``scaled``'s fallback), five columns
MAX_EDGE = 8


class Picture:
    """A scaled picture kept as it is fastest to draw: its fully opaque inside without an alpha channel.

    Copying opaque pixels is quicker than blending them: a 3000×1700 room
    picture took 7.4 ms to blit with its alpha channel and 2.6 ms without at
    3840×2160 on the development machine (docs/performance.md).  An SVG room
    picture is opaque except, at most sizes, for a one-pixel edge the renderer
    antialiases, so that edge is kept with its alpha in four thin strips and
    drawn blended as before: the same pixels on screen as one blended blit.
    A picture with see-through parts inside stays one surface.
    """

    __slots__ = ("size", "inner", "edges", "offset")

    def __init__(self, size: tuple[int, int], inner: pygame.Surface | None, edges: list, offset=(0, 0)):
        self.size = size
        #: the opaque part without its alpha channel, at ``offset`` (at most ``MAX_EDGE`` pixels in); or None
        self.inner = inner
        self.offset = offset
        #: ``(surface with alpha, (x, y))`` parts blended as they are
        self.edges = edges

    @classmethod
    def of(cls, surface: pygame.Surface | None) -> Picture | None:
        if surface is None:
            return None
        size = surface.get_size()
        if not surface.get_flags() & pygame.SRCALPHA or pygame.display.get_surface() is None:
            return cls(size, None, [(surface, (0, 0))])
        inside = _opaque_inside(surface)
        if inside is None:
            return cls(size, None, [(surface, (0, 0))])
        return cls(size, surface.subsurface(inside).convert(), _strips(surface, inside), inside.topleft)

    @property
    def pixel_bytes(self) -> int:
        parts = ([self.inner] if self.inner is not None else []) + [part for part, _ in self.edges]
        return sum(part.get_width() * part.get_height() * part.get_bytesize() for part in parts)

    def blit(self, target: pygame.Surface, pos: tuple[int, int]) -> None:
        x, y = pos
        if self.inner is not None:
            target.blit(self.inner, (x + self.offset[0], y + self.offset[1]))
        for part, (dx, dy) in self.edges:
            target.blit(part, (x + dx, y + dy))

    def surface(self) -> pygame.Surface:
        """One surface with alpha, as the renderer made it (a full-screen view, the room's warm-up)."""
        if self.inner is None and len(self.edges) == 1:
            return self.edges[0][0]
        if not self.edges:
            return self.inner
        whole = pygame.Surface(self.size, pygame.SRCALPHA)
        whole.fill((0, 0, 0, 0))
        # the maximum of each channel with a transparent black surface copies the pixels exactly, alpha too
        whole.blit(self.inner, self.offset, special_flags=pygame.BLEND_RGBA_MAX)
        for part, pos in self.edges:
            whole.blit(part, pos, special_flags=pygame.BLEND_RGBA_MAX)
        return whole


def _opaque_inside(surface: pygame.Surface) -> pygame.Rect | None:
    """The rectangle left when see-through rows and columns (at most ``MAX_EDGE`` a side) are cut off.

    Rows are judged between the columns that may be cut and the other way
    round, so a soft right edge does not cost rows too.  None when that inside
    still has a see-through pixel (a transparent hole or shape) or the picture
    is too small to have an inside.
    """
    opaque = pygame.mask.from_surface(surface, 254)
    width, height = surface.get_size()
    core = surface.get_rect().inflate(-2 * MAX_EDGE, -2 * MAX_EDGE)
    if core.width <= 0 or core.height <= 0:
        return None

    def row(y: int) -> bool:
        return _all_set(opaque, pygame.Rect(core.left, y, core.width, 1))

    def column(x: int) -> bool:
        return _all_set(opaque, pygame.Rect(x, core.top, 1, core.height))

    top = max((y + 1 for y in range(MAX_EDGE) if not row(y)), default=0)
    bottom = min((y for y in range(height - MAX_EDGE, height) if not row(y)), default=height)
    left = max((x + 1 for x in range(MAX_EDGE) if not column(x)), default=0)
    right = min((x for x in range(width - MAX_EDGE, width) if not column(x)), default=width)
    inside = pygame.Rect(left, top, right - left, bottom - top)
    return inside if _all_set(opaque, inside) else None


def _all_set(mask: pygame.mask.Mask, rect: pygame.Rect) -> bool:
    if rect.width <= 0 or rect.height <= 0:
        return False
    return mask.overlap_area(pygame.mask.Mask(rect.size, fill=True), rect.topleft) == rect.width * rect.height


def _strips(surface: pygame.Surface, inside: pygame.Rect) -> list:
    """What lies around the inside, as up to four copies with alpha: top, bottom, left, right."""
    width, height = surface.get_size()
    rects = (pygame.Rect(0, 0, width, inside.top), pygame.Rect(0, inside.bottom, width, height - inside.bottom),
             pygame.Rect(0, inside.top, inside.left, inside.height),
             pygame.Rect(inside.right, inside.top, width - inside.right, inside.height))
    return [(surface.subsurface(rect).copy(), rect.topleft) for rect in rects if rect.width > 0 and rect.height > 0]


def _decode_problem(exc: BaseException) -> MediaProblem:
    if isinstance(exc, MemoryError) or "memory" in str(exc).lower():
        return MediaProblem("media.no_memory")
    return MediaProblem("media.broken")


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
