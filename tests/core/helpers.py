"""Shared helpers for core tests: the all-mechanics fixture scenario and a fresh session."""

from pathlib import Path

from escapebox.core.clock import ManualClock
from escapebox.core.session import GameSession
from escapebox.scenario.loader import load_scenario

FIXTURE = Path(__file__).parents[1] / "fixtures" / "alles"
_cache = {}


def fixture_scenario():
    if "alles" not in _cache:
        _cache["alles"] = load_scenario(FIXTURE)
    return _cache["alles"]


def new_session(store=None, group="Groep 1"):
    clock = ManualClock()
    return GameSession.start(fixture_scenario(), clock, store=store, group=group), clock
