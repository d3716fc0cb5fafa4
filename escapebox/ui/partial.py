"""Drawing only the dialog on top, over the last frame, when nothing under it can have changed.

A key press in a dialog (hint, help, settings) changes only the dialog, yet
the loop drew the whole window for it: the background, the room under the
dialog with its picture, the dim and the dialog.  That was the slowest
redraw of all (8.9 ms at 1920×1080 and 27.9 ms at 3840×2160 for the hint
and help dialogs, docs/performance.md).  The window still holds the last
frame, so when the screens under the dialog would draw the same pixels
again (they get no input while the dialog is open; the game's state, the
clock, the settings and the window are compared), the dialog alone draws
its panel again over it.  Anything else falls back to the whole window:
another stack, window or panel, a message or banner in this frame or the
last, a screen below that is animating, waiting for a moment or cannot tell.
The picture is the same as a full draw (tests/ui/test_partial_redraw.py).

A typed letter, or the festival wall's new second, changes a small part of
one screen, yet drew the whole window: at 3840×2160 the fill of the canvas
alone is 1.4-1.9 ms and a letter in the reflection's text field cost 6.4 ms
(p50, 10.5 ms p99), a new second of the wall 11.7 ms (docs/performance.md).
When what knows it sets ``Canvas.may_redraw_changes``, the frame is first
drawn *dry*: every drawing call is noted (what it draws and where) but
nothing is drawn.  Where that list differs from the last frame's, and where
something was drawn over the window since (the clock's second), is drawn
again, clipped to those areas; drawing calls outside them are skipped.
Nothing else can differ: the same calls in the same order on the same pixels
draw the same pixels (tests/ui/test_partial_changes.py compares with a whole
redraw).  A message or banner is drawn over the frame after it, outside it,
so where it was counts as changed in the next frame, whether it stays or
goes.  A screen that draws on the surface itself, another stack or more than
half of the window changed draws everything.
"""

from __future__ import annotations

import pygame

#: more separate areas than this are drawn as one (each drawing call is clipped to each area in turn)
MAX_AREAS = 8


class LastFrame:
    """What the last frame on the window showed, to tell whether the top dialog may be drawn alone."""

    def __init__(self) -> None:
        self.shown: tuple | None = None
        #: the stack and window of the last frame drawn
        self.painted: tuple | None = None

    def forget(self) -> None:
        self.shown = self.painted = None

    def paint(self, app, visible: list) -> list[pygame.Rect] | None:
        """Draw a frame of these screens; returns the physical areas drawn, or None for the whole window."""
        canvas = app.canvas
        changes_only, canvas.may_redraw_changes = canvas.may_redraw_changes, False
        painted = (tuple(visible), canvas.surface, canvas.surface.get_size())
        previous, self.painted = self.painted, painted
        if self.redraw_top(app, visible):
            canvas.noted = None
            return None
        # a message or banner is drawn over the frame afterwards, outside it: the canvas keeps where (stale),
        # so the next frame draws the screens there again before the message is drawn over them again
        if changes_only and painted == previous and canvas.overflow_log is None:
            areas = self._redraw_changes(app, visible)
            if areas is not None:
                return areas
        top = visible[-1] if visible else None
        canvas.begin(note=top is not None and (top.focus.typing or top.redraws_changes))
        app.draw_screens(visible)
        ops, unsure = canvas.end()
        canvas.noted = None if unsure else ops
        return None

    @staticmethod
    def _redraw_changes(app, visible: list) -> list[pygame.Rect] | None:
        """Draw only where this frame differs from the last; None when it must be drawn whole."""
        canvas = app.canvas
        old = canvas.noted
        stale = canvas.take_stale()
        if old is None:
            return None
        canvas.begin(note=True, dry=True)
        app.draw_screens(visible)
        new, unsure = canvas.end()
        areas = None if unsure else changed_areas(old, new, stale, canvas.surface.get_rect())
        if areas is None:
            return None
        if areas:
            canvas.begin(note=False, damage=areas)
            app.draw_screens(visible)
            if canvas.end()[1]:
                return None
        canvas.noted = new
        return areas

    def redraw_top(self, app, visible: list) -> bool:
        """Draw only the top screen if the rest of the last frame is still right; False: draw everything."""
        shown = self._showing(app, visible)
        previous, self.shown = self.shown, shown
        if shown is None or shown != previous or app.toasts or app.banner:
            return False
        if not all(screen.unchanged_since_drawn() for screen in visible[:-1]):
            return False
        return visible[-1].redraw_alone(app.canvas)

    @staticmethod
    def _showing(app, visible: list) -> tuple | None:
        """The stack, window and top panel this frame shows, and whether it has a message or banner."""
        if len(visible) < 2 or visible[-1].opaque:
            return None
        panel = visible[-1].alone_rect()
        if panel is None:
            return None
        return (tuple(visible), app.canvas.surface, app.canvas.surface.get_size(), tuple(panel),
                bool(app.toasts), bool(app.banner))


def changed_areas(old: list, new: list, stale: list, bounds: pygame.Rect) -> list[pygame.Rect] | None:
    """Where two frames' drawing calls differ, merged into a few areas; None when that is most of the window.

    Calls are compared in order: of two lists as long as each other, the
    calls that differ; otherwise all between the common start and end.  A
    copy of pixels (``Canvas.copy_area``: what lies under the clock) that an
    area touches is drawn whole, so that the copy is made of new pixels only.
    """
    if len(old) == len(new):
        differing = [op for a, b in zip(old, new) if a != b for op in (a, b)]
    else:
        start = 0
        while start < min(len(old), len(new)) and old[start] == new[start]:
            start += 1
        end = 0
        while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
            end += 1
        differing = old[start:len(old) - end] + new[start:len(new) - end]
    rects = {tuple(pygame.Rect(extent).clip(clip)) for _signature, extent, clip in differing}
    rects.update(tuple(rect) for rect in stale)
    areas = merge([pygame.Rect(r) for r in rects if r[2] > 0 and r[3] > 0])
    copies = [pygame.Rect(extent) for signature, extent, _clip in new if signature[0] == "copy"]
    grown = True
    while grown:
        grown = False
        for copy in copies:
            if any(a.colliderect(copy) for a in areas) and not any(a.contains(copy) for a in areas):
                areas = merge([*areas, copy])
                grown = True
    if sum(a.width * a.height for a in areas) * 2 > bounds.width * bounds.height:
        return None
    return areas


def merge(rects: list[pygame.Rect]) -> list[pygame.Rect]:
    """Rectangles that overlap, or lie above each other with a gap smaller than they are tall, as one.

    A column of changed cells (the wall's clocks, one per row) becomes one
    strip; a field and the clock far above it stay two areas.
    """
    areas = [pygame.Rect(r) for r in rects]
    merged = True
    while merged and len(areas) > 1:
        merged = False
        for i, a in enumerate(areas):
            for j in range(i + 1, len(areas)):
                if _near(a, areas[j]):
                    areas[i] = a.union(areas.pop(j))
                    merged = True
                    break
            if merged:
                break
    if len(areas) > MAX_AREAS:
        return [areas[0].unionall(areas[1:])]
    return areas


def _near(a: pygame.Rect, b: pygame.Rect) -> bool:
    if a.colliderect(b.inflate(2, 2)):
        return True
    side_by_side = a.left < b.right and b.left < a.right
    gap = max(a.top, b.top) - min(a.bottom, b.bottom)
    return side_by_side and gap <= max(a.height, b.height)
