"""``combine``: open the lock by bringing the right items from the inventory together."""

from typing import Annotated, Any, Literal

from escapebox.puzzles.base import PuzzleBase, Verdict
from escapebox.scenario.types import length, part, refs


@part
class CombinePuzzle(PuzzleBase):
    kind: Literal["combine"]
    items: Annotated[refs("item"), length(1, 6)]

    def required_items(self) -> tuple[str, ...]:
        return self.items

    def check(self, answer: Any) -> Verdict:
        if not isinstance(answer, (list, tuple)) or not all(isinstance(a, str) for a in answer):
            return self.wrong()
        if sorted(set(answer)) == sorted(set(self.items)):
            return Verdict(True, self.solved_text)
        return self.wrong()

    def solution(self) -> list[str]:
        return list(self.items)

    def describe_solution(self) -> str:
        return " + ".join(self.items)

    def describe_answer(self, answer: Any) -> str:
        return " + ".join(str(a) for a in answer) if isinstance(answer, (list, tuple)) else str(answer)
