"""Timings per group per puzzle as CSV, for a spreadsheet across festivals.

Column names are fixed English ids (not translated) so formulas and
scripts keep working whatever the report language; the file starts with a
UTF-8 byte-order mark so Excel shows accents in group names correctly.
Cells that a spreadsheet would run as a formula are defused with a quote.
"""

from __future__ import annotations

import csv
import io

from escapebox.report.sources import ReportSession

COLUMNS = ("scenario", "session", "group", "puzzle", "puzzle_title", "status", "seen_at", "opened_at",
           "seconds", "hints", "pushed_hints", "wrong_answers", "revealed")


def render_csv(sessions: list[ReportSession]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for s in sessions:
        for p in s.debrief.puzzles:
            writer.writerow([_cell(v) for v in (
                s.debrief.scenario_id, s.id, s.label, p.id, p.title, p.status, _seconds(p.seen_at),
                _seconds(p.opened_at), _seconds(p.seconds), p.hints + p.pushed_hints, p.pushed_hints,
                len(p.wrong), int(p.revealed))])
    return "\ufeff" + out.getvalue()


def _seconds(value: float | None) -> str:
    return "" if value is None else str(int(round(value)))


def _cell(value) -> str:
    """Spreadsheet formula injection: a cell starting with = + - @ must not be run."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
