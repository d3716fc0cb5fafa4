"""Clocks are injected so tests control time and play uses a monotonic clock."""

from __future__ import annotations

import time


class MonotonicClock:
    """Seconds since the session (re)started, never jumping with the wall clock."""

    def __init__(self, offset: float = 0.0):
        self._base = time.monotonic() - offset

    def now(self) -> float:
        return time.monotonic() - self._base

    def continue_from(self, seconds: float) -> None:
        """After a resume, carry on from the last recorded moment."""
        self._base = time.monotonic() - seconds


class ManualClock:
    """A clock that only moves when a test says so."""

    def __init__(self, start: float = 0.0):
        self._now = start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        self._now += seconds

    def continue_from(self, seconds: float) -> None:
        self._now = max(self._now, seconds)
