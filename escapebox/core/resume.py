"""Resume a saved session, also when the trainer edited the scenario since.

The stored log is replayed against the scenario as it is now.  When the
file changed, we say what changed (ids added or removed, answers changed)
and drop only the events that point at things that no longer exist, so the
group keeps everything else it achieved.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from escapebox.core import events as E
from escapebox.scenario.index import ScenarioIndex
from escapebox.core.session import GameSession
from escapebox.problems import EscapeboxError
from escapebox.scenario.loader import LoadedScenario, load_scenario_text
from escapebox.scenario.model import Scenario

_REFERENCE_FIELDS = {
    "room": "rooms", "object": "objects", "clue": "clues", "item": "items", "gives": "items",
    "puzzle": "puzzles", "reflection": "reflections", "ending": "endings",
}


@dataclass
class ResumeReport:
    changed: bool = False
    added: dict[str, list[str]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)
    answers_changed: list[str] = field(default_factory=list)
    dropped_events: int = 0

    def summary(self, tr) -> list[str]:
        lines = []
        for kind, ids in self.removed.items():
            lines.append(tr("resume.removed", kind=tr(f"resume.kind_{kind}"), ids=", ".join(ids)))
        for kind, ids in self.added.items():
            lines.append(tr("resume.added", kind=tr(f"resume.kind_{kind}"), ids=", ".join(ids)))
        if self.answers_changed:
            lines.append(tr("resume.answers_changed", ids=", ".join(self.answers_changed)))
        if self.dropped_events:
            lines.append(tr("resume.dropped", count=self.dropped_events))
        return lines


def resume_session(loaded: LoadedScenario, store, session_id: str, clock) -> tuple[GameSession, ResumeReport]:
    info = store.session(session_id)
    if info is None:
        raise EscapeboxError([])
    events = store.events(session_id)
    report = ResumeReport(changed=info["digest"] != loaded.digest)
    if report.changed:
        _compare(info["snapshot"], loaded.scenario, report)
    known = known_ids(loaded.scenario)
    kept = [e for e in events if still_valid(e, known)]
    report.dropped_events = len(events) - len(kept)
    session = GameSession.replay(loaded, kept, clock, store, session_id, checkpoint=info["clock"])
    return session, report


def known_ids(scenario: Scenario) -> dict[str, set[str]]:
    return {
        "rooms": set(scenario.rooms), "objects": set(ScenarioIndex(scenario).objects),
        "clues": set(scenario.clues), "items": set(scenario.items), "puzzles": set(scenario.puzzles),
        "reflections": set(scenario.reflections), "endings": set(scenario.endings),
    }


def still_valid(event: E.Event, known: dict[str, set[str]]) -> bool:
    for f in fields(event):
        kind = _REFERENCE_FIELDS.get(f.name)
        value = getattr(event, f.name)
        if kind and isinstance(value, str) and value and value not in known[kind]:
            return False
    if isinstance(event, E.ItemsCombined):
        return all(i in known["items"] for i in event.items)
    if isinstance(event, E.DilemmaChosen) or isinstance(event, E.LockOpened):
        return event.puzzle in known["puzzles"]
    return True


def _compare(snapshot: str, now: Scenario, report: ResumeReport) -> None:
    try:
        before = load_scenario_text(snapshot).scenario
    except EscapeboxError:
        return
    old_ids, new_ids = known_ids(before), known_ids(now)
    for kind in old_ids:
        removed = sorted(old_ids[kind] - new_ids[kind])
        added = sorted(new_ids[kind] - old_ids[kind])
        if removed:
            report.removed[kind] = removed
        if added:
            report.added[kind] = added
    for pid in sorted(old_ids["puzzles"] & new_ids["puzzles"]):
        if before.puzzles[pid].solutions() != now.puzzles[pid].solutions():
            report.answers_changed.append(pid)
