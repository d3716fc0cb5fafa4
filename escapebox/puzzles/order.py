"""``order``: put steps in the right order (written here in the right order; shown shuffled, on screen and on paper)."""

from typing import Annotated, Any, Literal

from escapebox.puzzles.base import Finding, PuzzleBase, Verdict, index_list, shown_order
from escapebox.scenario.types import Text, length, part


@part
class OrderPuzzle(PuzzleBase):
    kind: Literal["order"]
    steps: Annotated[tuple[Text, ...], length(3, 10)]

    def check(self, answer: Any) -> Verdict:
        order = index_list(answer)
        if order is None or sorted(order) != list(range(len(self.steps))):
            return self.wrong()
        if order == list(range(len(self.steps))):
            return Verdict(True, self.solved_text)
        in_place = sum(1 for position, step in enumerate(order) if position == step)
        return Verdict(False, self.wrong_feedback, option=in_place)

    def solution(self) -> list[int]:
        return list(range(len(self.steps)))

    def shown_steps(self, scenario_id: str, puzzle_id: str) -> list[int]:
        """The step indices in the order the screen starts with and the card prints."""
        return shown_order(len(self.steps), scenario_id, puzzle_id)

    def card_lines(self, tr, scenario_id: str, puzzle_id: str) -> list[str]:
        return [f"• {self.steps[i]}" for i in self.shown_steps(scenario_id, puzzle_id)]

    def describe_solution(self) -> str:
        return " » ".join(self.steps)

    def describe_answer(self, answer: Any) -> str:
        order = index_list(answer) or []
        return " » ".join(self.steps[i] for i in order if 0 <= i < len(self.steps))

    def lint(self) -> list[Finding]:
        if len(set(self.steps)) != len(self.steps):
            return [Finding("validate.puzzle.duplicate_entries", ("steps",))]
        return []
