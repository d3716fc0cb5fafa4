"""Whether a final lock (``meta``) can be opened with what its tiles show.

The docs say a meta answer "follows from the results" of the puzzles in ``from``; the
screen shows one tile per result, and clicking a tile adds its result to the answer, with
nothing in between.  Two mistakes pass every other check and make the walkthrough type
something no group would:

* an answer made of other letters than the results (results S, A, M, E, N and ``answer:
  hulp``);
* with one letter or digit per tile, an answer with spaces (``answer: S A M E N``): the
  tiles give ``SAMEN``, and a space in an answer counts (docs/rules.md), so no group
  that clicks or types the letters gets in.

And one that passes and opens the lock without thinking: the tiles stand in the order of
``from``, so with ``from`` in the answer's order the group reads the answer straight off
them (results S, T, A, G, E in that order for ``answer: STAGE``).  That one is said at
``from``, the field to shuffle.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from escapebox.puzzles.base import TextAnswerPuzzle

#: (message code, YAML path, message parameters): the validator adds file, line and column.
Finding = tuple[str, tuple, dict]


def meta_answer_findings(scenario) -> Iterator[Finding]:
    for pid, puzzle in scenario.puzzles.items():
        # A typed answer built from earlier puzzles' results: the tiles of the final lock (kind: meta).
        if puzzle.sealed or not isinstance(puzzle, TextAnswerPuzzle) or not puzzle.prerequisite_puzzles():
            continue
        results = [scenario.puzzles[p].result for p in puzzle.prerequisite_puzzles() if p in scenario.puzzles]
        if not results or None in results:
            continue  # a missing result has its own message (validate.meta_source_no_result)
        yield from _answer_findings(pid, puzzle, results)


def _answer_findings(pid: str, puzzle: TextAnswerPuzzle, results: list[str]) -> Iterator[Finding]:
    tiles = ", ".join(f"'{r}'" for r in results)
    wanted = _letters(puzzle, "".join(results))
    single = all(len(r.strip()) == 1 for r in results)
    for number, answer in enumerate(puzzle.answer):
        path = ("puzzles", pid, "answer", number)
        if _letters(puzzle, answer) != wanted:
            yield "validate.meta_answer_not_from_results", path, {"puzzle": pid, "answer": answer, "results": tiles}
        elif single and not puzzle.check("".join(ch for ch in answer if not ch.isspace())).correct:
            joined = "".join(ch for ch in answer if not ch.isspace())
            yield "validate.meta_answer_spaces", path, {"puzzle": pid, "answer": answer, "joined": joined}
    spelled = next((a for a in puzzle.answer if _in_order(puzzle, a) == _in_order(puzzle, "".join(results))), None)
    if spelled is not None:
        yield "validate.meta_answer_in_tile_order", ("puzzles", pid, "from"), {"puzzle": pid, "answer": spelled,
                                                                               "results": tiles}


def _letters(puzzle: TextAnswerPuzzle, text: str) -> Counter:
    """The letters and digits of ``text`` as the puzzle compares them (case, accents), in any order."""
    return Counter(ch for ch in puzzle.normal(text) if ch.isalnum())


def _in_order(puzzle: TextAnswerPuzzle, text: str) -> list[str]:
    """The letters and digits of ``text`` as the puzzle compares them, in their order (spaces left out)."""
    return [ch for ch in puzzle.normal(text) if ch.isalnum()]
