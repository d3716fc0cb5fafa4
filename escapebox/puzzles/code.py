"""``code``: a combination lock with digits, typed on a keypad."""

from typing import ClassVar, Literal

from escapebox.puzzles.base import Finding, TextAnswerPuzzle
from escapebox.scenario.types import part


@part
class CodePuzzle(TextAnswerPuzzle):
    kind: Literal["code"]
    #: digits only: a space typed between them (``04 12``) is a separator, not part of the code
    inner_spaces: ClassVar[bool] = False

    @property
    def digits(self) -> int:
        """How many digits the keypad and the printed card have room for (a pack says it without the code)."""
        if self._seal is not None:
            return max(1, min(self._seal.fact("digits", int, 4), 40))
        return len(self.normal(self.answer[0]))

    def sealed_facts(self) -> dict:
        return {"digits": self.digits}

    def card_lines(self, tr, scenario_id: str, puzzle_id: str) -> list[str]:
        return [tr("print.card.code_boxes", count=self.digits)]

    def lint(self) -> list[Finding]:
        findings = super().lint()
        for number, answer in enumerate(self.answer):
            normal = self.normal(answer)
            # what the keypad types: 0-9 (full-width digits are these after normalising; other
            # scripts' digits are not, and the keypad has no key for them)
            if not (normal.isascii() and normal.isdigit()):
                findings.append(Finding("validate.puzzle.code_not_digits", ("answer", number), {"answer": answer}))
        if len({len(self.normal(a)) for a in self.answer}) > 1:
            findings.append(Finding("validate.puzzle.code_lengths_differ", ("answer",), warning=True))
        return findings
