"""``match``: pair two lists, e.g. situations with interventions (written as right pairs; the right column is shown shuffled)."""

from typing import Annotated, Any, Literal

from escapebox.puzzles.base import Finding, PuzzleBase, Verdict, index_list, shown_order
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

    def shown_rights(self, scenario_id: str, puzzle_id: str) -> list[int]:
        """The right-hand entries' indices in the order the screen and the card show them (the left keep theirs)."""
        return shown_order(len(self.pairs), scenario_id, puzzle_id, "right")

    def card_lines(self, tr, scenario_id: str, puzzle_id: str) -> list[str]:
        lefts = [f"{n}. {pair.left}" for n, pair in enumerate(self.pairs, 1)]
        rights = [f"{chr(64 + n)}. {self.pairs[i].right}"
                  for n, i in enumerate(self.shown_rights(scenario_id, puzzle_id), 1)]
        return lefts + rights

    def describe_solution(self) -> str:
        return "; ".join(f"{p.left} – {p.right}" for p in self.pairs)

    def describe_answer(self, answer: Any) -> str:
        chosen = index_list(answer) or []
        return "; ".join(f"{self.pairs[left].left} – {self.pairs[right].right}"
                         for left, right in enumerate(chosen) if left < len(self.pairs) and 0 <= right < len(self.pairs))

    def lint(self) -> list[Finding]:
        lefts = [p.left for p in self.pairs]
        rights = [p.right for p in self.pairs]
        if len(set(lefts)) != len(lefts) or len(set(rights)) != len(rights):
            return [Finding("validate.puzzle.duplicate_entries", ("pairs",))]
        return []
