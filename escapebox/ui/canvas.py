"""The fixed 1920×1080 logical canvas, scaled to the window with letterboxing.

Screens lay themselves out in logical units only; this class turns those
into physical pixels (``px``) and back (``to_logical`` for the mouse).  All
drawing goes through here so that text and icons are rendered at the real
resolution (sharp at 4K) while layouts stay identical at every window size.

Every drawing call goes through :meth:`Canvas._paint`, which can also note
what it draws (its signature and where) instead of or besides drawing it,
and draw only inside some areas: escapebox/ui/partial.py uses that to draw a
typed letter or the festival wall's changed rows without the whole window.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pygame

from escapebox.ui.images import ImageCache
from escapebox.ui.partial import LastFrame
from escapebox.ui.text import Layout, TextRenderer

LOGICAL_W, LOGICAL_H = 1920, 1080
LOGICAL = pygame.Rect(0, 0, LOGICAL_W, LOGICAL_H)


class Canvas:
    def __init__(self, surface: pygame.Surface, text: TextRenderer, images: ImageCache):
        self.text_renderer = text
        self.images = images
        self.surface = surface
        self.scale = 1.0
        self.offset = (0, 0)
        self._overlay_cache: dict = {}
        #: what the last frame on the window showed (a dialog may then be drawn alone over it)
        self.last_frame = LastFrame()
        #: set by what knows that only part of the window changed (a typed letter, the wall's new
        #: second): the next frame may then draw only what differs (escapebox/ui/partial.py)
        self.may_redraw_changes = False
        #: what each drawing call of this frame drew, ``(signature, extent, clip)``, while noted
        self._ops: list | None = None
        #: noting only: nothing is drawn (the dry pass that tells what changed)
        self._dry = False
        #: drawing only inside these physical areas (a partial redraw); None: everywhere
        self._damage: list[pygame.Rect] | None = None
        #: inside a frame's drawing; anything drawn outside one (the clock second, messages) is stale
        self._in_pass = False
        self._stale: list[pygame.Rect] = []
        #: what the window shows, as :attr:`_ops` noted it (None: not known)
        self.noted: list | None = None
        #: ``copy_area`` results by physical area, for a partial redraw that does not draw there
        self._copies: dict[tuple, pygame.Surface] = {}
        #: a drawing this frame could not note or draw partly (a direct use of ``surface``)
        self._unsure = False
        #: the overflow walk (tests): when a list, text drawn outside its box or cut short is noted here
        self.overflow_log: list | None = None
        self.resize(surface)

    def __copy__(self) -> Canvas:
        """The same scale and caches on another surface (escapebox/ui/warmup.py), with no frame of its own:
        what it draws is neither noted nor kept as the window's pixels."""
        twin = object.__new__(Canvas)
        twin.__dict__.update(self.__dict__)
        twin._ops, twin._dry, twin._damage, twin._in_pass, twin._unsure = None, False, None, False, False
        twin._stale, twin._copies, twin.noted, twin.may_redraw_changes = [], {}, None, False
        twin.last_frame = LastFrame()
        return twin

    @property
    def surface(self) -> pygame.Surface:
        """The window's surface; drawing on it directly cannot be noted, so such a frame is drawn whole."""
        if self._in_pass:
            self._unsure = True
        return self._surface

    @surface.setter
    def surface(self, surface: pygame.Surface) -> None:
        self._surface = surface

    # ------------------------------------------------------------ geometry

    def resize(self, surface: pygame.Surface) -> None:
        """Fit the logical canvas into the window, centred, keeping 16:9."""
        self._surface = surface
        width, height = surface.get_size()
        scale = min(width / LOGICAL_W, height / LOGICAL_H) or 1.0
        self.offset = ((width - round(LOGICAL_W * scale)) // 2, (height - round(LOGICAL_H * scale)) // 2)
        if abs(scale - self.scale) > 1e-6:
            self.images.clear_scaled()
        self.scale = scale
        self.text_renderer.set_scale(scale)
        self._overlay_cache.clear()
        self._copies.clear()
        self.noted = None
        self.last_frame.forget()

    def px(self, rect) -> pygame.Rect:
        """Logical rect → physical rect; edges are rounded so neighbours never leave gaps."""
        rect = pygame.Rect(rect)
        s, (ox, oy) = self.scale, self.offset
        left, top = round(rect.left * s), round(rect.top * s)
        right, bottom = round(rect.right * s), round(rect.bottom * s)
        return pygame.Rect(ox + left, oy + top, max(0, right - left), max(0, bottom - top))

    def px_len(self, value: float) -> int:
        return max(1, round(value * self.scale))

    def to_logical(self, pos) -> tuple[int, int]:
        x, y = pos
        return (int((x - self.offset[0]) / self.scale), int((y - self.offset[1]) / self.scale))

    def to_physical(self, pos) -> tuple[int, int]:
        x, y = pos
        return (round(x * self.scale + self.offset[0]), round(y * self.scale + self.offset[1]))

    # ------------------------------------------------------------ drawing

    def _paint(self, extent: pygame.Rect, signature: tuple, paint) -> None:
        """Every drawing call: note it, and draw it unless noting only (or only inside the damaged areas).

        ``extent`` is where the call may change pixels (at least that much:
        a partial redraw skips a call whose extent misses every damaged area).
        """
        surface = self._surface
        clip = surface.get_clip()
        if self._ops is not None:
            self._ops.append((signature, tuple(extent), tuple(clip)))
        elif not self._in_pass and self.noted is not None:
            self._stale_area(extent.clip(clip))
        if self._dry:
            return
        if self._damage is None:
            paint()
            return
        for area in self._damage:
            part = area.clip(clip)
            if part.colliderect(extent):
                surface.set_clip(part)
                paint()
        surface.set_clip(clip)

    def begin(self, *, note: bool, dry: bool = False, damage: list[pygame.Rect] | None = None) -> None:
        """Start drawing a frame: noting its calls, noting only (``dry``), or only inside ``damage``."""
        self._ops = [] if note else None
        self._dry, self._damage, self._in_pass, self._unsure = dry, damage, True, False
        if not dry and damage is None:
            self._copies.clear()
            self._stale.clear()

    def end(self) -> tuple[list | None, bool]:
        """Stop: what was noted, and whether something could not be noted or drawn partly."""
        ops, unsure = self._ops, self._unsure
        self._ops, self._dry, self._damage, self._in_pass = None, False, None, False
        return ops, unsure

    def misses(self, rect) -> bool:
        """Whether every drawing call inside logical ``rect`` would now be skipped (a partial redraw elsewhere)."""
        if self._damage is None:
            return False
        target = self.px(rect)
        return not any(area.colliderect(target) for area in self._damage)

    def take_stale(self) -> list[pygame.Rect]:
        """Where something was drawn over the window between frames (the clock, messages) since the last frame."""
        stale, self._stale = self._stale, []
        return stale

    def _stale_area(self, area: pygame.Rect) -> None:
        self._stale.append(area)
        if len(self._stale) > 64:      # drawn over a lot: the next frame is drawn whole
            self.noted = None
            self._stale.clear()

    def clear(self, colour, letterbox) -> None:
        inner = self.px(LOGICAL)
        surface = self._surface

        def paint():
            if inner.size != surface.get_size():   # bars only when the window is not 16:9: a full fill less per frame
                surface.fill(letterbox)
            surface.fill(colour, inner)
        self._paint(surface.get_rect(), ("clear", tuple(colour), tuple(letterbox)), paint)

    def dim(self, colour, rect=LOGICAL) -> None:
        """Darken the canvas (or one part of it) behind a dialog (a multiply blend: no big alpha surface needed)."""
        target = self.px(rect)
        self._paint(target, ("dim", tuple(colour)),
                    lambda: self._surface.fill(colour[:3], target, special_flags=pygame.BLEND_RGB_MULT))

    def copy_area(self, rect) -> pygame.Surface:
        """The pixels now under a logical rectangle, to put back later with :meth:`put_area`.

        In a partial redraw that does not draw there, the window's pixels
        there are the last frame's (with what was put over them since), so
        the copy made when they were last drawn is given.
        """
        area = self.px(rect).clip(self._surface.get_rect())
        key = tuple(area)
        if self._ops is not None:
            self._ops.append((("copy",), key, key))
        kept = self._copies.get(key)
        if self._dry or (self._damage is not None and not any(a.colliderect(area) for a in self._damage)):
            if kept is None:
                self._unsure = True
                return self._surface.subsurface(area).copy()
            return kept
        if self._damage is not None and not any(a.contains(area) for a in self._damage):
            self._unsure = True          # partly redrawn: the pixels around it are old (partial.py widens the areas)
        pixels = self._surface.subsurface(area).copy()
        self._copies[key] = pixels
        return pixels

    def put_area(self, pixels: pygame.Surface, rect) -> None:
        target = self.px(rect).clip(self._surface.get_rect())
        self._paint(pygame.Rect(target.topleft, pixels.get_size()), ("put", pixels),
                    lambda: self._surface.blit(pixels, target.topleft))

    def fill(self, rect, colour, radius: int = 0) -> None:
        if len(colour) == 4 and colour[3] < 255:
            self._fill_alpha(rect, colour, radius)
            return
        target = self.px(rect)
        if radius:
            corner = self.px_len(radius)
            self._paint(target, ("fill", tuple(colour), corner), lambda: self._fill_rounded(target, colour, corner))
        else:
            self._paint(target, ("fill", tuple(colour), 0), lambda: pygame.draw.rect(self._surface, colour, target))

    def _fill_rounded(self, target: pygame.Rect, colour, radius: int) -> None:
        """An opaque rounded rectangle: the rows between the corners as one plain fill.

        ``pygame.draw.rect`` with a radius fills a dialog's panel at 3840×2160
        in 1.25 ms on the development machine; a plain fill of the middle and the
        rounded call clipped to the two corner bands take 0.68 ms, pixel for
        pixel the same (tests/ui/test_draw_caches.py compares them).
        """
        surface = self._surface
        if target.height <= 4 * radius:
            pygame.draw.rect(surface, colour, target, border_radius=radius)
            return
        previous = surface.get_clip()
        surface.fill(colour, pygame.Rect(target.left, target.top + radius, target.width,
                                         target.height - 2 * radius).clip(previous))
        for band in (pygame.Rect(target.left, target.top, target.width, radius),
                     pygame.Rect(target.left, target.bottom - radius, target.width, radius)):
            surface.set_clip(band.clip(previous))
            pygame.draw.rect(surface, colour, target, border_radius=radius)
        surface.set_clip(previous)

    def shadow(self, rect, colour, radius: int, under) -> None:
        """A see-through ``fill`` of ``rect`` where the opaque rounded ``under``, drawn next, leaves it visible.

        A dialog's shadow is its panel moved down: blending the whole panel-sized
        overlay cost 4.6 ms at 3840×2160 (development machine) for the strip of
        about 10 logical pixels that shows under the panel.  Only the rows above
        and below ``under``'s straight sides are blended; the rows in between
        are covered by ``under`` whatever was blended there.
        """
        target, cover = self.px(rect), self.px(under)
        corner = self.px_len(radius) if radius else 0
        if cover.left > target.left or cover.right < target.right:
            self._fill_alpha(rect, colour, radius)
            return
        overlay = self._overlay(target.size, colour, radius)
        hidden_top, hidden_bottom = cover.top + corner, cover.bottom - corner

        def paint():
            for top, bottom in ((target.top, min(target.bottom, hidden_top)),
                                (max(target.top, hidden_bottom), target.bottom)):
                if bottom > top:
                    self._surface.blit(overlay, (target.left, top),
                                       pygame.Rect(0, top - target.top, target.width, bottom - top))
        self._paint(target, ("shadow", tuple(colour), corner, tuple(cover)), paint)

    def frame(self, rect, colour, width: int = 2, radius: int = 0) -> None:
        target, thick, corner = self.px(rect), self.px_len(width), self.px_len(radius) if radius else 0
        self._paint(target, ("frame", tuple(colour), thick, corner),
                    lambda: pygame.draw.rect(self._surface, colour, target, width=thick, border_radius=corner))

    def _fill_alpha(self, rect, colour, radius: int) -> None:
        target = self.px(rect)
        overlay = self._overlay(target.size, colour, radius)
        self._paint(target, ("blend", tuple(colour), radius), lambda: self._surface.blit(overlay, target))

    def _overlay(self, size: tuple[int, int], colour, radius: int) -> pygame.Surface:
        key = (size, tuple(colour), radius)
        overlay = self._overlay_cache.get(key)
        if overlay is None:
            overlay = pygame.Surface(size, pygame.SRCALPHA)
            pygame.draw.rect(overlay, colour, overlay.get_rect(), border_radius=self.px_len(radius) if radius else 0)
            self._overlay_cache[key] = overlay
        return overlay

    def line(self, start, end, colour, width: int = 2) -> None:
        a, b, thick = self.to_physical(start), self.to_physical(end), self.px_len(width)
        extent = pygame.Rect(min(a[0], b[0]), min(a[1], b[1]), abs(a[0] - b[0]) + 1, abs(a[1] - b[1]) + 1)
        self._paint(extent.inflate(2 * thick + 2, 2 * thick + 2), ("line", a, b, tuple(colour), thick),
                    lambda: pygame.draw.line(self._surface, colour, a, b, thick))

    def circle(self, centre, radius: int, colour, width: int = 0) -> None:
        middle, r, thick = self.to_physical(centre), self.px_len(radius), self.px_len(width) if width else 0
        extent = pygame.Rect(middle[0] - r - 1, middle[1] - r - 1, 2 * r + 3, 2 * r + 3)
        self._paint(extent, ("circle", middle, r, tuple(colour), thick),
                    lambda: pygame.draw.circle(self._surface, colour, middle, r, thick))

    def polygon(self, points, colour, width: int = 0) -> None:
        corners, thick = [self.to_physical(p) for p in points], self.px_len(width) if width else 0
        xs, ys = [p[0] for p in corners], [p[1] for p in corners]
        extent = pygame.Rect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1).inflate(2 * thick + 2, 2 * thick + 2)
        self._paint(extent, ("polygon", tuple(corners), tuple(colour), thick),
                    lambda: pygame.draw.polygon(self._surface, colour, corners, thick))

    @contextmanager
    def clip(self, rect):
        """Draw only inside ``rect`` (scrolling text boxes)."""
        surface = self._surface
        previous = surface.get_clip()
        surface.set_clip(self.px(rect).clip(previous) if previous else self.px(rect))
        try:
            yield
        finally:
            surface.set_clip(previous)

    # ------------------------------------------------------------ text

    def measure(self, text: str, style: str, size: int) -> int:
        return self.text_renderer.width(text, style, size)

    def layout(self, text: str, style: str, size: int, width: int) -> Layout:
        return self.text_renderer.layout(text, style, size, width)

    def text(self, text: str, pos, style: str, size: int, colour, anchor: str = "topleft") -> pygame.Rect:
        """One line of text at a logical position; returns its logical rect."""
        surface = self.text_renderer.render(text, style, size, colour)
        width = self.text_renderer.width(text, style, size)
        height = self.text_renderer.line_height(size)
        rect = pygame.Rect(0, 0, width, height)
        setattr(rect, anchor, pos)
        physical = self.px(rect)
        # centre the glyph run vertically in the line box, at physical precision
        top = physical.top + (physical.height - surface.get_height()) // 2
        if anchor in ("center", "midtop", "midbottom"):
            left = physical.centerx - surface.get_width() // 2
        elif anchor in ("topright", "bottomright", "midright"):
            left = physical.right - surface.get_width()
        else:
            left = physical.left
        self._paint(pygame.Rect((left, top), surface.get_size()), ("text", text, style, size, tuple(colour)),
                    lambda: self._surface.blit(surface, (left, top)))
        if self.overflow_log is not None:
            self._note_outside(text, rect, physical)
            if surface.get_width() > physical.width * 1.03 + 3:      # rendered wider than laid out
                self.overflow_log.append(("wider", text, tuple(rect)))
        return rect

    def _note_outside(self, text: str, rect: pygame.Rect, physical: pygame.Rect) -> None:
        """A line that sticks out of the canvas or out of the clip it is drawn in is cut off."""
        clip = self._surface.get_clip()
        inside = LOGICAL.inflate(2, 2).contains(rect) and clip.inflate(4, 4).contains(physical)
        if not inside:
            self.overflow_log.append(("outside", text, tuple(rect)))

    def paragraph(self, layout: Layout, rect, colour, first_line: int = 0, align: str = "left",
                  paged: bool = False) -> int:
        """Draw wrapped lines from ``first_line`` that fit in ``rect``; returns how many fitted.

        ``paged``: the caller shows the rest on another page (TextBox); otherwise lines that
        do not fit are cut off, which the overflow walk reports.
        """
        rect = pygame.Rect(rect)
        fits = max(1, rect.height // layout.line_height)
        y = rect.top
        shown = layout.lines[first_line:first_line + fits]
        if self.overflow_log is not None and not paged and len(layout.lines) - first_line > fits:
            self.overflow_log.append(("cut", " ".join(layout.lines[first_line + fits:])[:80], tuple(rect)))
        for line in shown:
            if line:
                if align == "center":
                    self.text(line, (rect.centerx, y), layout.style, layout.size, colour, "midtop")
                elif align == "right":
                    self.text(line, (rect.right, y), layout.style, layout.size, colour, "topright")
                else:
                    self.text(line, (rect.left, y), layout.style, layout.size, colour)
            y += layout.line_height
        return len(shown)

    # ------------------------------------------------------------ images

    def image(self, path: Path, rect, fit: str = "contain") -> pygame.Rect | None:
        """Draw a picture inside ``rect`` keeping its aspect ratio; returns the logical rect used."""
        natural = self.images.natural_size(path)
        if natural is None:
            return None
        rect = pygame.Rect(rect)
        iw, ih = natural
        factor = min(rect.width / iw, rect.height / ih) if fit == "contain" else max(rect.width / iw, rect.height / ih)
        used = pygame.Rect(0, 0, round(iw * factor), round(ih * factor))
        used.center = rect.center
        physical = self.px(used)
        picture = self.images.picture(path, physical.size)
        if picture is not None:
            with self.clip(rect):
                self._paint(physical, ("image", picture), lambda: picture.blit(self._surface, physical.topleft))
        return used

    def icon(self, name: str | None, rect) -> bool:
        rect = pygame.Rect(rect)
        physical = self.px(rect)
        side = min(physical.width, physical.height)
        surface = self.images.icon(name, side)
        if surface is None:
            return False
        spot = surface.get_rect(center=physical.center)
        self._paint(spot, ("icon", surface), lambda: self._surface.blit(surface, spot))
        return True
