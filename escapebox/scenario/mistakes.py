"""A wrong attempt in the group's words, for the debrief and the report.

What a kind's ``describe_answer`` gives is the whole answer: every pair of a
match, every step of an order, the coordinates of a spot.  On a projected
debrief that is a paragraph nobody reads, and "(36%, 50%)" means nothing
to a group.  A trainer asks about the mistake, so this module names only it:

- **match**: the pairs that were wrong ("Twee keer ziek gemeld – Er speelt
  iets met haar eigen gezondheid");
- **order**: the steps that were out of place, with where they stood and
  where they belong;
- **spot**: "naast het doel", or which decoy the group chose (its feedback
  starts with what the trainer wrote about it);
- **choice** with several right options: which options were chosen wrongly
  and which right ones were missed, each named by the start of its text
  (the whole answer ran as one line of every option ticked);
- every other kind: what the group typed or picked (``describe_answer``).

Like :mod:`escapebox.scenario.freesolve`, this module knows these four
kinds by their class: a new kind whose answer is not readable as it is adds
its case here.
"""

from __future__ import annotations

from typing import Any, Mapping

from escapebox.puzzles.base import index_list
from escapebox.puzzles.choice import ChoicePuzzle
from escapebox.puzzles.combine import CombinePuzzle
from escapebox.puzzles.match import MatchPuzzle
from escapebox.puzzles.order import OrderPuzzle
from escapebox.puzzles.spot import SpotPuzzle

#: A decoy is named by the start of its feedback: 60 characters is about half a line on the
#: projected debrief at 1920 wide (the bundled decoys' first clauses are 40 to 70 characters).
DECOY_WORDS = 60
#: An option is named by its start: 40 characters keeps three named options on one line of the
#: projected debrief at 1920 wide; the bundled multiple choices' options are 29 to 99 characters,
#: and their start ("Een moedercontract: vaste diensten …") is what the group remembers.
OPTION_WORDS = 40


def describe_mistake(puzzle, answer: Any, tr, item_names: Mapping[str, str] | None = None) -> str:
    """The mistake in ``answer`` (a wrong one), in ``tr``'s language.

    ``item_names`` (item id → name): a combination is logged by the items' ids, which the group
    never saw; the debrief says "Zaklamp + Batterij", not "zaklamp + batterij_oud".
    """
    if isinstance(puzzle, CombinePuzzle) and item_names:
        chosen = answer if isinstance(answer, (list, tuple)) else [answer]
        return " + ".join(item_names.get(str(item), str(item)) for item in chosen)
    describe: Any = _BY_CLASS.get(type(puzzle))
    text = describe(puzzle, answer, tr) if describe and not puzzle.sealed else None
    return text or puzzle.describe_answer(answer)


def _match(puzzle: MatchPuzzle, answer, tr) -> str | None:
    wrong = puzzle.wrong_pairs(answer)      # one right entry may belong to several lefts: the kind knows
    if wrong is None:
        return None
    return tr("report.mistake.pairs", count=len(wrong), of=len(puzzle.pairs), pairs="; ".join(wrong))


def _order(puzzle: OrderPuzzle, answer, tr) -> str | None:
    order = index_list(answer)
    if order is None or sorted(order) != list(range(len(puzzle.steps))):
        return None
    misplaced = [tr("report.mistake.step", step=puzzle.steps[step], place=place + 1, right=step + 1)
                 for place, step in enumerate(order) if place != step]
    return tr("report.mistake.steps", count=len(misplaced), steps="; ".join(misplaced))


def _spot(puzzle: SpotPuzzle, answer, tr) -> str | None:
    if not isinstance(answer, (list, tuple)) or len(answer) != 2:
        return None
    try:
        x, y = float(answer[0]), float(answer[1])
    except (TypeError, ValueError):
        return None
    for decoy in puzzle.decoys:
        if decoy.area.contains(x, y):
            return tr("report.mistake.decoy", decoy=_start(decoy.feedback))
    return tr("report.mistake.missed")


def _start(text: str, limit: int = DECOY_WORDS) -> str:
    """The first sentence of ``text`` (a decoy's feedback, an option), cut at a word near ``limit`` characters."""
    first = text.split(". ")[0].rstrip(".")
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0] + " …"


def _choice(puzzle: ChoicePuzzle, answer, tr) -> str | None:
    """Several right options: the wrong ticks and the missed ones; a single choice is its one option already."""
    chosen = index_list(answer)
    if not puzzle.multiple or chosen is None or any(not 0 <= i < len(puzzle.options) for i in chosen):
        return None
    picked = set(chosen)
    wrong = [i for i in sorted(picked) if not puzzle.options[i].correct]
    missed = [i for i in puzzle.correct_indices() if i not in picked]
    parts = ([tr("report.mistake.chosen_wrongly", options=_options(puzzle, wrong))] if wrong else []) + \
        ([tr("report.mistake.missed_options", options=_options(puzzle, missed))] if missed else [])
    return "; ".join(parts) or None


def _options(puzzle: ChoicePuzzle, numbers: list[int]) -> str:
    return ", ".join(f"‘{_start(puzzle.options[i].text, OPTION_WORDS)}’" for i in numbers)


_BY_CLASS = {MatchPuzzle: _match, OrderPuzzle: _order, SpotPuzzle: _spot, ChoicePuzzle: _choice}
