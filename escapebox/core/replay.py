"""Replaying a saved log through the rules: a step the rules would refuse is a corrupt save.

Every command a group or trainer gave left a *cascade* of events in the
log, and the first event of each cascade says what was asked: a
``LockOpened`` with its answer was a ``TryAnswer``, a ``RoomEntered`` an
``EnterRoom`` (or, by the trainer, a ``JumpToRoom``), and so on.
:func:`checked_replay` asks the rules again, on the state rebuilt so far,
and requires them to give exactly the stored cascade (ids, answers, texts;
not the times).  An answer the scenario does not accept, a door that was
still locked, a clue nothing gave, a reflection answered before it was
asked — written into the save by hand — stops the replay with the number
of the step (:class:`Corrupt`).

What this cannot see (docs/robustness.md): the times (``at``, ``wall``),
which the rules do not decide, and a log rewritten from its first step to
its last so that every step follows the rules.  The save is not signed.
"""

from __future__ import annotations

from typing import Any, Callable

from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.core.rules import Refused, Rules
from escapebox.core.state import GameState
from escapebox.scenario.index import ScenarioIndex

#: how far past zero the stored clock of a ``TimeUp`` may be read as "not yet" (float rounding)
_TIME_SLACK = 0.001


class Corrupt(Exception):
    """Step ``number`` (1-based, in the whole log) is not what the rules allow; ``reason`` is a message key."""

    def __init__(self, number: int, event: E.Event, reason: str, params: dict | None = None):
        super().__init__(f"{reason} at step {number} ({event.type})")
        self.number, self.event, self.reason, self.params = number, event, reason, dict(params or {})


class Pause(C.Pause):
    """The trainer's pause (the rules find the handler by the class name, as for the console's own)."""

    by_facilitator = True


class Resume(C.Resume):
    by_facilitator = True


def checked_replay(index: ScenarioIndex, events: list[E.Event], state: GameState | None = None,
                   first: int = 0) -> GameState:
    """Fold ``events`` over ``state`` (a new game by default), every cascade checked by the rules.

    ``first`` is the position of ``events[0]`` in the whole log, for the step
    numbers in :class:`Corrupt`.
    """
    rules = Rules(index)
    state = state if state is not None else GameState(index.scenario)
    position = 0
    while position < len(events):
        decide = _decider(events[position], rules, state, first + position)
        if decide is None:
            raise Corrupt(first + position + 1, events[position], "store.replay.not_alone")
        position += _cascade(events, position, decide, state, first)
    return state


def _cascade(events: list[E.Event], position: int, decide, state: GameState, first: int) -> int:
    """Ask the rules for the cascade at ``position``; it must be the stored one. Returns its length."""
    head = events[position]
    produced: list[E.Event] = []

    def emit(event: E.Event) -> None:
        at = position + len(produced)
        if at >= len(events) or _content(events[at]) != _content(event):
            raise Corrupt(first + at + 1, events[at] if at < len(events) else head,
                          "store.replay.different", {"expected": event.type})
        state.apply(events[at])      # the stored event, with its own times
        produced.append(events[at])

    try:
        decide(emit)
    except Refused as refusal:
        raise Corrupt(first + position + 1, head, refusal.reason, refusal.params) from None
    except (TypeError, ValueError, KeyError, IndexError):      # values no screen gives: a hand-made step
        raise Corrupt(first + position + 1, head, "store.replay.different", {"expected": "?"}) from None
    if not produced:
        raise Corrupt(first + position + 1, head, "store.replay.not_alone")
    return len(produced)


def _decider(head: E.Event, rules: Rules, state: GameState, position: int) -> Callable[[Any], None] | None:
    """What produced a cascade that starts with ``head``: a command to ask the rules again, or the
    clock, or the start of the game; ``None`` for an event that never starts a cascade."""
    command = _command(head)
    if command is not None:
        return lambda emit: rules.decide(state, command, emit)
    scenario = rules.scenario
    if isinstance(head, E.SessionStarted):
        start = head

        def started(emit) -> None:
            if position != 0 or state.events:
                raise Refused("store.replay.second_start")
            if start.room != scenario.start or start.scenario != scenario.id:
                raise Refused("store.replay.wrong_start", room=start.room)
            emit(E.SessionStarted(scenario=scenario.id, digest=start.digest, room=scenario.start,
                                  autoplayed=start.autoplayed))     # how it was played, not a rule
        return started
    if isinstance(head, E.ReflectionPrompted):
        def first_room(emit) -> None:       # GameSession.start: the start room's own reflections
            if state.prompted or state.visited != [scenario.start]:
                raise Refused("store.replay.not_alone")
            for rid, reflection in scenario.reflections.items():
                if reflection.on_enter == scenario.start:
                    emit(E.ReflectionPrompted(reflection=rid))
        return first_room
    if isinstance(head, E.TimeUp):
        moment = head.at

        def time_up(emit) -> None:          # GameSession.tick
            view = state.timer(moment)
            if state.time_up or state.ended or view.remaining is None or view.remaining > _TIME_SLACK:
                raise Refused("store.replay.time_not_up")
            emit(E.TimeUp())
            if scenario.timer.at_zero == "end":
                emit(E.GameEnded(reason="time"))
        return time_up
    return None


def _command(e: E.Event) -> C.Command | None:
    if isinstance(e, E.GroupNamed):
        return C.SetGroupName(e.name)
    if isinstance(e, E.RoomEntered):
        return C.JumpToRoom(e.room) if e.by_facilitator else C.EnterRoom(e.room)
    if isinstance(e, E.ObjectInspected):
        return C.Inspect(e.object)
    if isinstance(e, E.ItemTaken):
        return C.TakeItem(e.item)
    if isinstance(e, E.ItemUsed):
        return C.UseItem(e.item, e.object)
    if isinstance(e, E.ItemsCombined):
        return C.CombineItems(tuple(e.items))
    if isinstance(e, E.WrongAnswer):
        return C.TryAnswer(e.puzzle, _lists(e.answer))
    if isinstance(e, E.LockOpened):
        return C.SkipPuzzle(e.puzzle) if e.skipped else C.TryAnswer(e.puzzle, _lists(e.answer))
    if isinstance(e, E.HintShown):
        return C.PushHint(e.puzzle) if e.pushed else C.TakeHint(e.puzzle)
    if isinstance(e, E.AnswerRevealed):
        return C.RevealAnswer(e.puzzle)
    if isinstance(e, E.ReflectionAnswered):
        return C.AnswerReflection(e.reflection, e.answer)
    if isinstance(e, E.ReflectionSkipped):
        return C.SkipReflection(e.reflection)
    if isinstance(e, E.Paused):
        return Pause(held=e.held) if e.by_facilitator else C.Pause()
    if isinstance(e, E.Resumed):
        return Resume() if e.by_facilitator else C.Resume()
    if isinstance(e, E.TimeAdjusted):
        return C.AdjustTime(e.seconds)
    if isinstance(e, E.GameEnded) and e.reason in ("facilitator", "group"):
        return C.EndGame() if e.reason == "facilitator" else C.StopGame()
    return None


def _lists(value):
    """Answers come back from JSON as tuples; the screens give lists."""
    if isinstance(value, tuple):
        return [_lists(v) for v in value]
    return value


def _content(event: E.Event) -> dict:
    """What the rules decide about an event: everything but its times, lists and tuples alike."""
    data = event.to_dict()
    data.pop("at", None)
    data.pop("wall", None)
    return {k: _lists(v) for k, v in data.items()}
