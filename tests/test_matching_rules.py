"""The matching rules for typed answers, checked from their tables in the docs.

Every row of the table between the ``matching-examples`` markers in docs/rules.md, and of the
trainers' table in docs/authoring.md ("Antwoorden vergelijken"), is one test, on the puzzle as
written and on the same puzzle as a pack holds it (slow hashes of the normalised answers), so the
documentation and the code cannot drift apart.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from escapebox.pack.answers import sealed_copy
from escapebox.puzzles.base import TextAnswerPuzzle
from escapebox.puzzles.code import CodePuzzle
from escapebox.puzzles.matching import normalise
from escapebox.puzzles.meta import MetaPuzzle
from escapebox.puzzles.word import WordPuzzle

RULES = Path(__file__).parents[1] / "docs" / "rules.md"
GUIDE = Path(__file__).parents[1] / "docs" / "authoring.md"
KINDS = {"word": WordPuzzle, "code": CodePuzzle, "meta": MetaPuzzle}
RESULTS = {"accepted": True, "wrong": False}


def _spans(cell: str) -> list[str]:
    """The code spans of a cell, with ``{U+00AD}`` turned into the character it names."""
    return [re.sub(r"\{U\+([0-9A-F]{4,6})\}", lambda m: chr(int(m.group(1), 16)), span)
            for span in re.findall(r"`([^`]*)`", cell)]


def table_rows() -> list[tuple[str, list[str], list[str], str, bool]]:
    text = RULES.read_text(encoding="utf-8")
    table = text.split("<!-- matching-examples: start -->")[1].split("<!-- matching-examples: end -->")[0]
    rows = []
    for line in table.strip().splitlines()[2:]:
        puzzle, accepted, typed, result, why = [cell.strip() for cell in line.strip().strip("|").split("|")]
        kind, *flags = _spans(puzzle)
        (typed_text,) = _spans(typed)
        rows.append((kind, flags, _spans(accepted), typed_text, RESULTS[result]))
    return rows


ROWS = table_rows()


def guide_rows() -> list[tuple[str, list[str], list[str], str, bool]]:
    """The trainers' table in docs/authoring.md ("Antwoorden vergelijken"): the same rules, in Dutch."""
    text = GUIDE.read_text(encoding="utf-8").split("### Antwoorden vergelijken")[1]
    table = text.split("| Jij schrijft |")[1].split("\n\n")[0]
    rows = []
    for line in table.strip().splitlines()[2:]:
        written, typed, right, _why = [cell.strip() for cell in line.strip().strip("|").split("|")]
        answer = _spans(written)[0].removeprefix("answer: ").strip('"')
        rows.append(("code" if "(code)" in written else "word", [], [answer], _spans(typed)[0],
                     {"ja": True, "nee": False}[right]))
    return rows


GUIDE_ROWS = guide_rows()


def make(kind: str, flags: list[str], answers: list[str]) -> TextAnswerPuzzle:
    options = {}
    for flag in flags:
        name, _, value = flag.partition(": ")
        options[name] = value == "true"
    extra = {"from_": ("a", "b")} if kind == "meta" else {}
    return KINDS[kind](kind=kind, title="T", question="V?", answer=tuple(answers), **extra, **options)


def as_in_a_pack(puzzle: TextAnswerPuzzle) -> TextAnswerPuzzle:
    """What ``pack.answers`` makes of the puzzle: scrypt digests of every normalised accepted answer."""
    return sealed_copy(puzzle, bytes(16), "p")


def test_the_table_is_there_and_covers_the_issue_cases():
    typed = {row[3] for row in ROWS}
    assert len(ROWS) >= 25
    assert {"04 12", "０４１２", "ĳsbeer", "privacy wet", "privacywet"} <= typed
    assert {True, False} == {row[4] for row in ROWS}


@pytest.mark.parametrize("kind, flags, answers, typed, right", ROWS,
                         ids=[f"{r[0]}:{r[3]!a}->{r[2][0]!a}" for r in ROWS])
def test_every_row_of_the_table(kind, flags, answers, typed, right):
    puzzle = make(kind, flags, answers)
    assert puzzle.check(typed).correct is right
    assert as_in_a_pack(puzzle).check(typed).correct is right


@pytest.mark.parametrize("kind, flags, answers, typed, right", GUIDE_ROWS,
                         ids=[f"{r[0]}:{r[3]!a}->{r[2][0]!a}" for r in GUIDE_ROWS])
def test_every_row_of_the_trainers_table(kind, flags, answers, typed, right):
    assert len(GUIDE_ROWS) >= 10
    puzzle = make(kind, flags, answers)
    assert puzzle.check(typed).correct is right
    assert as_in_a_pack(puzzle).check(typed).correct is right


def test_near_misses_are_normalised_like_answers():
    puzzle = WordPuzzle(kind="word", title="T", question="V?", answer=("privacy-wet",),
                        near_misses={"privacy\u00adregels": "Bijna."})
    assert puzzle.check("Privacyregels").feedback == "Bijna."
    assert puzzle.check("privacy\u200bregels").feedback == "Bijna."


def test_the_lint_reads_codes_as_the_check_does():
    assert make("code", [], ["０４１２"]).lint() == []
    assert make("code", [], ["04 12"]).lint() == [] and make("code", [], ["04 12"]).digits == 4
    assert [f.code for f in make("code", [], ["٠٤١٢"]).lint()] == ["validate.puzzle.code_not_digits"]
    assert [f.code for f in make("code", [], ["04\u00ad12"]).lint()] == []


def test_format_characters_go_even_when_everything_counts():
    strict = {"case_sensitive": True, "accent_sensitive": True, "space_sensitive": True}
    assert normalise("privacy\u00adwet\u200b", **strict) == "privacywet"
    assert normalise("\ufeffCafe\u0301", **strict) == "Café"
