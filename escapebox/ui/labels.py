"""Where the names of a room picture's clickable places go: never on each other, inside the picture, by their place.

:func:`place` is a pure function of the places, the label sizes and the
picture's rectangle, so the same room at the same window size always gets the
same labels: a label a group clicked before is where they left it (a click on
"Tablet" once hit nothing after coming back to the room).  Labels are placed
in the given order, each avoiding the labels before it and every place; the
room passes all its places whatever the game's state, with label sizes that do
not change when a lock opens, so no label appears later and pushes others.

A label sits below, above, beside or on its place, never on another place (a
label there would steal its clicks and hide it).  When there is no such spot by
its place, the label goes to the nearest clear spot of the picture and gets a
leader line to its place.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pygame

#: free space kept around every label, so two labels never touch (logical px)
MARGIN = 8
#: a label this close to its place is read as belonging to it; further away it gets a leader line
ATTACH = 14
#: the space between a place's edge and a label put beside it
GAP = 6

# The costs are in logical pixels of distance: a label is moved that far rather than cover
# the whole of another place (400), or the whole of its own place (240: hiding the object it
# names is bad, but less so than hiding another).  A leader line costs as much as 60 px of
# distance, so a label stays by its place when that costs less than a jump with a line.
COVER_OTHER = 400
COVER_OWN = 240
LEADER = 60


@dataclass(frozen=True)
class Placement:
    """A label's rectangle, and its leader line (label edge → place edge) when it is not by its place."""

    rect: pygame.Rect
    leader: tuple[tuple[int, int], tuple[int, int]] | None = None


def place(areas: list[pygame.Rect], sizes: list[tuple[int, int]], bounds: pygame.Rect) -> list[Placement]:
    """One placement per area: inside ``bounds``, no two closer than :data:`MARGIN`, none on another place.

    Remembered per input (:func:`_placed`): the room screen lays out its labels every time it is
    built, and searching the spots took 5-6 ms of entering hele-team-leert's first room at 1920x1080
    (13 ms under cProfile; the budget for entering a room is one 60 Hz frame).  The warm-up lays out
    the rooms a group can reach next in idle time, so entering one finds its labels remembered.
    Every call gets rectangles of its own, as callers may move them.
    """
    key = (tuple(tuple(pygame.Rect(area)) for area in areas), tuple(tuple(size) for size in sizes),
           tuple(pygame.Rect(bounds)))
    return [Placement(pygame.Rect(rect), leader) for rect, leader in _placed(*key)]


@lru_cache(maxsize=256)
def _placed(areas: tuple, sizes: tuple, bounds: tuple) -> tuple:
    """:func:`place`'s search on plain tuples: ((rect, leader), ...) in the areas' order."""
    found = _search([pygame.Rect(area) for area in areas], list(sizes), pygame.Rect(bounds))
    return tuple((tuple(p.rect), p.leader) for p in found)


def _search(areas: list[pygame.Rect], sizes: list[tuple[int, int]], bounds: pygame.Rect) -> list[Placement]:
    """The placements (the search :func:`place` remembers).

    The labels are placed one by one, each avoiding those before it.  In the given order a crowded
    picture can run out of clear spots for the last, long labels (voorbeeld-compleet's huiskamer at
    the large text: "Naar het kantoor van Wim" ended on the welkomstbord); then the widest labels
    go first, and the order whose labels cover the fewest other places wins (ties: the given order).
    """
    sizes = [_fit(size, bounds) for size in sizes]
    given = list(range(len(areas)))
    rects = _place_in(given, areas, sizes, bounds)
    if _covering(rects, areas):
        widest = sorted(given, key=lambda n: (-sizes[n][0], n))
        rects = min((rects, _place_in(widest, areas, sizes, bounds)), key=lambda r: _covering(r, areas))
    return [Placement(rect, leader_line(rect, area, areas[:n] + areas[n + 1:]))
            for n, (rect, area) in enumerate(zip(rects, areas))]


def _place_in(order: list[int], areas, sizes, bounds) -> list[pygame.Rect]:
    """The labels' rectangles (in the areas' order), placed in ``order``."""
    placed: dict[int, pygame.Rect] = {}
    for n in order:
        others = areas[:n] + areas[n + 1:]
        placed[n] = _best(areas[n], sizes[n], bounds, list(placed.values()), others)
    return [placed[n] for n in range(len(areas))]


def _covering(rects: list[pygame.Rect], areas: list[pygame.Rect]) -> int:
    """How many labels lie on another place (one that does not hold the label's own place whole)."""
    return sum(1 for n, rect in enumerate(rects)
               if any(rect.colliderect(other) and not other.contains(areas[n]) for m, other in enumerate(areas) if m != n))


def gap(a: pygame.Rect, b: pygame.Rect) -> int:
    """The distance between two rectangles (0 when they touch or overlap)."""
    dx = max(b.left - a.right, a.left - b.right, 0)
    dy = max(b.top - a.bottom, a.top - b.bottom, 0)
    return round((dx * dx + dy * dy) ** 0.5)


def beside(label: pygame.Rect, area: pygame.Rect, others: list[pygame.Rect]) -> bool:
    """Whether the label reads as its place's without a line: close to it, and nearer to it than to any other place.

    "Nearer" is measured from the label's centre, so a wide label under a small object on a
    row of objects still belongs to the one it is centred under; and by :data:`ATTACH` at least, so
    that the eye can tell (hele-team-leert's "Opdrachtkaart" was 33 px from its card and 35 from
    the "Kaartjes" beside it, and read as theirs).
    """
    if gap(label, area) > ATTACH:
        return False
    own = reach(label.center, area)
    return all(own + ATTACH <= reach(label.center, other) for other in others)


def reach(point, rect: pygame.Rect) -> float:
    """The distance from a point to a rectangle (0 inside it)."""
    x, y = _nearest_point(rect, point)
    return ((x - point[0]) ** 2 + (y - point[1]) ** 2) ** 0.5


def leader_line(label: pygame.Rect, area: pygame.Rect, others: list[pygame.Rect] = ()):
    """From the label's edge to the nearest point of its place, or None when the label is :func:`beside` it."""
    if beside(label, area, list(others)):
        return None
    target = area.inflate(-min(16, area.width // 2), -min(16, area.height // 2))
    end = _nearest_point(target, label.center)
    return _nearest_point(label, end), end


def _fit(size: tuple[int, int], bounds: pygame.Rect) -> tuple[int, int]:
    return min(size[0], bounds.width), min(size[1], bounds.height)


def _best(area, size, bounds, placed, others) -> pygame.Rect:
    """The cheapest free spot that lies on no other place: by the place, else anywhere with a leader line.

    Lying on another place is ruled out, not only costly: a label there takes that place's clicks
    ("Naar de cliënt" on the flip-over in hele-team-leert at the beamer's text, played by hand).
    Only a place that holds this one whole cannot be kept clear by its label; and when the picture
    has no clear spot at all, the label takes the one that covers the least.
    """
    keep_clear = [other for other in others if not other.contains(area)]
    for spots in (lambda: _candidates(area, size, bounds), lambda: _grid(size, bounds)):
        scored = [(_cost(tag, area, others, rank), rank, tag) for rank, tag in enumerate(spots())
                  if _free(tag, placed) and not any(tag.colliderect(other) for other in keep_clear)]
        if scored:
            return min(scored, key=lambda s: (s[0], s[1]))[2]
    scored = [(_cost(tag, area, others, 0), 0, tag) for tag in _grid(size, bounds) if _free(tag, placed)]
    if not scored:   # more labels than the picture holds: the first candidate, never outside the picture
        return next(iter(_candidates(area, size, bounds)))
    return min(scored, key=lambda s: (s[0], s[1]))[2]


def _candidates(area: pygame.Rect, size: tuple[int, int], bounds: pygame.Rect):
    """Below, above, beside, inside at the bottom and top, and on its place; shifted a little each way."""
    width, height = size
    cx, cy = area.center
    spots = [("midtop", (cx, area.bottom + GAP)), ("midbottom", (cx, area.top - GAP)),
             ("midleft", (area.right + GAP, cy)), ("midright", (area.left - GAP, cy)),
             ("midbottom", (cx, area.bottom - GAP)), ("midtop", (cx, area.top + GAP)), ("center", (cx, cy))]
    for n, (anchor, (x, y)) in enumerate(spots):
        sideways = n in (2, 3)
        step = height if sideways else width // 4
        for shift in (0, -step, step, -2 * step, 2 * step):
            tag = pygame.Rect(0, 0, width, height)
            setattr(tag, anchor, (x, y + shift) if sideways else (x + shift, y))
            yield tag.clamp(bounds)


def _grid(size: tuple[int, int], bounds: pygame.Rect):
    """Every spot of the picture, half a label apart: the last resort when nothing by the place is free."""
    width, height = size
    for top in range(bounds.top, bounds.bottom - height + 1, max(1, height // 2)):
        for left in range(bounds.left, bounds.right - width + 1, max(1, width // 4)):
            yield pygame.Rect(left, top, width, height)


def _free(tag: pygame.Rect, placed: list[pygame.Rect]) -> bool:
    room = tag.inflate(2 * MARGIN, 2 * MARGIN)
    return not any(room.colliderect(p) for p in placed)


def _cost(tag: pygame.Rect, area: pygame.Rect, others: list[pygame.Rect], rank: int) -> float:
    label_area = max(1, tag.width * tag.height)
    on_others = sum(_overlap(tag, other) for other in others) / label_area
    on_own = _overlap(tag, area) / max(1, area.width * area.height)
    distance = gap(tag, area)
    leader = 0 if beside(tag, area, others) else LEADER
    return distance + leader + COVER_OTHER * min(1.0, on_others) + COVER_OWN * on_own + rank * 0.01


def _overlap(a: pygame.Rect, b: pygame.Rect) -> int:
    clipped = a.clip(b)
    return clipped.width * clipped.height


def _nearest_point(rect: pygame.Rect, point) -> tuple[int, int]:
    x, y = point
    return min(max(x, rect.left), rect.right), min(max(y, rect.top), rect.bottom)
