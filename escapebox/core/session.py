"""A game session: one group playing one scenario, driven only through ``apply``.

The session stamps every event with the injected clock, applies it to the
state, and hands it to the store, which commits it before ``apply``
returns — so whatever the screen shows as confirmed survives a pulled plug.
When saving fails (a full or read-only disk) play goes on: the events wait
in memory, ``save_problem`` tells the screen to warn, and the next command
tries to write them again, as does :meth:`housekeeping` every
:data:`RETRY_EVERY` seconds (the screen calls it every frame) and
:meth:`close` when the game is left.

A session with a store is held by this process (``store.acquire``).  When
another process takes it over, the next write or heartbeat says so: the
session turns ``read_only`` with ``lost`` set, and refuses every command
from then on instead of writing over the other window's game.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import time
from datetime import datetime
from typing import Any

from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.scenario import branches
from escapebox.scenario.index import Door, ScenarioIndex
from escapebox.core.rules import Refused, Rules
from escapebox.core.state import GameState, TimerView
from escapebox.core.store import HEARTBEAT_EVERY, Holder, LockLost
from escapebox.scenario.loader import LoadedScenario

#: seconds between tries to write what a full disk refused
RETRY_EVERY = 2.0


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
        #: a view only: every command is refused and nothing is written (another window holds the game)
        self.read_only = False
        #: the session was taken over by another process while this one played it
        self.lost = False
        #: who took it over, when known
        self.taken_by: Holder | None = None
        self._last_retry = self._last_beat = time.monotonic()

    # ----- creating and restoring -------------------------------------------------
    @classmethod
    def start(cls, loaded: LoadedScenario, clock, store=None, group: str = "",
              autoplayed: bool = False) -> "GameSession":
        session = cls(loaded, clock, store)
        started = session._stamp(E.SessionStarted(scenario=loaded.scenario.id, digest=loaded.digest,
                                                  room=loaded.scenario.start, autoplayed=autoplayed))
        if store is not None:      # the session and its first event in one transaction, held by us
            session.session_id = store.create_session(loaded, [started])
        session.state.apply(started)
        if group:
            session.apply(C.SetGroupName(group))
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
        """Note the clock in the save, and that this process still holds the game (:meth:`housekeeping`)."""
        if self.store is None or self.read_only:
            return
        try:
            self.store.checkpoint(self.session_id, self.clock.now())
            self.store.heartbeat(self.session_id)
        except OSError as exc:
            self.save_problem = type(exc).__name__
        except LockLost as lost:
            self._lose(lost.holder)
        else:
            if not self.unsaved and not self.unsaved_drafts:
                self.save_problem = None

    def housekeeping(self, now: float | None = None) -> None:
        """Called every frame: retry what waits every ``RETRY_EVERY`` s, note the clock and the
        heartbeat every ``HEARTBEAT_EVERY`` s.  Cheap when there is nothing to do."""
        if self.store is None or self.read_only:
            return
        now = time.monotonic() if now is None else now
        if (self.unsaved or self.unsaved_drafts) and now - self._last_retry >= RETRY_EVERY:
            self._last_retry = now
            self.flush()
        if now - self._last_beat >= HEARTBEAT_EVERY:
            self._last_beat = now
            self.checkpoint()

    def unsaved_count(self) -> int:
        """Steps and typed texts that are not on disk yet (what quitting now would lose)."""
        if self.store is None or (self.read_only and not self.lost):
            return 0
        return len(self.unsaved) + len(self.unsaved_drafts)

    def close(self) -> bool:
        """The game is left: write what waits, note the clock and give the session free.

        Returns whether everything is on disk.
        """
        if self.store is None or self.read_only:
            return self.unsaved_count() == 0
        saved = self.flush()
        self.checkpoint()
        try:
            self.store.release(self.session_id)
        except (OSError, sqlite3.Error):
            pass
        return saved

    def _lose(self, holder: Holder | None) -> None:
        self.read_only = self.lost = True
        self.taken_by = holder

    # ----- the one path for every action ---------------------------------------------
    def apply(self, command: C.Command) -> list[E.Event]:
        if not self.read_only and self.store is not None and self.store.holds(self.session_id):
            try:
                self.store.still_held(self.session_id)   # another window took over: refuse, change nothing
            except LockLost as lost:
                self._lose(lost.holder)
            except (OSError, sqlite3.Error):
                pass                                     # an unreadable disk: the write below will say so
        if self.read_only:
            return [E.CommandRefused(reason="store.read_only_refused", params={}, at=self.clock.now())]
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
        if self.read_only or self.state.time_up or self.state.ended or view.remaining is None or view.remaining > 0:
            return []

        def time_up(emit):
            emit(E.TimeUp())
            if self.scenario.timer.at_zero == "end":
                emit(E.GameEnded(reason="time"))
        return self._record_cascade(time_up)

    def _record_cascade(self, decide) -> list[E.Event]:
        now, wall = self.clock.now(), _wall()
        produced: list[E.Event] = []

        def emit(event: E.Event) -> None:
            stamped = dataclasses.replace(event, at=now, wall=wall)
            self.state.apply(stamped)
            produced.append(stamped)

        decide(emit)
        self._save(produced)
        return produced

    def _stamp(self, event: E.Event) -> E.Event:
        return dataclasses.replace(event, at=self.clock.now(), wall=_wall())

    def record(self, events: list[E.Event]) -> list[E.Event]:
        """Stamp, apply and save events decided outside the rules (a resume's ``ScenarioChanged``)."""
        return self._record_cascade(lambda emit: [emit(e) for e in events])

    def _save(self, events: list[E.Event]) -> None:
        if self.store is None or self.read_only or not events:
            return
        self.unsaved.extend(events)
        self.flush()

    def flush(self) -> bool:
        """Write the events and drafts that wait; True when everything is on disk."""
        if self.store is None or self.read_only:
            return self.unsaved_count() == 0
        if self.unsaved:
            if not self._written(self.store.append, self.session_id, self.unsaved):
                return False
            self.unsaved = []
        return self._flush_drafts()

    def _written(self, write, *args) -> bool:
        """Run one write to the store; a refusing disk or a lost lock is noted, never raised."""
        try:
            write(*args)
        except OSError as exc:
            self.save_problem = type(exc).__name__
            return False
        except LockLost as lost:
            self._lose(lost.holder)
            return False
        return True

    def save_draft(self, reflection: str, text: str) -> None:
        """Keep half-typed reflection text safe without logging every keystroke.

        If the disk refuses, the text stays in memory (``draft`` returns it)
        and every later save tries again: nothing the group typed is dropped.
        """
        self.unsaved_drafts[reflection] = text
        if self.store is not None and not self.read_only:
            self._flush_drafts()

    def _flush_drafts(self) -> bool:
        if self.store is None:
            return True
        for reflection, text in list(self.unsaved_drafts.items()):
            if not self._written(self.store.save_draft, self.session_id, reflection, text):
                return False
            if self.unsaved_drafts.get(reflection) == text:
                del self.unsaved_drafts[reflection]
        if not self.unsaved:
            self.save_problem = None  # everything typed and done is on disk again
        return not self.unsaved and not self.unsaved_drafts

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

    def objects(self, room: str | None = None) -> list[str]:
        """The objects of a room (the current one by default) that are there now (``only_after`` a choice)."""
        chosen = self.chosen()
        objects = self.scenario.rooms[room or self.state.room].objects
        return [oid for oid, obj in objects.items() if branches.object_present(obj, chosen)]

    def chosen(self) -> set[str]:
        """The ids of the dilemma options chosen so far."""
        return branches.chosen_ids(self.scenario, self.state.choices)

    def room_text(self, room: str | None = None) -> str:
        return branches.room_text(self.scenario.rooms[room or self.state.room], self.chosen())

    def shown_ending(self) -> branches.ShownEnding | None:
        """The ending reached, with the variant the group's choices call for."""
        ending = self.state.ending
        return None if ending is None else branches.shown_ending(self.scenario, ending, self.state.choices)

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
            "text": branches.object_text(obj, self.chosen()) if is_open else None,
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


def _wall() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")
