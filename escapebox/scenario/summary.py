"""Counts that tell a trainer (and ``validate --json``) what is in a scenario."""

from __future__ import annotations

from collections import Counter

from escapebox.scenario.model import Scenario


def estimated_minutes(scenario: Scenario) -> int:
    """Puzzle estimates plus reflection time: what a group typically needs."""
    minutes = sum(p.minutes for p in scenario.puzzles.values())
    for reflection in scenario.reflections.values():
        minutes += reflection.minutes or (3 if reflection.kind == "discuss" else 2)
    return minutes


def counts(scenario: Scenario) -> dict:
    kinds = Counter(p.kind for p in scenario.puzzles.values())
    return {
        "rooms": len(scenario.rooms),
        "objects": sum(len(r.objects) for r in scenario.rooms.values()),
        "clues": len(scenario.clues),
        "items": len(scenario.items),
        "puzzles": len(scenario.puzzles),
        "puzzles_per_kind": dict(sorted(kinds.items())),
        "hints": sum(len(p.hints) for p in scenario.puzzles.values()),
        "reflections": len(scenario.reflections),
        "learning_goals": len(scenario.goals),
        "endings": len(scenario.endings),
        "estimated_minutes": estimated_minutes(scenario),
        "duration": scenario.duration,
    }
