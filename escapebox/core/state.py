"""The game state: the fold of the event log over the immutable scenario.

Nothing changes the state except :meth:`GameState.apply`, one event at a
time, so replaying the stored log rebuilds exactly the same state.  The
timer is kept as counted seconds plus the moment counting last started;
pauses (by the group, the trainer, or a reflection that pauses the timer)
stop counting.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from escapebox.core import events as E
from escapebox.scenario.model import Scenario


@dataclass(frozen=True)
class TimerView:
    limit: float | None
    elapsed: float
    penalties: float
    remaining: float | None
    overtime: float
    paused: bool

    @property
    def used(self) -> float:
        return self.elapsed + self.penalties


@dataclass
class GameState:
    scenario: Scenario
    room: str = ""
    visited: list[str] = field(default_factory=list)
    inspected: list[str] = field(default_factory=list)
    clues: list[str] = field(default_factory=list)
    inventory: list[str] = field(default_factory=list)
    taken: list[str] = field(default_factory=list)
    hidden_revealed: list[str] = field(default_factory=list)
    opened: dict[str, str] = field(default_factory=dict)
    choices: dict[str, int] = field(default_factory=dict)
    hints: dict[str, int] = field(default_factory=dict)
    wrong: dict[str, list[str]] = field(default_factory=dict)
    #: each puzzle's last wrong answer (as logged), to tell a repeat from a new attempt
    last_wrong: dict[str, object] = field(default_factory=dict)
    revealed: list[str] = field(default_factory=list)
    reflections: dict[str, str] = field(default_factory=dict)
    skipped_reflections: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    prompted: list[str] = field(default_factory=list)
    pending_ending: str | None = None
    paused: bool = False
    #: the trainer paused and only the trainer lifts the pause (``Paused.held``)
    pause_held: bool = False
    ended: bool = False
    ending: str | None = None
    end_reason: str = ""
    group: str = ""
    #: the auto-player played this session (``--autoplay --save``)
    autoplayed: bool = False
    time_up: bool = False
    counted: float = 0.0
    active_since: float | None = None
    penalties: float = 0.0
    adjustment: float = 0.0
    last_at: float = 0.0
    events: list[E.Event] = field(default_factory=list)

    # ----- the fold -------------------------------------------------------
    def apply(self, event: E.Event) -> None:
        at = max(event.at, self.last_at)
        self._stop_counting(at)
        handler = getattr(self, f"_on_{type(event).__name__}", None)
        if handler is not None:
            handler(event)
        self.last_at = at
        self.events.append(event)
        self._start_counting(at)

    def _stop_counting(self, at: float) -> None:
        if self.active_since is not None:
            self.counted += max(0.0, at - self.active_since)
            self.active_since = None

    def _start_counting(self, at: float) -> None:
        if self.clock_runs():
            self.active_since = at

    def clock_runs(self) -> bool:
        return not (self.paused or self.ended or self.reflection_pauses())

    def reflection_pauses(self) -> bool:
        return bool(self.pending) and self.scenario.reflections[self.pending[0]].pauses_timer

    def _on_SessionStarted(self, e: E.SessionStarted) -> None:
        self.autoplayed = e.autoplayed
        self._enter(e.room)

    def _on_GroupNamed(self, e: E.GroupNamed) -> None:
        self.group = e.name

    def _on_RoomEntered(self, e: E.RoomEntered) -> None:
        self._enter(e.room)

    def _on_ScenarioChanged(self, e: E.ScenarioChanged) -> None:
        if e.room:
            self._enter(e.room)

    def _enter(self, room: str) -> None:
        self.room = room
        if room not in self.visited:
            self.visited.append(room)

    def _on_ObjectInspected(self, e: E.ObjectInspected) -> None:
        if e.object not in self.inspected:
            self.inspected.append(e.object)

    def _on_ClueFound(self, e: E.ClueFound) -> None:
        if e.clue not in self.clues:
            self.clues.append(e.clue)

    def _on_ItemTaken(self, e: E.ItemTaken) -> None:
        if e.item not in self.inventory:
            self.inventory.append(e.item)
        if e.item not in self.taken:
            self.taken.append(e.item)

    def _on_HiddenRevealed(self, e: E.HiddenRevealed) -> None:
        if e.object not in self.hidden_revealed:
            self.hidden_revealed.append(e.object)

    def _on_ItemsCombined(self, e: E.ItemsCombined) -> None:
        self.inventory = [i for i in self.inventory if i not in e.items]
        self._on_ItemTaken(E.ItemTaken(item=e.gives))

    def _on_WrongAnswer(self, e: E.WrongAnswer) -> None:
        if not e.repeat:
            self.wrong.setdefault(e.puzzle, []).append(e.shown)
        self.last_wrong[e.puzzle] = e.answer

    def _on_LockOpened(self, e: E.LockOpened) -> None:
        self.opened.setdefault(e.puzzle, "skipped" if e.skipped else "solved")

    def _on_DilemmaChosen(self, e: E.DilemmaChosen) -> None:
        self.choices[e.puzzle] = e.option

    def _on_HintShown(self, e: E.HintShown) -> None:
        self.hints[e.puzzle] = max(self.hints.get(e.puzzle, 0), e.index + 1)

    def _on_PenaltyAdded(self, e: E.PenaltyAdded) -> None:
        self.penalties += e.seconds

    def _on_AnswerRevealed(self, e: E.AnswerRevealed) -> None:
        if e.puzzle not in self.revealed:
            self.revealed.append(e.puzzle)

    def _on_ReflectionPrompted(self, e: E.ReflectionPrompted) -> None:
        if e.reflection not in self.prompted:
            self.prompted.append(e.reflection)
            self.pending.append(e.reflection)
        if e.ending:
            self.pending_ending = e.ending

    def _on_ReflectionAnswered(self, e: E.ReflectionAnswered) -> None:
        self.reflections[e.reflection] = e.answer
        self._done_reflection(e.reflection)

    def _on_ReflectionSkipped(self, e: E.ReflectionSkipped) -> None:
        if e.reflection not in self.skipped_reflections:
            self.skipped_reflections.append(e.reflection)
        self._done_reflection(e.reflection)

    def _done_reflection(self, reflection: str) -> None:
        if reflection in self.pending:
            self.pending.remove(reflection)

    def _on_Paused(self, e: E.Paused) -> None:
        self.paused = True
        self.pause_held = e.held

    def _on_Resumed(self, e: E.Resumed) -> None:
        self.paused = False
        self.pause_held = False

    def _on_TimeAdjusted(self, e: E.TimeAdjusted) -> None:
        self.adjustment += e.seconds

    def _on_TimeUp(self, e: E.TimeUp) -> None:
        self.time_up = True

    def _on_Escaped(self, e: E.Escaped) -> None:
        self.ending = e.ending
        self.pending_ending = None
        self.ended = True
        self.end_reason = "escaped"

    def _on_GameEnded(self, e: E.GameEnded) -> None:
        self.ended = True
        self.end_reason = self.end_reason or e.reason
        self.pending_ending = None

    # ----- views -------------------------------------------------------------
    def timer(self, now: float) -> TimerView:
        elapsed = self.counted
        if self.active_since is not None:
            elapsed += max(0.0, now - self.active_since)
        minutes = self.scenario.timer.minutes
        limit = minutes * 60 + self.adjustment if minutes else None
        remaining = None if limit is None else limit - elapsed - self.penalties
        overtime = max(0.0, -remaining) if remaining is not None else 0.0
        return TimerView(limit, elapsed, self.penalties, remaining, overtime, not self.clock_runs())

    def is_open(self, puzzle: str | None) -> bool:
        return puzzle is None or puzzle in self.opened

    def has(self, thing: str) -> bool:
        return thing in self.clues or thing in self.inventory or thing in self.taken
