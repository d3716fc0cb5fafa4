"""Answers that must never be readable in a pack, and a search for them.

The writer checks its own output with these before it hands a pack over.  Short
texts (one or two characters, such as an option "Ja") are left out:
any binary data contains them by chance, so searching for them says
nothing.
"""

from __future__ import annotations

from escapebox.scenario.model import Scenario

MIN_CHARS = 3


def answer_texts(scenario: Scenario) -> list[tuple[str, str]]:
    """``(puzzle id, text)`` for every text a kind says gives its answer away (typed answers, right options)."""
    found = [(pid, text) for pid, puzzle in scenario.puzzles.items() for text in puzzle.answer_texts()]
    return [(pid, text) for pid, text in found if len(text.strip()) >= MIN_CHARS]


def appears_in(text: str, data: bytes) -> bool:
    """Whether ``text`` can be read in ``data``, ignoring ASCII case."""
    needle = text.strip().encode("utf-8")
    return needle in data or needle.lower() in data.lower()
