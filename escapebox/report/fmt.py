"""Small formatting helpers shared by every report format."""

from __future__ import annotations

from datetime import datetime


def clock(seconds: float | None) -> str:
    """Seconds as ``mm:ss`` (minutes may pass 59: a game lasts one sitting); ``–`` when unknown."""
    if seconds is None:
        return "–"
    sign = "-" if seconds < 0 else ""
    # whole seconds cut off, as the game's own clock text does (escapebox/ui/clock_text.py): rounded,
    # the report said 5:08 where the ending and the debrief the group saw said 05:07
    whole = int(abs(seconds))
    return f"{sign}{whole // 60}:{whole % 60:02d}"


def wall(text: str, tr) -> str:
    """An ISO wall-clock time in the reader's date format; the raw text if it is not ISO."""
    try:
        moment = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return text or "–"
    return moment.strftime(tr("report.date_format"))


def short(text: str, limit: int = 90) -> str:
    """One line of at most ``limit`` characters, for prompts in a timeline or a chart label."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
