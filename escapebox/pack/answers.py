"""Answers in a pack: slow salted hashes for the game, the trainer's file only with the password.

Writer side: :func:`seal_document` asks every puzzle's kind what it keeps secret
(:meth:`~escapebox.puzzles.base.PuzzleBase.secrets`: every accepted answer and variant,
every near miss, the set of right options of a choice and each wrong option's feedback)
and replaces that part of the document by a ``sealed`` block of scrypt digests
(:mod:`escapebox.pack.kdf`) and the facts the screens still need; the kind itself says
what is left of its YAML mapping (:meth:`~escapebox.puzzles.base.PuzzleBase.sealed_entry`).

Reader side: :func:`take_seals` takes those blocks out of the document before the model is
built, and :func:`attach_seals` gives every puzzle its :class:`~escapebox.puzzles.base.Seal`,
so each kind's ``check`` works without the answers (a kind with nothing secret gets an
empty seal: it, too, has no trainer view).
"""

from __future__ import annotations

import copy
import dataclasses
import re
from typing import Any

from escapebox.pack.kdf import ANSWER_COST, Cost, answer_hasher
from escapebox.problems import EscapeboxError, Problem
from escapebox.puzzles.base import PuzzleBase, Seal
from escapebox.scenario.model import Scenario
from escapebox.scenario.sources import without_trainer_only

SEALED_KEY = "sealed"
_DIGEST = re.compile(r"^[0-9a-f]{64}$")
MAX_FACTS = 8


def seal_document(data: dict, scenario: Scenario, salt: bytes, cost: Cost = ANSWER_COST) -> dict:
    """A copy of the document data in which no puzzle holds what its kind keeps secret, nor any
    sources or trainer notes (the trainer's own file keeps them)."""
    sealed = without_trainer_only(copy.deepcopy(data))
    for pid, puzzle in scenario.puzzles.items():
        secrets = puzzle.secrets()
        if secrets is None:
            continue
        digest = answer_hasher(salt, pid, cost)
        entry = puzzle.sealed_entry(sealed["puzzles"][pid])
        entry[SEALED_KEY] = {
            "opens": sorted({digest(key) for key in secrets.opens}),
            "feedback": {digest(key): text for key, text in secrets.feedback.items()},
            "facts": dict(secrets.facts),
        }
        sealed["puzzles"][pid] = entry
    return sealed


def take_seals(data: Any, file: str) -> dict[str, dict]:
    """Remove the ``sealed`` blocks from the document data (in place); return them by puzzle id, checked."""
    blocks = {}
    puzzles = data.get("puzzles") if isinstance(data, dict) else None
    for pid, entry in (puzzles.items() if isinstance(puzzles, dict) else ()):
        if isinstance(entry, dict) and SEALED_KEY in entry:
            block = entry.pop(SEALED_KEY)
            if not _well_formed(block):
                raise damaged(file)
            blocks[str(pid)] = block
    return blocks


def _well_formed(block) -> bool:
    if not isinstance(block, dict) or set(block) - {"opens", "feedback", "facts"}:
        return False
    opens, feedback, facts = block.get("opens"), block.get("feedback", {}), block.get("facts", {})
    return (isinstance(opens, list) and bool(opens) and all(isinstance(d, str) and _DIGEST.match(d) for d in opens)
            and isinstance(feedback, dict)
            and all(isinstance(d, str) and _DIGEST.match(d) and isinstance(t, str) for d, t in feedback.items())
            and isinstance(facts, dict) and len(facts) <= MAX_FACTS
            and all(isinstance(k, str) and isinstance(v, (bool, int, str)) for k, v in facts.items()))


def attach_seals(scenario: Scenario, blocks: dict[str, dict], salt: bytes, cost: Cost, file: str) -> Scenario:
    """Every puzzle sealed: with its digests where its kind keeps secrets, empty where it keeps none."""
    if set(blocks) - set(scenario.puzzles):
        raise damaged(file)
    puzzles = {}
    for pid, puzzle in scenario.puzzles.items():
        block = blocks.get(pid)
        if block is None:
            if puzzle.secrets() is not None:      # a kind that keeps secrets must have its block
                raise damaged(file)
            puzzles[pid] = puzzle.with_seal(Seal())
            continue
        seal = Seal(answer_hasher(salt, pid, cost), frozenset(block["opens"]), dict(block.get("feedback", {})),
                    dict(block.get("facts", {})))
        puzzles[pid] = puzzle.with_seal(seal)
    return dataclasses.replace(scenario, puzzles=puzzles)


def sealed_copy(puzzle: PuzzleBase, salt: bytes, puzzle_id: str, cost: Cost = ANSWER_COST) -> PuzzleBase:
    """``puzzle`` as a pack without the trainer's password gives it back (the same digests), in memory."""
    secrets = puzzle.secrets()
    if secrets is None:
        return puzzle.with_seal(Seal())
    digest = answer_hasher(salt, puzzle_id, cost)
    return puzzle.with_seal(Seal(digest, frozenset(digest(key) for key in secrets.opens),
                                 {digest(key): text for key, text in secrets.feedback.items()}, dict(secrets.facts)))


def damaged(file: str) -> EscapeboxError:
    return EscapeboxError([Problem("authoring.pack.damaged_answers", {}, file=file)])
