"""``spot``: click the right place in an image (areas in percent of the image)."""

from typing import Any, ClassVar, Literal

from escapebox.puzzles.base import PuzzleBase, Verdict
from escapebox.scenario.area import AreaSpec
from escapebox.scenario.types import Frozen, ImagePath, Text, part


@part
class Decoy(Frozen):
    area: AreaSpec
    feedback: Text


@part
class SpotPuzzle(PuzzleBase):
    kind: Literal["spot"]
    shows_image: ClassVar[bool] = True     # the picture the group clicks on
    image: ImagePath
    target: AreaSpec
    decoys: tuple[Decoy, ...] = ()

    def check(self, answer: Any) -> Verdict:
        point = _point(answer)
        if point is None:
            return self.wrong()
        if self.target.contains(*point):
            return Verdict(True, self.solved_text)
        for decoy in self.decoys:
            if decoy.area.contains(*point):
                return self.wrong(decoy.feedback)
        return self.wrong()

    def solution(self) -> list[float]:
        return list(self.target.centre())

    def describe_solution(self) -> str:
        return self.target.describe()

    def solution_words(self, tr) -> str:
        # the console showed the area as the author typed it, "[1.7, 65, 90.2, 18.9]" (issue #17)
        area = self.target
        return tr("print.sheet.spot_words", left=f"{area.x:g}", right=f"{area.x + area.w:g}",
                  top=f"{area.y:g}", bottom=f"{area.y + area.h:g}")

    def describe_answer(self, answer: Any) -> str:
        point = _point(answer)
        return f"({point[0]:.0f}%, {point[1]:.0f}%)" if point else "?"


def _point(answer: Any) -> tuple[float, float] | None:
    if not isinstance(answer, (list, tuple)) or len(answer) != 2:
        return None
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in answer):
        return None
    return float(answer[0]), float(answer[1])
