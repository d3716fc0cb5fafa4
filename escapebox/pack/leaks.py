"""Answers that must never be readable in a pack, and a search for them.

The writer checks its own output with these before it hands a pack over.  Short
texts (one or two characters, such as an option "Ja") are left out:
any binary data contains them by chance, so searching for them says
nothing.

What the writer cannot fix by drawing a new salt is what a pack keeps unobfuscated
because the trainer wrote it: the scenario's id and title and the names of its files
(the manifest).  :func:`readable_answers` warns about an answer there, at the answer's
own line and column, and ``escapebox pack`` and ``validate --pack`` both show it
(``authoring.checks.all_problems``).  Only the answers count, as whole words or
numbers compared the way the puzzle compares them: a near miss is a wrong answer, so
reading it says nothing, and "stag" inside "stagiair" is no answer on show (issue #18).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, Iterator

from escapebox.pack.assets import used_files
from escapebox.problems import Problem, Severity
from escapebox.puzzles.base import TextAnswerPuzzle
from escapebox.scenario.model import Scenario
from escapebox.scenario.yamlsafe import dotted

MIN_CHARS = 3


def answer_texts(scenario: Scenario) -> list[tuple[str, str]]:
    """``(puzzle id, text)`` for every text a kind says gives its answer away (typed answers, right options)."""
    found = [(pid, text) for pid, puzzle in scenario.puzzles.items() for text in puzzle.answer_texts()]
    return [(pid, text) for pid, text in found if len(text.strip()) >= MIN_CHARS]


def appears_in(text: str, data: bytes) -> bool:
    """Whether ``text`` can be read in ``data``, ignoring ASCII case."""
    needle = text.strip().encode("utf-8")
    return needle in data or needle.lower() in data.lower()


def readable_answers(loaded) -> list[Problem]:
    """Warnings at every answer that stands, as a whole word or number, in the pack's readable names."""
    scenario = loaded.scenario
    places = [("@validate.pack.in_id|", scenario.id), ("@validate.pack.in_title|", scenario.title)]
    places += [(f"@validate.pack.in_file|{name}", name) for name in used_files(loaded)]
    problems = []
    for pid, puzzle in scenario.puzzles.items():
        if puzzle.sealed:
            continue
        normal = puzzle.normal if isinstance(puzzle, TextAnswerPuzzle) else _plain_normal
        for answer in _answers(puzzle):
            where = next((label for label, text in places if _stands_in(answer, text, normal)), None)
            if where is not None:
                problems.append(_warning(loaded, _answer_path(loaded, pid, answer), puzzle=pid, answer=answer,
                                         where=where))
    return problems


def _answers(puzzle) -> tuple[str, ...]:
    """What opens the lock: typed answers without their near misses, or the right options' texts."""
    texts = tuple(puzzle.answer) if isinstance(puzzle, TextAnswerPuzzle) else puzzle.answer_texts()
    return tuple(dict.fromkeys(t for t in texts if len(t.strip()) >= MIN_CHARS))


def _plain_normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _stands_in(answer: str, text: str, normal: Callable[[str], str]) -> bool:
    """``answer`` in ``text`` as a whole word or number: no letter or digit right before or after it."""
    needle = normal(answer).strip()
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", normal(text)) is not None


def _answer_path(loaded, pid: str, answer: str) -> tuple:
    """Where the trainer wrote this answer in the puzzle (``answer[1]``, ``options[2].text``)."""
    own = ("puzzles", pid)
    node = (loaded.document.data.get("puzzles") or {}).get(pid)
    return own + next((path for path, text in _strings(node) if text == answer), ())


def _strings(node, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key != "near_misses":
                yield from _strings(value, path + (key,))
    elif isinstance(node, list):
        for number, value in enumerate(node):
            yield from _strings(value, path + (number,))
    elif isinstance(node, str):
        yield path, node


def _warning(loaded, path: tuple, **params) -> Problem:
    mark = loaded.document.mark(path)
    return Problem("validate.pack.answer_readable", params, Severity.WARNING, loaded.document.file,
                   mark.line if mark else None, mark.column if mark else None,
                   dotted(path[:3] if path[2:3] == ("answer",) else path))
