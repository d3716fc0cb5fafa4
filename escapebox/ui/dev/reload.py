"""Load the edited scenario and carry the group's progress over to it.

Progress is the event log (see ``escapebox.core.resume``): we replay the
current session's events against the new scenario and drop only the events
whose ids vanished, exactly as resuming a saved session after an edit does.
The clock carries on where it was, so a reload costs the group no time.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from escapebox.core import events as E
from escapebox.core.clock import MonotonicClock
from escapebox.core.resume import known_ids, still_valid  # the same rules as a resume after an edit
from escapebox.core.session import GameSession
from escapebox.problems import EscapeboxError, Problem, errors
from escapebox.pack.open import open_scenario
from escapebox.scenario.loader import LoadedScenario
from escapebox.authoring.checks import all_problems


def load_checked(source: Path) -> tuple[LoadedScenario | None, list[Problem]]:
    """The scenario if it loads and has no errors; otherwise the validator's error messages."""
    try:
        loaded = open_scenario(source)
    except EscapeboxError as exc:
        return None, list(exc.problems)
    found = errors(all_problems(loaded))
    return (None, found) if found else (loaded, [])


def carry_over(session: GameSession, loaded: LoadedScenario) -> tuple[GameSession, int]:
    """A session on the new scenario with every event that still makes sense; and how many were dropped."""
    known = known_ids(loaded.scenario)
    kept = []
    for event in session.state.events:
        if isinstance(event, E.SessionStarted):
            kept.append(dataclasses.replace(event, room=loaded.scenario.start, digest=loaded.digest))
        elif still_valid(event, known):
            kept.append(event)
    fresh = GameSession.replay(loaded, kept, MonotonicClock(), store=None, checkpoint=session.clock.now())
    return fresh, len(session.state.events) - len(kept)
