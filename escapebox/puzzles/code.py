"""``code``: a combination lock with digits, typed on a keypad."""

from typing import Literal

from escapebox.puzzles.base import Finding, TextAnswerPuzzle
from escapebox.scenario.types import part


@part
class CodePuzzle(TextAnswerPuzzle):
    kind: Literal["code"]

    @property
    def digits(self) -> int:
        return len(self.answer[0])

    def card_lines(self, tr, scenario_id: str, puzzle_id: str) -> list[str]:
        return [tr("print.card.code_boxes", count=self.digits)]

    def lint(self) -> list[Finding]:
        findings = super().lint()
        for number, answer in enumerate(self.answer):
            if not answer.isdigit():
                findings.append(Finding("validate.puzzle.code_not_digits", ("answer", number), {"answer": answer}))
        if len({len(a) for a in self.answer}) > 1:
            findings.append(Finding("validate.puzzle.code_lengths_differ", ("answer",), warning=True))
        return findings
