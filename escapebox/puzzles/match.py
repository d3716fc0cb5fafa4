"""``match``: pair two lists, e.g. situations with interventions (written as right pairs; the right column is shown shuffled).

One answer may fit several situations (the municipality and UWV both help with
regulations): the trainer writes that right-hand text at each of its pairs, and
the group sees it once and may choose it for each of them.  The answer is a list
``r`` where ``r[i]`` is the index in :attr:`MatchPuzzle.rights` chosen for left
``i``; without a shared answer those indices are the pairs' own, as they always were.
"""

from typing import Annotated, Any, Literal

from escapebox.puzzles.base import Finding, PuzzleBase, Verdict, index_list, shown_order
from escapebox.puzzles.matching import normalise
from escapebox.scenario.types import Frozen, Text, length, part


@part
class Pair(Frozen):
    left: Text
    right: Text


@part
class MatchPuzzle(PuzzleBase):
    kind: Literal["match"]
    pairs: Annotated[tuple[Pair, ...], length(2, 8)]

    @property
    def rights(self) -> tuple[str, ...]:
        """The right-hand entries the group chooses from, each text once, in the order written."""
        return tuple(dict.fromkeys(pair.right for pair in self.pairs))

    @property
    def shared(self) -> bool:
        """Whether one right-hand entry belongs to more than one left (it can then be chosen again)."""
        return len(self.rights) < len(self.pairs)

    def _chosen(self, answer: Any) -> list[int] | None:
        """A whole answer: one right entry per left, each once unless an entry is shared."""
        chosen = index_list(answer)
        if chosen is None or len(chosen) != len(self.pairs) or any(not 0 <= r < len(self.rights) for r in chosen):
            return None
        if not self.shared and sorted(chosen) != list(range(len(self.pairs))):
            return None
        return chosen

    def check(self, answer: Any) -> Verdict:
        chosen = self._chosen(answer)
        if chosen is None:
            return self.wrong()
        solution = self.solution()
        if chosen == solution:
            return Verdict(True, self.solved_text)
        right_pairs = sum(1 for got, want in zip(chosen, solution) if got == want)
        return Verdict(False, self.wrong_feedback, option=right_pairs)

    def solution(self) -> list[int]:
        rights = self.rights
        return [rights.index(pair.right) for pair in self.pairs]

    def wrong_pairs(self, answer: Any) -> list[str] | None:
        """The pairs of ``answer`` that are not right, as "left – right" (``None``: not a whole answer)."""
        chosen = self._chosen(answer)
        if chosen is None:
            return None
        rights = self.rights
        return [f"{self.pairs[left].left} – {rights[got]}"
                for left, (got, want) in enumerate(zip(chosen, self.solution())) if got != want]

    def shown_rights(self, scenario_id: str, puzzle_id: str) -> list[int]:
        """The right-hand entries' indices in the order the screen and the card show them (the left keep theirs)."""
        return shown_order(len(self.rights), scenario_id, puzzle_id, "right")

    def card_lines(self, tr, scenario_id: str, puzzle_id: str) -> list[str]:
        lefts = [f"{n}. {pair.left}" for n, pair in enumerate(self.pairs, 1)]
        rights = [f"{chr(64 + n)}. {self.rights[i]}"
                  for n, i in enumerate(self.shown_rights(scenario_id, puzzle_id), 1)]
        return lefts + rights + ([tr("print.card.match_shared")] if self.shared else [])

    def describe_solution(self) -> str:
        return "; ".join(f"{p.left} – {p.right}" for p in self.pairs)

    def describe_answer(self, answer: Any) -> str:
        chosen = index_list(answer) or []
        rights = self.rights
        return "; ".join(f"{self.pairs[left].left} – {rights[right]}"
                         for left, right in enumerate(chosen) if left < len(self.pairs) and 0 <= right < len(rights))

    def lint(self) -> list[Finding]:
        return self._lint_lefts() + self._lint_rights()

    def _lint_lefts(self) -> list[Finding]:
        """A left written twice: the same pair twice, or one situation with two answers (which one counts?)."""
        findings: list[Finding] = []
        seen: dict[str, int] = {}
        for n, pair in enumerate(self.pairs):
            first = seen.setdefault(pair.left, n)
            if first == n:
                continue
            if self.pairs[first].right == pair.right:
                findings.append(Finding("validate.puzzle.match_pair_twice", ("pairs", n), {"left": pair.left}))
            else:
                findings.append(Finding("validate.puzzle.match_left_twice", ("pairs", n, "left"),
                                        {"left": pair.left, "first": self.pairs[first].right, "second": pair.right}))
        return findings

    def _lint_rights(self) -> list[Finding]:
        """Rights that differ only in capitals, accents or spaces are shown as two: almost surely one meant twice."""
        findings: list[Finding] = []
        by_normal: dict[str, str] = {}
        for n, pair in enumerate(self.pairs):
            loose = normalise(pair.right, case_sensitive=False, accent_sensitive=False, space_sensitive=False)
            first = by_normal.setdefault(loose, pair.right)
            if first != pair.right:
                findings.append(Finding("validate.puzzle.match_right_almost_same", ("pairs", n, "right"),
                                        {"first": first, "second": pair.right}, warning=True))
        if len(self.rights) == 1:
            findings.append(Finding("validate.puzzle.match_one_right", ("pairs",), {"right": self.rights[0]},
                                    warning=True))
        return findings
