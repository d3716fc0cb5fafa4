"""``choice``: pick the right option, or all right options when several are correct."""

from typing import Annotated, Any, Literal

from escapebox.puzzles.base import Finding, PuzzleBase, Verdict, index_list
from escapebox.scenario.types import Flag, Frozen, Text, length, part


@part
class ChoiceOption(Frozen):
    text: Text
    correct: Flag = False
    feedback: Text | None = None


@part
class ChoicePuzzle(PuzzleBase):
    kind: Literal["choice"]
    options: Annotated[tuple[ChoiceOption, ...], length(2, 12)]

    @property
    def multiple(self) -> bool:
        return sum(o.correct for o in self.options) > 1

    def correct_indices(self) -> list[int]:
        return [i for i, o in enumerate(self.options) if o.correct]

    def check(self, answer: Any) -> Verdict:
        chosen = index_list(answer)
        if chosen is None or any(not 0 <= i < len(self.options) for i in chosen):
            return self.wrong()
        if sorted(set(chosen)) == self.correct_indices():
            return Verdict(True, self.solved_text)
        wrong_picks = [i for i in chosen if not self.options[i].correct]
        feedback = next((self.options[i].feedback for i in wrong_picks if self.options[i].feedback), None)
        return self.wrong(feedback)

    def solution(self) -> list[int]:
        return self.correct_indices()

    def describe_solution(self) -> str:
        return " + ".join(self.options[i].text for i in self.correct_indices())

    def card_lines(self, tr, scenario_id: str, puzzle_id: str) -> list[str]:
        return [f"{n}. {option.text}" for n, option in enumerate(self.options, 1)]

    def answer_texts(self) -> tuple[str, ...]:
        return tuple(self.options[i].text for i in self.correct_indices())

    def describe_answer(self, answer: Any) -> str:
        chosen = index_list(answer) or []
        return " + ".join(self.options[i].text for i in chosen if 0 <= i < len(self.options))

    def lint(self) -> list[Finding]:
        if not self.correct_indices():
            return [Finding("validate.puzzle.choice_none_correct", ("options",))]
        return []
