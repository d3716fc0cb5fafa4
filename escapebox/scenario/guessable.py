"""What a pack cannot hide: typed answers that are short, or that stand in the scenario's own text.

In a ``.escapebox`` pack every typed answer is only a slow salted hash
(``escapebox/pack/kdf.py``): one guess costs tens of milliseconds.  That slows
guessing down; it does not stop it.  Whoever has the pack can still

* try every value of a short answer: a 4-digit code has 10,000, tried in minutes;
* try every word and phrase of the scenario itself (the pack holds its texts, because
  the game shows them): a bundled scenario has about 1,000 words and 1,500 with its whole
  lines, so an answer that stands in a clue, a hint or a feedback text is found in a minute.

For an escape box the second is often the design (the clue *is* where the code is), so
these are warnings for the trainer who shares a pack, shown by ``escapebox pack`` and
``escapebox validate --pack``, at the answer's line and column; never errors, and not
part of a plain ``validate`` (a scenario played from its folder hides nothing anyway).
A puzzle whose id is its answer is one of them: the pack keeps the ids readable.

What gives an answer away on the screen itself is part of every ``validate``
(:func:`given_away`): the answer in what the puzzle's own screen says before it is
solved (its title and its question), or in a hint before the last one (docs/authoring.md,
"Hints schrijven": only the last hint comes close to the answer).  Two places are left to
the pack check (above), which says that a pack cannot hide them:

* the room's text: a room, an object or a clue is where a group looks for what opens a
  lock, so an answer there is a clue, often by design;
* the picture's ``image_alt``: it is what a group that cannot see the picture has instead
  (a screen reader, a picture that does not load), so it must be able to say what the
  picture shows; the fresh-author test's rota "van maandag tot en met zaterdag" named the
  answer "zaterdag" and gave nothing away.
"""

from __future__ import annotations

import re
from typing import Collection, Iterator

from escapebox.problems import Problem, Severity
from escapebox.puzzles.base import TextAnswerPuzzle
from escapebox.scenario.sources import TRAINER_ONLY_KEYS
from escapebox.scenario.yamlsafe import dotted

#: Warn when trying every value of an answer takes less than this.
SHORT_SECONDS = 3600
#: Answers shorter than this (after normalising) are only checked for being short.
MIN_SEARCH_CHARS = 3
#: Keys whose text a pack does not show: the answers, and what is for the trainer alone (a pack keeps
#: sources and trainer notes only in the trainer's part, escapebox/scenario/sources.py).
_ANSWER_KEYS = {"answer", "near_misses", *TRAINER_ONLY_KEYS}
_LETTERS_AND_DIGITS = 36


def guessable_problems(loaded, seconds_per_guess: float, said: Collection[tuple[str, str]] = ()) -> list[Problem]:
    """Warnings, in the order of the file, for every typed answer a pack leaves easy to find.

    ``said``: ``(puzzle, answer)`` pairs already warned about as readable in the pack's names
    (``escapebox.pack.leaks``), which are texts of the scenario too: not searched again.
    """
    scenario = loaded.scenario
    texts = None
    problems = []
    for pid, puzzle in scenario.puzzles.items():
        if not isinstance(puzzle, TextAnswerPuzzle) or puzzle.sealed:
            continue
        if _id_is_answer(puzzle, pid):
            problems.append(_problem(loaded, "validate.pack.answer_is_id", ("puzzles", pid), key=True, puzzle=pid))
        seen: set[str] = set()
        for number, answer in enumerate(puzzle.answer):
            normal = puzzle.normal(answer)
            if normal in seen:
                continue
            seen.add(normal)
            path = ("puzzles", pid, "answer", number)
            count = _possibilities(normal)
            if count * seconds_per_guess < SHORT_SECONDS:
                problems.append(_problem(loaded, "validate.pack.short_answer", path, puzzle=pid, answer=answer,
                                         count=count,
                                         time=_duration(count * seconds_per_guess),
                                         ms=round(seconds_per_guess * 1000)))
                continue
            if len(normal) < MIN_SEARCH_CHARS or (pid, answer) in said:
                continue
            texts = texts if texts is not None else list(_texts(loaded.document.data))
            where = next((p for p, text in texts if _contains(puzzle, text, normal)
                          and not _said_by_given_away(p, pid, len(puzzle.hints))), None)
            if where is not None:
                problems.append(_problem(loaded, "validate.pack.answer_in_text", path, puzzle=pid, answer=answer,
                                         where=dotted(where)))
    return problems


def given_away(loaded) -> list[Problem]:
    """Warnings at the title or hint of a typed-answer puzzle that shows its own answer early."""
    problems = []
    for pid, puzzle in loaded.scenario.puzzles.items():
        if not isinstance(puzzle, TextAnswerPuzzle) or puzzle.sealed:
            continue
        for field, code in _ON_THE_PUZZLE_SCREEN:
            answer = _shown_answer(puzzle, (getattr(puzzle, field, None) or "",))
            if answer is not None:
                problems.append(_problem(loaded, code, ("puzzles", pid, field), puzzle=pid, answer=answer))
        for number, hint in enumerate(puzzle.hints[:-1]):
            answer = _shown_answer(puzzle, (hint,))
            if answer is not None:
                problems.append(_problem(loaded, "validate.answer_in_early_hint", ("puzzles", pid, "hints", number),
                                         puzzle=pid, answer=answer, number=number + 1, total=len(puzzle.hints)))
    return problems


#: what a puzzle's screen says before it is solved, and the message for an answer there
_ON_THE_PUZZLE_SCREEN = (("title", "validate.answer_in_title"), ("question", "validate.answer_in_question"))


def _shown_answer(puzzle: TextAnswerPuzzle, texts) -> str | None:
    """The first accepted answer that stands, as a whole word or number, in one of ``texts``."""
    for answer in puzzle.answer:
        normal = puzzle.normal(answer)
        if len(normal) >= MIN_SEARCH_CHARS and any(_contains(puzzle, text, normal) for text in texts):
            return answer
    return None


def _id_is_answer(puzzle: TextAnswerPuzzle, pid: str) -> bool:
    """``samen`` for "samen", ``code-0311`` for "0311", ``samen-werken`` for "samenwerken".

    An id is words joined by ``-`` or ``_``: read them as spaces, and as nothing.
    """
    spaced = pid.replace("-", " ").replace("_", " ")
    return _shown_answer(puzzle, (spaced, spaced.replace(" ", ""))) is not None


def _possibilities(normal: str) -> int:
    """How many answers of this shape there are: digits for a number, letters and digits otherwise."""
    if normal.isascii() and normal.isdigit():
        return 10 ** len(normal)
    return _LETTERS_AND_DIGITS ** len(normal)


def _contains(puzzle: TextAnswerPuzzle, text: str, normal: str) -> bool:
    """``normal`` in the text as the puzzle compares it, as a whole number or a whole word."""
    edge = r"\d" if normal.isdigit() else r"\w"
    pattern = rf"(?<!{edge}){re.escape(normal)}(?!{edge})"
    return re.search(pattern, puzzle.normal(text)) is not None


def _said_by_given_away(path: tuple, pid: str, hints: int) -> bool:
    """What the puzzle's own screen shows, and its early hints: :func:`given_away` already warns there."""
    own = ("puzzles", pid)
    on_screen = {own + (field,) for field, _code in _ON_THE_PUZZLE_SCREEN}
    return path in on_screen or (path[:3] == own + ("hints",) and path[3:] < (hints - 1,))


def _texts(data, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every text in the document with its path, except the answers and near misses themselves."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in _ANSWER_KEYS:
                yield from _texts(value, path + (key,))
    elif isinstance(data, list):
        for number, value in enumerate(data):
            yield from _texts(value, path + (number,))
    elif isinstance(data, str):
        yield path, data


def _duration(seconds: float) -> str:
    """A message parameter that the catalogue turns into "42 seconden" / "7 minuten" / "3 uur"."""
    if seconds < 90:
        return f"@validate.pack.seconds|{max(1, round(seconds))}"
    if seconds < 90 * 60:
        return f"@validate.pack.minutes|{round(seconds / 60)}"
    return f"@validate.pack.hours|{round(seconds / 3600)}"


def _problem(loaded, code: str, path: tuple, key: bool = False, **params) -> Problem:
    mark = loaded.document.key_mark(path) if key else loaded.document.mark(path)
    return Problem(code, params, Severity.WARNING, loaded.document.file, mark.line if mark else None,
                   mark.column if mark else None, dotted(path[:3] if path[2:3] == ("answer",) else path))
