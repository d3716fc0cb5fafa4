"""Typed answers in a pack: stored as salted hashes, checked by hash after loading.

Writer side: :func:`hide_answers` replaces ``answer`` and ``near_misses``
of every code, word and meta puzzle in the document by
``answer_sha256`` / ``near_misses_sha256`` (hashes of the *normalised*
text, made with the puzzle's own normalisation), and returns the first
accepted answer of each as the solution the auto-player and the
walkthrough need (it travels in its own obfuscated entry).

Reader side: :func:`restore_answers` puts the solution back as ``answer``
so the model validates as usual, and :func:`attach_hashes` gives each
puzzle its :class:`AnswerHashes`, so every accepted answer and near miss
still works without being readable.
"""

from __future__ import annotations

import copy
import dataclasses

from escapebox.problems import EscapeboxError, Problem
from escapebox.puzzles.base import AnswerHashes, TextAnswerPuzzle, answer_digest
from escapebox.scenario.model import Scenario

ANSWER_KEY = "answer_sha256"
NEAR_KEY = "near_misses_sha256"


def puzzle_salt(salt_hex: str, puzzle_id: str) -> str:
    """Per-puzzle salt, so equal answers of two puzzles do not show as equal hashes."""
    return f"{salt_hex}:{puzzle_id}"


def hide_answers(data: dict, scenario: Scenario, salt_hex: str) -> tuple[dict, dict[str, str]]:
    """A copy of the document data with hashed answers, and the solutions by puzzle id."""
    hidden = copy.deepcopy(data)
    solutions: dict[str, str] = {}
    for pid, puzzle in scenario.puzzles.items():
        if not isinstance(puzzle, TextAnswerPuzzle):
            continue
        salt = puzzle_salt(salt_hex, pid)
        entry = hidden["puzzles"][pid]
        entry.pop("answer", None)
        entry.pop("near_misses", None)
        entry[ANSWER_KEY] = sorted({answer_digest(salt, puzzle.normal(a)) for a in puzzle.answer})
        if puzzle.near_misses:
            entry[NEAR_KEY] = {answer_digest(salt, puzzle.normal(k)): v for k, v in puzzle.near_misses.items()}
        solutions[pid] = puzzle.solution()
    return hidden, solutions


def restore_answers(data: dict, solutions: dict[str, str], file: str) -> dict[str, tuple[list, dict]]:
    """Put solutions back into the data (in place); return the hashes by puzzle id."""
    hashes = {}
    puzzles = data.get("puzzles") if isinstance(data, dict) else None
    for pid, entry in (puzzles.items() if isinstance(puzzles, dict) else ()):
        if not isinstance(entry, dict) or ANSWER_KEY not in entry:
            continue
        accepted, near = entry.pop(ANSWER_KEY), entry.pop(NEAR_KEY, None) or {}
        if pid not in solutions or not _strings(accepted) or not isinstance(near, dict) \
                or not _strings(list(near.values())):
            raise _damaged(file)
        entry["answer"] = [solutions[pid]]
        hashes[pid] = (accepted, near)
    return hashes


def _strings(values) -> bool:
    return isinstance(values, list) and all(isinstance(v, str) for v in values)


def attach_hashes(scenario: Scenario, hashes: dict[str, tuple[list, dict]], salt_hex: str,
                  file: str) -> Scenario:
    puzzles = dict(scenario.puzzles)
    for pid, (accepted, near) in hashes.items():
        puzzle = puzzles.get(pid)
        if not isinstance(puzzle, TextAnswerPuzzle):
            raise _damaged(file)
        stored = AnswerHashes(puzzle_salt(salt_hex, pid), frozenset(accepted), dict(near))
        if stored.digest(puzzle.normal(puzzle.solution())) not in stored.accepted:
            raise _damaged(file)
        puzzles[pid] = puzzle.with_hashes(stored)
    return dataclasses.replace(scenario, puzzles=puzzles)


def _damaged(file: str) -> EscapeboxError:
    return EscapeboxError([Problem("authoring.pack.damaged_answers", {}, file=file)])
