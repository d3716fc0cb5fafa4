"""How the UI writes a game-clock time: "04:05", or "1:02:03" past an hour.

Its own small module so the screens (debrief, reflection countdown), the
trainer's facts and the game bridge share it without importing each other.
"""

from __future__ import annotations


def clock_text(seconds: float) -> str:
    seconds = int(max(0, seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
