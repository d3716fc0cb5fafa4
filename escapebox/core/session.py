"""A game session: one group playing one scenario, driven only through ``apply``.

The session stamps every event with the injected clock, applies it to the
state, and hands it to the store, which commits it before ``apply``
returns — so whatever the screen shows as confirmed survives a pulled plug.
When saving fails (a full or read-only disk) play goes on: the events wait
in memory, ``save_problem`` tells the screen to warn, and the next command
tries to write them again.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import datetime
from typing import Any

from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.scenario.index import Door, ScenarioIndex
from escapebox.core.rules import Refused, Rules
from escapebox.core.state import GameState, TimerView
from escapebox.scenario.loader import LoadedScenario


class GameSession:
    def __init__(self, loaded: LoadedScenario, clock, store=None, session_id: str | None = None,
                 index: ScenarioIndex | None = None):
        self.loaded = loaded
        self.scenario = loaded.scenario
        self.clock = clock
        self.store = store
        self.session_id = session_id
        self.index = index or loaded.index
        self.rules = Rules(self.index)
        self.state = GameState(self.scenario)
        self.unsaved: list[E.Event] = []
        #: reflection text the disk refused: kept here, shown again, written with the next save
        self.unsaved_drafts: dict[str, str] = {}
        self.save_problem: str | None = None

    # ----- creating and restoring -------------------------------------------------
    @classmethod
    def start(cls, loaded: LoadedScenario, clock, store=None, group: str = "") -> "GameSession":
        session_id = store.create_session(loaded) if store else None
        session = cls(loaded, clock, store, session_id)
        started = E.SessionStarted(scenario=loaded.scenario.id, digest=loaded.digest, room=loaded.scenario.start)
        session._record([started])
        events = []
        if group:
            events += session.apply(C.SetGroupName(group))
        session._record_cascade(lambda emit: session._first_room_reflections(emit))
        return session

    def _first_room_reflections(self, emit) -> None:
        for rid, reflection in self.scenario.reflections.items():
            if reflection.on_enter == self.scenario.start:
                emit(E.ReflectionPrompted(reflection=rid))

    @classmethod
    def replay(cls, loaded: LoadedScenario, events: list[E.Event], clock, store=None,
               session_id: str | None = None, checkpoint: float = 0.0) -> "GameSession":
        """Rebuild a session from its log; the clock continues where play stopped."""
        session = cls(loaded, clock, store, session_id)
        for event in events:
            session.state.apply(event)
        clock.continue_from(max(session.state.last_at, checkpoint))
        return session

    def checkpoint(self) -> None:
        """Note the clock in the save (the screen calls this every few seconds and on exit)."""
        if self.store is None:
            return
        try:
            self.store.checkpoint(self.session_id, self.clock.now())
        except OSError as exc:
            self.save_problem = type(exc).__name__

    # ----- the one path for every action ---------------------------------------------
    def apply(self, command: C.Command) -> list[E.Event]:
        produced = self.tick()
        try:
            produced += self._record_cascade(lambda emit: self.rules.decide(self.state, command, emit))
        except Refused as refusal:
            return produced + [E.CommandRefused(reason=refusal.reason, params=refusal.params,
                                                at=self.clock.now())]
        return produced

    def tick(self) -> list[E.Event]:
        """Record the moment the clock passes zero; call it from the screen's timer too."""
        view = self.timer()
        if self.state.time_up or self.state.ended or view.remaining is None or view.remaining > 0:
            return []

        def time_up(emit):
            emit(E.TimeUp())
            if self.scenario.timer.at_zero == "end":
                emit(E.GameEnded(reason="time"))
        return self._record_cascade(time_up)

    def _record_cascade(self, decide) -> list[E.Event]:
        now, wall = self.clock.now(), datetime.now().astimezone().isoformat(timespec="seconds")
        produced: list[E.Event] = []

        def emit(event: E.Event) -> None:
            stamped = dataclasses.replace(event, at=now, wall=wall)
            self.state.apply(stamped)
            produced.append(stamped)

        decide(emit)
        self._save(produced)
        return produced

    def _record(self, events: list[E.Event]) -> None:
        self._record_cascade(lambda emit: [emit(e) for e in events])

    def _save(self, events: list[E.Event]) -> None:
        if self.store is None or not events:
            return
        self.unsaved.extend(events)
        try:
            self.store.append(self.session_id, self.unsaved)
        except OSError as exc:
            self.save_problem = type(exc).__name__
            return
        self.unsaved = []
        self.save_problem = None
        self._flush_drafts()

    def save_draft(self, reflection: str, text: str) -> None:
        """Keep half-typed reflection text safe without logging every keystroke.

        If the disk refuses, the text stays in memory (``draft`` returns it)
        and every later save tries again: nothing the group typed is dropped.
        """
        self.unsaved_drafts[reflection] = text
        if self.store is not None:
            self._flush_drafts()

    def _flush_drafts(self) -> None:
        for reflection, text in list(self.unsaved_drafts.items()):
            try:
                self.store.save_draft(self.session_id, reflection, text)
            except OSError as exc:
                self.save_problem = type(exc).__name__
                return
            if self.unsaved_drafts.get(reflection) == text:
                del self.unsaved_drafts[reflection]
        if not self.unsaved:
            self.save_problem = None  # everything typed and done is on disk again

    def draft(self, reflection: str) -> str:
        if reflection in self.unsaved_drafts:
            return self.unsaved_drafts[reflection]
        if self.store is None:
            return ""
        try:
            return self.store.draft(self.session_id, reflection) or ""
        except (OSError, sqlite3.Error):  # an unreadable draft is an empty one, not a crash
            return ""

    # ----- questions the screens ask -----------------------------------------------------
    def timer(self) -> TimerView:
        return self.state.timer(self.clock.now())

    def objects(self) -> list[str]:
        return list(self.scenario.rooms[self.state.room].objects)

    def exits(self) -> list[tuple[Door, bool]]:
        return [(door, self.state.is_open(door.locked_by)) for door in self.index.doors[self.state.room]]

    def available_puzzles(self) -> list[str]:
        return [p for p in self.index.puzzles_in_room(self.state.room) if p not in self.state.opened]

    def object_view(self, object_id: str) -> dict[str, Any]:
        obj = self.index.objects[object_id]
        is_open = self.state.is_open(obj.locked_by)
        return {
            "object": obj,
            "locked_by": None if is_open else obj.locked_by,
            "text": obj.text if is_open else None,
            "hidden_text": obj.hidden_text if object_id in self.state.hidden_revealed else None,
            "can_use": obj.needs_item if (is_open and obj.needs_item in self.state.inventory
                                          and object_id not in self.state.hidden_revealed) else None,
            "items": [i for i in obj.gives if i not in self.state.taken] if is_open else [],
            "clues": list(obj.reveals) if is_open else [],
        }

    def current_reflection(self) -> str | None:
        return self.state.pending[0] if self.state.pending else None

    def next_hint(self, puzzle: str) -> str | None:
        hints = self.scenario.puzzles[puzzle].hints
        shown = self.state.hints.get(puzzle, 0)
        return hints[shown] if shown < len(hints) else None

    def results(self, meta: str | None = None) -> dict[str, str]:
        """Results of solved puzzles (``result`` fields), in the order a meta puzzle lists them."""
        order = self.scenario.puzzles[meta].prerequisite_puzzles() if meta else tuple(self.scenario.puzzles)
        return {pid: result for pid in order
                if (result := self.scenario.puzzles[pid].result) and pid in self.state.opened}
