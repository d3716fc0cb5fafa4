"""Commands: everything a group or a trainer can ask the game to do.

Commands are requests; the rules decide what happens and answer with events
(or a ``CommandRefused``).  They are plain frozen dataclasses so the UI,
tests, replays and the facilitator console build them the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Command:
    by_facilitator = False


@dataclass(frozen=True)
class EnterRoom(Command):
    room: str


@dataclass(frozen=True)
class Inspect(Command):
    object: str


@dataclass(frozen=True)
class TakeItem(Command):
    item: str


@dataclass(frozen=True)
class UseItem(Command):
    item: str
    object: str


@dataclass(frozen=True)
class CombineItems(Command):
    items: tuple[str, ...]


@dataclass(frozen=True)
class TryAnswer(Command):
    puzzle: str
    answer: Any


@dataclass(frozen=True)
class TakeHint(Command):
    puzzle: str


@dataclass(frozen=True)
class AnswerReflection(Command):
    reflection: str
    answer: str


@dataclass(frozen=True)
class SkipReflection(Command):
    reflection: str


@dataclass(frozen=True)
class Pause(Command):
    #: a trainer's pause that only the trainer lifts (the console sets it).  False for the group's
    #: own pause, and when a log from before this rule is replayed: those trainer's pauses the group
    #: could still lift, so the replay must not hold them.
    held: bool = False


@dataclass(frozen=True)
class Resume(Command):
    pass


@dataclass(frozen=True)
class SetGroupName(Command):
    name: str


@dataclass(frozen=True)
class StopGame(Command):
    """The group stops (for example when the time is up) and goes to the debrief."""


@dataclass(frozen=True)
class FacilitatorCommand(Command):
    by_facilitator = True


@dataclass(frozen=True)
class AdjustTime(FacilitatorCommand):
    seconds: int


@dataclass(frozen=True)
class PushHint(FacilitatorCommand):
    puzzle: str


@dataclass(frozen=True)
class SkipPuzzle(FacilitatorCommand):
    puzzle: str


@dataclass(frozen=True)
class RevealAnswer(FacilitatorCommand):
    puzzle: str


@dataclass(frozen=True)
class JumpToRoom(FacilitatorCommand):
    room: str


@dataclass(frozen=True)
class EndGame(FacilitatorCommand):
    pass
