"""``meta``: the final lock, whose code is built from the results of earlier puzzles.

Each puzzle named in ``from`` shows its ``result`` (a digit, a letter, a
word) when solved; the meta screen lays those results out as tiles and the
group types (or clicks together) the combined answer.
"""

from typing import Literal

from pydantic import Field

from escapebox.puzzles.base import Finding, TextAnswerPuzzle
from escapebox.scenario.types import refs


class MetaPuzzle(TextAnswerPuzzle):
    kind: Literal["meta"]
    from_: refs("puzzle") = Field(alias="from", min_length=2)

    def prerequisite_puzzles(self) -> tuple[str, ...]:
        return self.from_
