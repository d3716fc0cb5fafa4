"""Resume a saved session, also when the trainer edited the scenario since.

The stored log is replayed through the rules of the scenario it was played
on (:mod:`escapebox.core.replay`): a step those rules refuse makes the save
corrupt, and it is reported as such, naming the session and the step.

When the scenario changed since, we say what changed (ids added or removed,
answers changed) and drop, for the new scenario, only the events that point
at things that no longer exist, so the group keeps everything else it
achieved.  If the room the group was in is gone, the game goes on in the
last room it visited that still exists (or the start room).  The resume
then writes a ``ScenarioChanged`` event with the new scenario's digest and
text, so the next resume replays what follows through the rules of the new
scenario, and compares with it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields

from escapebox.core import events as E
from escapebox.core.replay import Corrupt, checked_replay
from escapebox.core.session import GameSession
from escapebox.core.state import GameState
from escapebox.core.store import scenario_snapshot
from escapebox.problems import EscapeboxError, Problem
from escapebox.scenario.index import ScenarioIndex
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
    #: the room the group was in, when the scenario has it no more, and where play goes on (names)
    moved_from: str = ""
    moved_to: str = ""
    #: saved values that were damaged and replaced (``store.bad_value``), each naming the session
    damage: list[Problem] = field(default_factory=list)
    #: the ``ScenarioChanged`` event the resume records (``None``: the scenario is the one played)
    marker: E.ScenarioChanged | None = None

    def summary(self, tr) -> list[str]:
        lines = []
        if self.changed:
            lines.append(tr("resume.changed"))
        for kind, ids in self.removed.items():
            lines.append(tr("resume.removed", kind=tr(f"resume.kind_{kind}"), ids=", ".join(ids)))
        for kind, ids in self.added.items():
            lines.append(tr("resume.added", kind=tr(f"resume.kind_{kind}"), ids=", ".join(ids)))
        if self.answers_changed:
            lines.append(tr("resume.answers_changed", ids=", ".join(self.answers_changed)))
        if self.dropped_events:
            lines.append(tr("resume.dropped", count=self.dropped_events))
        if self.moved_from:
            lines.append(tr("resume.moved", old=self.moved_from, new=self.moved_to))
        lines += [problem.message(tr) for problem in self.damage]
        return lines


def resume_session(loaded: LoadedScenario, store, session_id: str, clock, *, take_over: bool = False,
                   read_only: bool = False) -> tuple[GameSession, ResumeReport]:
    """The saved game, ready to play on (held by this process), or to look at (``read_only``).

    Raises ``SessionBusy`` when another live process holds it (ask: look, or
    take over), and ``EscapeboxError`` naming the session when its save is
    damaged or breaks the rules.
    """
    info = store.session(session_id)
    if info is None:
        raise EscapeboxError([Problem("exchange.no_session", {"id": session_id})])
    if not read_only:
        store.acquire(session_id, take_over=take_over)   # first: what we read next is then final
    try:
        events = store.events(session_id)
        state, report = rebuild(loaded, info, events, file=str(store.path))
    except EscapeboxError:
        if not read_only:
            store.release(session_id)
        raise
    session = GameSession(loaded, clock, store, session_id)
    session.state = state
    session.read_only = read_only
    clock.continue_from(max(state.last_at, info["clock"]))
    if report.marker is not None:
        if read_only:                                    # seen here, written by whoever plays on
            state.apply(session._stamp(report.marker))
        else:
            session.record([report.marker])
    return session, report


def rebuild(loaded: LoadedScenario, info: dict, events: list[E.Event], file: str = "") -> tuple[GameState, ResumeReport]:
    """The state to play on with ``loaded``, every part of the log checked by the rules it was played with."""
    report = ResumeReport(damage=list(info.get("damage") or []))
    segments = _segments(events, str(info.get("snapshot") or ""))
    state: GameState | None = None
    for number, (start, end, text) in enumerate(segments):
        played = _scenario_for(events[start], text, loaded)
        if played is None or (number == 0 and not info.get("checked")):
            state = None        # no text to check with (a pack), or a save from before checking
            continue
        before = _fold(played.scenario, events[:start + 1]) if number else None
        body = events[start + 1:end] if number else events[:end]
        try:
            state = checked_replay(played.index, body, before, first=start + 1 if number else 0)
        except Corrupt as corrupt:
            raise EscapeboxError([_corrupt_problem(corrupt, info, file)]) from None
        if played is not loaded:
            state = None
    if state is not None:
        return state, report
    last_text = segments[-1][2]
    last_digest = _digest_of(events[segments[-1][0]]) if events else ""
    if last_digest == loaded.digest:
        return _fold(loaded.scenario, events), report   # the same scenario, played unchecked (old save)
    report.changed = True
    if last_text:
        _compare(last_text, loaded.scenario, report)
    known = known_ids(loaded.scenario)
    kept = [e for e in events if still_valid(e, known)]
    report.dropped_events = len(events) - len(kept)
    state = _fold(loaded.scenario, kept)
    was_in = _last_room(events)
    room = ""
    if state.room not in loaded.scenario.rooms:
        room = loaded.scenario.start
    if was_in and was_in not in loaded.scenario.rooms:
        report.moved_from = was_in
        here = room or state.room
        report.moved_to = f"{loaded.scenario.rooms[here].name} ({here})"
    report.marker = E.ScenarioChanged(digest=loaded.digest, room=room, snapshot=scenario_snapshot(loaded))
    return state, report


def rules_problem(loaded: LoadedScenario, info: dict, events: list[E.Event], file: str = "") -> Problem | None:
    """The first step the rules refuse (for a report, with ``loaded`` the scenario as played); ``None``
    when every part of the log that can be checked follows them."""
    try:
        rebuild(loaded, info, events, file=file)
    except EscapeboxError as exc:
        return exc.problems[0]
    return None


def saved_rules_problem(info: dict, events: list[E.Event], file: str = "") -> Problem | None:
    """:func:`rules_problem` with the scenario text saved with the session (none for packs)."""
    snapshot = str(info.get("snapshot") or "")
    if not snapshot:
        return None
    try:
        played = load_scenario_text(snapshot)
    except EscapeboxError:
        return None
    return rules_problem(played, info, events, file)


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


def _fold(scenario: Scenario, events: list[E.Event]) -> GameState:
    """The state from events without asking the rules (ids the scenario lacks are left out)."""
    known = known_ids(scenario)
    state = GameState(scenario)
    for event in events:
        if still_valid(event, known):
            state.apply(event)
    return state


def _segments(events: list[E.Event], snapshot: str) -> list[tuple[int, int, str]]:
    """(start, end, scenario text) per part of the log played on one version of the scenario: the
    first from the session's snapshot, each later one from the ``ScenarioChanged`` that starts it."""
    starts = [0] + [n for n, e in enumerate(events) if isinstance(e, E.ScenarioChanged) and n > 0]
    ends = starts[1:] + [len(events)]
    texts = [snapshot] + [getattr(events[n], "snapshot", "") for n in starts[1:]]
    return list(zip(starts, ends, texts))


def _digest_of(event: E.Event) -> str:
    return getattr(event, "digest", "") if isinstance(event, (E.SessionStarted, E.ScenarioChanged)) else ""


def _scenario_for(first: E.Event, text: str, loaded: LoadedScenario) -> LoadedScenario | None:
    """The scenario a part of the log was played on: the one loaded now, or its saved text."""
    digest = _digest_of(first)
    if not digest:
        return None
    if digest == loaded.digest:
        return loaded
    if text and hashlib.sha256(text.encode("utf-8")).hexdigest() == digest:
        try:
            return load_scenario_text(text, folder=loaded.folder)
        except EscapeboxError:
            return None
    return None


def _last_room(events: list[E.Event]) -> str:
    for event in reversed(events):
        room = getattr(event, "room", "") if isinstance(event, (E.SessionStarted, E.RoomEntered,
                                                                 E.ScenarioChanged)) else ""
        if room:
            return room
    return ""


def _corrupt_problem(corrupt: Corrupt, info: dict, file: str) -> Problem:
    params = {k: v for k, v in corrupt.params.items() if isinstance(v, (str, int, float))}
    return Problem("store.replay_refused", {
        **params, "session": str(info.get("id", "")), "group": info.get("group_name") or "?",
        "number": corrupt.number, "type": corrupt.event.type, "reason": f"@{corrupt.reason}|"}, file=file)


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
