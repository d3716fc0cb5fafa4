"""Every puzzle kind, one module each; this file only lists them.

Adding a kind means adding its module here and a screen for it in the UI.
"""

from typing import Annotated, Union, get_args

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

PUZZLE_CLASSES = (
    CodePuzzle, WordPuzzle, ChoicePuzzle, OrderPuzzle, MatchPuzzle,
    SpotPuzzle, CombinePuzzle, MetaPuzzle, DilemmaPuzzle,
)


def puzzle_kinds() -> tuple[str, ...]:
    """The ``kind`` each class accepts (read from its type only when asked: resolving types is slow at import)."""
    return tuple(get_args(part_fields(cls)["kind"].annotation)[0] for cls in PUZZLE_CLASSES)


Puzzle = Annotated[Union[PUZZLE_CLASSES], Rule("Discriminator", "kind")]

__all__ = ["Puzzle", "PuzzleBase", "Verdict", "Finding", "puzzle_kinds", "PUZZLE_CLASSES"]
