"""Shared helpers for the UI tests (a module of its own, so no other conftest.py can shadow it)."""

from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "alle-soorten"
REPO = HERE.parents[1]
SCENARIOS = REPO / "scenarios"


def start_game(pilot, group="Groep 3"):
    """From the intro screen to the first room, by keyboard only."""
    pilot.press("return")            # Start (focused by default)
    pilot.type(group)
    pilot.press("return")
    return pilot.app.game


def focus_key(app):
    focused = app.stack.top.focus.focused
    return focused.key if focused else None


def tab_to(pilot, key, limit=60):
    """Press Tab until the widget with ``key`` has focus."""
    for _ in range(limit):
        if focus_key(pilot.app) == key:
            return
        pilot.press("tab")
    raise AssertionError(f"could not tab to {key}; focus on {focus_key(pilot.app)}")
