"""``word``: a free-text answer, such as a name, a term or a short phrase."""

from typing import ClassVar, Literal

from escapebox.puzzles.base import TextAnswerPuzzle
from escapebox.scenario.types import part


@part
class WordPuzzle(TextAnswerPuzzle):
    kind: Literal["word"]
    #: the sheet the group reads to find the word (a rooster, a handover), beside the question
    shows_image: ClassVar[bool] = True
