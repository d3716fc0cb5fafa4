"""What only the trainer reads: where a case's facts come from, and notes for the trainer.

Subsidies, regulations and who pays for what change; a case that was right last
year may teach something wrong now.  A scenario, and each puzzle, can therefore
name its ``sources`` (title, optionally a web address, and the date someone last
checked them: ``checked_on: 2026-11-20``), and a scenario, a room and a puzzle can
carry ``trainer_notes``.  The trainer's console, ``escapebox report`` and the
printed trainer sheet show them; the group's screens never do, and a pack keeps
them only in the trainer's part (:func:`without_trainer_only`).  The validator
warns when a source was last checked more than :data:`STALE_AFTER_DAYS` ago.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Iterator

from escapebox.scenario.types import Frozen, ShortText, part

#: A date as ISO 8601 writes it, year first (2026-11-20).  Checked in ``Source.__post_init__``, not by
#: a pattern: pydantic's pattern message is a general one, this rule says how to write the date.
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

#: A source checked longer ago than this is worth checking again: subsidies and regulations
#: change, most of them once a year or more often, so a check older than a year is not to be
#: trusted in front of a group (issue #18).
STALE_AFTER_DAYS = 365

#: The YAML keys that are for the trainer alone, at the scenario, room and puzzle level.
TRAINER_ONLY_KEYS = ("sources", "trainer_notes")


@part
class Source(Frozen):
    """One source: what it is, where to find it, and when someone last checked that it still holds."""

    title: ShortText
    url: ShortText | None = None
    checked_on: ShortText | None = None

    def __post_init__(self):
        if self.checked_on is not None and self.checked_date() is None:
            raise ValueError("source_date")

    def checked_date(self) -> date | None:
        """``checked_on`` as a date; ``None`` when absent, not year-first or not a real day (2026-02-30)."""
        if not self.checked_on or not ISO_DATE.fullmatch(self.checked_on):
            return None
        try:
            return date.fromisoformat(self.checked_on)
        except ValueError:
            return None

    def age_days(self, today: date) -> int | None:
        checked = self.checked_date()
        return (today - checked).days if checked else None


def trainer_parts(scenario) -> Iterator[tuple[tuple, Any]]:
    """Every part that may carry sources or trainer notes, with its path: the scenario, each room and puzzle."""
    yield (), scenario
    for room_id, room in scenario.rooms.items():
        yield ("rooms", room_id), room
    for puzzle_id, puzzle in scenario.puzzles.items():
        yield ("puzzles", puzzle_id), puzzle


def stale_sources(scenario, today: date) -> Iterator[tuple[tuple, Source, str]]:
    """Each source checked more than :data:`STALE_AFTER_DAYS` before ``today``, or "checked" after it.

    Yields the source's path, the source and ``"stale"`` or ``"future"`` (a typo in the year).
    """
    for path, holder in trainer_parts(scenario):
        for n, source in enumerate(getattr(holder, "sources", ())):
            age = source.age_days(today)
            if age is None:
                continue
            if age > STALE_AFTER_DAYS:
                yield path + ("sources", n, "checked_on"), source, "stale"
            elif age < 0:
                yield path + ("sources", n, "checked_on"), source, "future"


def without_trainer_only(data: dict) -> dict:
    """The scenario's YAML data without what only the trainer reads (in place; returned for chaining)."""
    if not isinstance(data, dict):
        return data
    holders = [data]
    for section in ("rooms", "puzzles"):
        entries = data.get(section)
        if isinstance(entries, dict):
            holders += [entry for entry in entries.values() if isinstance(entry, dict)]
    for holder in holders:
        for key in TRAINER_ONLY_KEYS:
            holder.pop(key, None)
    return data
