"""Label placement is searched once per room layout (entering a room re-used it: docs/performance.md).

Searching the spots took 4-6 ms a room at 1920x1080, every time a room screen was built, which put
entering hele-team-leert's first room over one 60 Hz frame; ``labels.place`` now remembers it.
"""

import pygame

from escapebox.ui import labels

AREAS = [pygame.Rect(100, 100, 80, 60), pygame.Rect(200, 120, 60, 60), pygame.Rect(400, 300, 120, 90)]
SIZES = [(90, 24), (140, 24), (70, 24)]
BOUNDS = pygame.Rect(0, 0, 800, 450)


def test_the_same_layout_is_searched_once(monkeypatch):
    searched = []
    real = labels._search
    monkeypatch.setattr(labels, "_search", lambda *a: searched.append(a) or real(*a))
    labels._placed.cache_clear()
    first = labels.place(AREAS, SIZES, BOUNDS)
    again = labels.place([pygame.Rect(a) for a in AREAS], list(SIZES), pygame.Rect(BOUNDS))
    assert len(searched) == 1
    assert [p.rect for p in again] == [p.rect for p in first]
    assert [p.leader for p in again] == [p.leader for p in first]
    labels.place(AREAS, SIZES, pygame.Rect(0, 0, 801, 450))       # another picture size: searched again
    assert len(searched) == 2


def test_a_remembered_placement_is_the_search_and_cannot_be_changed_through_a_caller():
    labels._placed.cache_clear()
    searched = labels._search([pygame.Rect(a) for a in AREAS], [labels._fit(s, BOUNDS) for s in SIZES], BOUNDS)
    first = labels.place(AREAS, SIZES, BOUNDS)
    assert [p.rect for p in first] == [p.rect for p in searched]
    first[0].rect.move_ip(500, 500)                                  # a caller moves its rectangle
    assert labels.place(AREAS, SIZES, BOUNDS)[0].rect == searched[0].rect
