"""One screen per puzzle kind; ``puzzle_screen`` picks the right one.

A screen registers by declaring the kind it shows (``puzzle_kind = "order"``
on a :class:`PuzzleScreen` subclass).  The screens are the modules of this
package, imported when a puzzle screen is first asked for (not at start-up),
so a new kind's screen is a new module here and nothing else.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from escapebox.ui.screens.puzzles.base import PuzzleScreen


@lru_cache(maxsize=1)
def _import_screen_modules() -> tuple[str, ...]:
    names = tuple(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))
    for name in names:
        importlib.import_module(f"{__name__}.{name}")
    return names


def screen_classes() -> dict[str, type[PuzzleScreen]]:
    """Puzzle kind → the screen that shows it: every loaded screen class that declares ``puzzle_kind``."""
    _import_screen_modules()
    found: dict[str, type[PuzzleScreen]] = {}
    todo = [PuzzleScreen]
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        kind = cls.__dict__.get("puzzle_kind")
        if kind is None:
            continue
        if kind in found and found[kind] is not cls:
            raise TypeError(f"two screens for the puzzle kind {kind!r}: {found[kind].__qualname__}, {cls.__qualname__}")
        found[kind] = cls
    return found


def puzzle_screen(app, puzzle_id: str, via: str | None = None) -> PuzzleScreen:
    kind = app.game.scenario.puzzles[puzzle_id].kind
    return screen_classes()[kind](app, puzzle_id, via=via)


__all__ = ["puzzle_screen", "screen_classes", "PuzzleScreen"]
