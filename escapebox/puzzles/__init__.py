"""Every puzzle kind, one module each; this file is the registry that lists them.

``KINDS`` is the one place that says which kinds exist, in the order trainers
see them ("kies uit code, word, …").  Everything else asks a kind through its
class (the contract in ``escapebox/puzzles/base.py``: check, solution, lint,
card_lines, …) and never switches on its name; the UI finds the kind's screen
by the name (``escapebox/ui/screens/puzzles``).  CONTRIBUTING.md says what
adding a kind takes.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import TYPE_CHECKING, Annotated, Union, get_args

from escapebox.puzzles.base import Finding, PuzzleBase, Verdict
from escapebox.puzzles.choice import ChoicePuzzle
from escapebox.puzzles.code import CodePuzzle
from escapebox.puzzles.combine import CombinePuzzle
from escapebox.puzzles.dilemma import DilemmaPuzzle
from escapebox.puzzles.match import MatchPuzzle
from escapebox.puzzles.meta import MetaPuzzle
from escapebox.puzzles.order import OrderPuzzle
from escapebox.puzzles.spot import SpotPuzzle
from escapebox.puzzles.word import WordPuzzle
from escapebox.scenario.types import Rule, part_fields

#: The registry of puzzle kinds.  Read it through :func:`kind_classes` at the moment of use
#: (never ``from … import KINDS``), so that a kind added in a test is seen everywhere.
KINDS: tuple[type[PuzzleBase], ...] = (
    CodePuzzle, WordPuzzle, ChoicePuzzle, OrderPuzzle, MatchPuzzle,
    SpotPuzzle, CombinePuzzle, MetaPuzzle, DilemmaPuzzle,
)


def kind_classes() -> tuple[type[PuzzleBase], ...]:
    """The model class of every kind, in the registry's order."""
    return KINDS


@lru_cache(maxsize=None)
def kind_name(cls: type[PuzzleBase]) -> str:
    """The ``kind:`` a class accepts (read from its type only when asked: resolving types is slow at import)."""
    return get_args(part_fields(cls)["kind"].annotation)[0]  # type: ignore[arg-type]  # python/mypy#11470


def puzzle_kinds() -> tuple[str, ...]:
    """The name of every kind, in the registry's order."""
    return tuple(kind_name(cls) for cls in kind_classes())  # type: ignore[arg-type]  # python/mypy#11470


def kinds_named(puzzles: object) -> tuple[type[PuzzleBase], ...] | None:
    """The registered kinds a scenario's raw ``puzzles:`` names, in the registry's order.

    ``None`` when any entry is not a mapping with a registered ``kind:`` (or ``puzzles`` is
    not a mapping): only the union of every kind gives the known message for that, e.g. the
    list of kinds after an unknown one.  A scenario without puzzles gets the first kind: pydantic
    needs a union of at least one, and it validates no entry.
    """
    if not puzzles:
        return kind_classes()[:1]
    if not isinstance(puzzles, dict):
        return None
    by_name = {kind_name(cls): cls for cls in kind_classes()}  # type: ignore[arg-type]  # python/mypy#11470
    named = set()
    for entry in puzzles.values():
        kind = entry.get("kind") if isinstance(entry, dict) else None
        if type(kind) is not str or kind not in by_name:
            return None
        named.add(by_name[kind])
    return tuple(cls for cls in kind_classes() if cls in named)


#: The kinds pydantic is to build ``Puzzle`` from, while :func:`only_kinds` holds; else every kind.
_ONLY: ContextVar[tuple[type[PuzzleBase], ...] | None] = ContextVar("only_kinds", default=None)


@contextmanager
def only_kinds(kinds: tuple[type[PuzzleBase], ...]) -> Iterator[None]:
    """Pydantic builds ``Puzzle`` as the union of ``kinds`` alone inside this block.

    Building the union of all nine kinds was about 40 % of building the scenario's validator
    (docs/performance.md); a file that uses three kinds needs only their part of it.
    """
    token = _ONLY.set(kinds)
    try:
        yield
    finally:
        _ONLY.reset(token)


class _RegisteredKinds:
    """Pydantic reads ``Puzzle`` as the union of the kinds in the registry when it builds its validator.

    The annotation below names the kinds listed at import (so code that walks the
    model's types sees them); pydantic is handed :func:`kind_classes` as it is
    then, which is the same list unless a test added a kind, or the kinds of
    :func:`only_kinds`.  A union of one kind is still a tagged union: a finding's
    place names the kind (``puzzles.kluis.code.answr``) as with all of them.
    """

    __slots__ = ()

    def __get_pydantic_core_schema__(self, source, handler):
        kinds = _ONLY.get()
        if kinds is None:
            kinds = kind_classes()
        if len(kinds) == 1:
            # pydantic before 2.10 collapses a union of one into the class and refuses the tag on it
            # (the lowest-versions run); a second kind keeps it a tagged union, with the same places
            kinds = kinds + tuple(k for k in kind_classes() if k is not kinds[0])[:1]
        return handler(Annotated[Union[kinds], Rule("Discriminator", "kind")])

    def __repr__(self) -> str:
        return "RegisteredKinds()"


if TYPE_CHECKING:
    # The union is built from the registry at run time; a type checker sees the shared contract.
    Puzzle = PuzzleBase
else:
    Puzzle = Annotated[Union[KINDS], _RegisteredKinds()]

__all__ = ["Puzzle", "PuzzleBase", "Verdict", "Finding", "KINDS", "kind_classes", "kind_name", "kinds_named",
           "only_kinds", "puzzle_kinds"]
