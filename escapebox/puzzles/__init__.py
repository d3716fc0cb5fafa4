"""Every puzzle kind, one module each; this file is the registry that lists them.

``KINDS`` is the one place that says which kinds exist, in the order trainers
see them ("kies uit code, word, …").  Everything else asks a kind through its
class (the contract in ``escapebox/puzzles/base.py``: check, solution, lint,
card_lines, …) and never switches on its name; the UI finds the kind's screen
by the name (``escapebox/ui/screens/puzzles``).  CONTRIBUTING.md says what
adding a kind takes.
"""

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


class _RegisteredKinds:
    """Pydantic reads ``Puzzle`` as the union of the kinds in the registry when it builds its validator.

    The annotation below names the kinds listed at import (so code that walks the
    model's types sees them); pydantic is handed :func:`kind_classes` as it is
    then, which is the same list unless a test added a kind.
    """

    __slots__ = ()

    def __get_pydantic_core_schema__(self, source, handler):
        kinds = kind_classes()
        return handler(Annotated[Union[kinds], Rule("Discriminator", "kind")])

    def __repr__(self) -> str:
        return "RegisteredKinds()"


if TYPE_CHECKING:
    # The union is built from the registry at run time; a type checker sees the shared contract.
    Puzzle = PuzzleBase
else:
    Puzzle = Annotated[Union[KINDS], _RegisteredKinds()]

__all__ = ["Puzzle", "PuzzleBase", "Verdict", "Finding", "KINDS", "kind_classes", "kind_name", "puzzle_kinds"]
