"""Events: small, named, serialisable records of what happened, with a timestamp.

``at`` is game-clock seconds since the session started (paused time
included; the timer view subtracts pauses), ``wall`` the local wall-clock
time for reports.  The debrief, the reports, the screen and replays are all
built from these records, so they hold ids and texts, never objects.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields
from typing import Any, ClassVar

EVENT_TYPES: dict[str, type["Event"]] = {}


@dataclass(frozen=True)
class Event:
    at: float = 0.0
    wall: str = ""
    stored: ClassVar[bool] = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        EVENT_TYPES[cls.__name__] = cls

    @property
    def type(self) -> str:
        return type(self).__name__

    def to_dict(self) -> dict:
        data = asdict(self)
        data["type"] = self.type
        return data


class BadEvent(ValueError):
    """A stored event that cannot be used; ``reason`` is a message key, ``field`` the field at fault."""

    def __init__(self, reason: str, field: str = "", kind: str = ""):
        super().__init__(f"{reason} {kind}.{field}")
        self.reason, self.field, self.kind = reason, field, kind


def event_from_dict(data: Any) -> Event:
    """Rebuild an event from JSON; unknown fields are dropped, unknown types and wrong values refused.

    Every field is checked against its declared type (``at`` a finite number,
    ids and texts strings, counts integers, ...), so a damaged or hand-edited
    save is refused here with :class:`BadEvent` instead of failing later in
    the fold.
    """
    if not isinstance(data, dict):
        raise BadEvent("store.event.not_an_object")
    kind = data.get("type")
    cls = EVENT_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None or not cls.stored:
        raise BadEvent("store.event.unknown_type", kind=str(kind)[:40])
    values = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        value = _tuples(data[f.name])
        if not _CHECKS.get(str(f.type), _any)(value):
            raise BadEvent("store.event.bad_value", field=f.name, kind=cls.__name__)
        values[f.name] = value
    return cls(**values)


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _any(value) -> bool:
    """What an answer may be: JSON without objects (text, numbers, lists of them)."""
    if isinstance(value, tuple):
        return all(_any(v) for v in value)
    return value is None or isinstance(value, (str, bool)) or _number(value)


_CHECKS = {
    "float": _number,
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "bool": lambda v: isinstance(v, bool),
    "str": lambda v: isinstance(v, str),
    "str | None": lambda v: v is None or isinstance(v, str),
    "tuple": lambda v: isinstance(v, tuple) and all(isinstance(i, str) for i in v),
    "tuple[int, ...]": lambda v: isinstance(v, tuple) and all(isinstance(i, int) and not isinstance(i, bool) for i in v),
    "dict": lambda v: isinstance(v, dict),
    "Any": _any,
}


def _tuples(value):
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    return value


@dataclass(frozen=True)
class SessionStarted(Event):
    scenario: str = ""
    digest: str = ""
    room: str = ""
    #: played by ``--autoplay`` (kept with ``--save`` for a demo): every list and report says so
    autoplayed: bool = False


@dataclass(frozen=True)
class GroupNamed(Event):
    name: str = ""


@dataclass(frozen=True)
class RoomEntered(Event):
    room: str = ""
    by_facilitator: bool = False


@dataclass(frozen=True)
class ObjectInspected(Event):
    object: str = ""
    locked: bool = False


@dataclass(frozen=True)
class ClueFound(Event):
    clue: str = ""


@dataclass(frozen=True)
class ItemTaken(Event):
    item: str = ""


@dataclass(frozen=True)
class ItemUsed(Event):
    item: str = ""
    object: str = ""


@dataclass(frozen=True)
class HiddenRevealed(Event):
    object: str = ""


@dataclass(frozen=True)
class ItemsCombined(Event):
    items: tuple = ()
    gives: str = ""


@dataclass(frozen=True)
class WrongAnswer(Event):
    puzzle: str = ""
    answer: Any = None
    shown: str = ""
    feedback: str | None = None
    #: the same answer as the puzzle's wrong attempt just before (a click, then Enter on the same
    #: point): the group sees the feedback again, but it is no new attempt, costs no penalty and
    #: is not counted
    repeat: bool = False


@dataclass(frozen=True)
class LockOpened(Event):
    puzzle: str = ""
    answer: Any = None
    shown: str = ""
    skipped: bool = False
    feedback: str | None = None


@dataclass(frozen=True)
class DilemmaChosen(Event):
    puzzle: str = ""
    option: int = 0
    #: the option's text; for a conversation of several turns the path, "first » then » last"
    text: str = ""
    #: a conversation's option number per turn (the first is ``option``); empty for one turn
    path: tuple[int, ...] = ()


@dataclass(frozen=True)
class HintShown(Event):
    puzzle: str = ""
    index: int = 0
    text: str = ""
    pushed: bool = False


@dataclass(frozen=True)
class PenaltyAdded(Event):
    seconds: int = 0
    reason: str = ""
    puzzle: str = ""


@dataclass(frozen=True)
class AnswerRevealed(Event):
    puzzle: str = ""
    solution: str = ""


@dataclass(frozen=True)
class ReflectionPrompted(Event):
    reflection: str = ""
    ending: str = ""


@dataclass(frozen=True)
class ReflectionAnswered(Event):
    reflection: str = ""
    answer: str = ""


@dataclass(frozen=True)
class ReflectionSkipped(Event):
    reflection: str = ""


@dataclass(frozen=True)
class Paused(Event):
    by_facilitator: bool = False
    reason: str = ""
    #: only the trainer lifts this pause (absent, so False, in logs from before that rule)
    held: bool = False


@dataclass(frozen=True)
class Resumed(Event):
    by_facilitator: bool = False


@dataclass(frozen=True)
class TimeAdjusted(Event):
    seconds: int = 0


@dataclass(frozen=True)
class TimeUp(Event):
    pass


@dataclass(frozen=True)
class Escaped(Event):
    ending: str = ""


@dataclass(frozen=True)
class GameEnded(Event):
    reason: str = ""


@dataclass(frozen=True)
class ScenarioChanged(Event):
    """Play went on with an edited scenario: its ``digest`` and text (``snapshot``; empty for a pack),
    and ``room``, where play went on when the group's room was gone (else empty)."""

    digest: str = ""
    room: str = ""
    snapshot: str = ""


@dataclass(frozen=True)
class CommandRefused(Event):
    """Returned to the caller with a message key; never stored in the log."""

    reason: str = ""
    params: dict = field(default_factory=dict)
    stored: ClassVar[bool] = False
