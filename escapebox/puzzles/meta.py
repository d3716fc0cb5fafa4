"""``meta``: the final lock, whose code is built from the results of earlier puzzles.

Each puzzle named in ``from`` shows its ``result`` (a digit, a letter, a
word) when solved; the meta screen lays those results out as tiles and the
group types (or clicks together) the combined answer.
"""

from dataclasses import field
from typing import Annotated, Literal

from escapebox.puzzles.base import TextAnswerPuzzle
from escapebox.scenario.types import length, part, refs


@part
class MetaPuzzle(TextAnswerPuzzle):
    kind: Literal["meta"]
    from_: Annotated[refs("puzzle"), length(2)] = field(metadata={"alias": "from"})

    def prerequisite_puzzles(self) -> tuple[str, ...]:
        return self.from_
