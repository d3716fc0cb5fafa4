"""``match``: pair two lists, e.g. situations with interventions (written as right pairs)."""

from typing import Annotated, Any, Literal

from escapebox.puzzles.base import Finding, PuzzleBase, Verdict, index_list
from escapebox.scenario.types import Frozen, Text, length, part


@part
class Pair(Frozen):
    left: Text
    right: Text


@part
class MatchPuzzle(PuzzleBase):
    kind: Literal["match"]
    pairs: Annotated[tuple[Pair, ...], length(2, 8)]

    def check(self, answer: Any) -> Verdict:
        chosen = index_list(answer)
        if chosen is None or sorted(chosen) != list(range(len(self.pairs))):
            return self.wrong()
        if chosen == list(range(len(self.pairs))):
            return Verdict(True, self.solved_text)
        right_pairs = sum(1 for left, right in enumerate(chosen) if left == right)
        return Verdict(False, self.wrong_feedback, option=right_pairs)

    def solution(self) -> list[int]:
        return list(range(len(self.pairs)))

    def describe_solution(self) -> str:
        return "; ".join(f"{p.left} ↔ {p.right}" for p in self.pairs)

    def describe_answer(self, answer: Any) -> str:
        chosen = index_list(answer) or []
        return "; ".join(f"{self.pairs[l].left} ↔ {self.pairs[r].right}"
                         for l, r in enumerate(chosen) if l < len(self.pairs) and 0 <= r < len(self.pairs))

    def lint(self) -> list[Finding]:
        lefts = [p.left for p in self.pairs]
        rights = [p.right for p in self.pairs]
        if len(set(lefts)) != len(lefts) or len(set(rights)) != len(rights):
            return [Finding("validate.puzzle.duplicate_entries", ("pairs",))]
        return []
