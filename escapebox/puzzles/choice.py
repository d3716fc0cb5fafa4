"""``choice``: pick the right option, or all right options when several are correct."""

from typing import Annotated, Any, ClassVar, Literal

from escapebox.puzzles.base import Finding, PuzzleBase, Secrets, Verdict, index_list
from escapebox.scenario.types import Flag, Frozen, Text, length, part


@part
class ChoiceOption(Frozen):
    text: Text
    correct: Flag = False
    feedback: Text | None = None


@part
class ChoicePuzzle(PuzzleBase):
    kind: Literal["choice"]
    #: the sheet the options are about, beside the question (the dilemma screen is the same screen)
    shows_image: ClassVar[bool] = True
    options: Annotated[tuple[ChoiceOption, ...], length(2, 12)]

    @property
    def multiple(self) -> bool:
        """Several right options (the screen then shows check boxes): shown to the group, so a pack keeps it."""
        if self._seal is not None:
            return self._seal.fact("multiple", bool, False)
        return sum(o.correct for o in self.options) > 1

    def correct_indices(self) -> list[int]:
        return [i for i, o in enumerate(self.options) if o.correct]

    @staticmethod
    def set_key(chosen) -> str:
        """The key of a set of options, as a pack hashes it: the order of picking does not count."""
        return "options:" + ",".join(str(i) for i in sorted(set(chosen)))

    @staticmethod
    def option_key(index: int) -> str:
        return f"wrong option:{index}"

    def secrets(self) -> Secrets:
        """The set of right options opens; each wrong option with feedback gives it (by its own key)."""
        feedback = {self.option_key(i): o.feedback for i, o in enumerate(self.options) if not o.correct and o.feedback}
        return Secrets((self.set_key(self.correct_indices()),), feedback, {"multiple": self.multiple})

    def sealed_entry(self, entry: dict) -> dict:
        for option in entry.get("options") or ():
            if isinstance(option, dict):
                option.pop("correct", None)
                option.pop("feedback", None)   # a wrong option's travels hashed; a right one's is never shown
        return entry

    def check(self, answer: Any) -> Verdict:
        chosen = index_list(answer)
        if chosen is None or any(not 0 <= i < len(self.options) for i in chosen):
            return self.wrong()
        if self._seal is not None:
            return self._check_sealed(chosen)
        if sorted(set(chosen)) == self.correct_indices():
            return Verdict(True, self.solved_text)
        wrong_picks = [i for i in chosen if not self.options[i].correct]
        feedback = next((self.options[i].feedback for i in wrong_picks if self.options[i].feedback), None)
        return self.wrong(feedback)

    def _check_sealed(self, chosen: list[int]) -> Verdict:
        seal = self._seal
        assert seal is not None
        if chosen and seal.opens_with(self.set_key(chosen)):
            return Verdict(True, self.solved_text)
        for index in dict.fromkeys(chosen):
            feedback = seal.feedback_for(self.option_key(index))
            if feedback:
                return self.wrong(feedback)
        return self.wrong()

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
        # check() answers a right pick with solved_text, and the trainer's sheet prints only the
        # wrong options' feedback: a right option's feedback is written and never shown
        return [Finding("validate.puzzle.choice_right_feedback", ("options", i, "feedback"), warning=True)
                for i in self.correct_indices() if self.options[i].feedback]
