"""``word``: a free-text answer, such as a name, a term or a short phrase."""

from typing import Literal

from escapebox.puzzles.base import TextAnswerPuzzle
from escapebox.scenario.types import part


@part
class WordPuzzle(TextAnswerPuzzle):
    kind: Literal["word"]
