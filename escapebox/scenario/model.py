"""The scenario format: what a trainer can write, as immutable pydantic models.

Read a scenario aloud from the top: its metadata and learning goals, the
timer, the room it starts in, the rooms with their objects and exits, the
clues and items to find, the puzzles (locks), the reflection prompts, the
endings and the debrief.  Everything refers to everything else by short ids.
Field names here are the keys a trainer writes; ``docs/authoring.md``
documents each of them (a test keeps the two in step).

HOW THE GAME PLAYS THESE FIELDS: read docs/rules.md (exits work both ways,
``needs`` drives the solvability proof, dilemma options each open the lock,
reflection moments, items and combinations, icons from assets/icons).
"""

from __future__ import annotations

from dataclasses import field
from typing import Annotated, Literal, Union

from escapebox.puzzles import Puzzle
from escapebox.scenario.area import AreaSpec
from escapebox.scenario.sources import Source
from escapebox.scenario.types import (
    Flag,
    Frozen, Id, ImagePath, Rule, ShortText, Text, TextList, before, between, length, part, ref, refs,
)

FORMAT_VERSION = 1


def _no_clock(value):
    """``minutes: geen`` (or ``none``) means self-study without a clock."""
    if isinstance(value, str) and value.strip().lower() in NO_CLOCK_WORDS:
        return None
    return value


NO_CLOCK_WORDS = ("geen", "none", "nee", "no")
Minutes = Annotated[int | None, between(1, 600), before(_no_clock, Union[int, Literal[NO_CLOCK_WORDS], None])]
Players = Annotated[str, Rule("Field", pattern=r"^\s*\d{1,2}\s*(-\s*\d{1,2}\s*)?$"),
                    before(lambda v: str(v) if isinstance(v, int) else v, Union[int, str])]
Seconds = Annotated[int, between(0, 3600)]


def _empty():
    """A default for mappings: dataclasses need a fresh one per instance (the parts never change it)."""
    return field(default_factory=dict)


@part
class Timer(Frozen):
    minutes: Minutes = None
    hint_penalty: Seconds = 60
    wrong_penalty: Seconds = 0
    at_zero: Literal["overtime", "end"] = "overtime"


@part
class RoomObject(Frozen):
    name: ShortText
    text: Text
    icon: ShortText | None = None
    image: ImagePath | None = None
    image_alt: ShortText | None = None
    area: AreaSpec | None = None
    reveals: refs("clue") = ()
    gives: refs("item") = ()
    locked_by: ref("puzzle") | None = None
    needs_item: ref("item") | None = None
    hidden_text: Text | None = None
    hidden_reveals: refs("clue") = ()
    #: Another ``text`` once the group made a dilemma choice: option id → text (escapebox/scenario/branches.py).
    after_choice: dict[Id, Text] = _empty()
    #: The object is there only after this dilemma choice (an option id).
    only_after: Id | None = None

    def __post_init__(self):
        if (self.hidden_text or self.hidden_reveals) and not self.needs_item:
            raise ValueError("hidden_without_item")
        if self.needs_item and not (self.hidden_text or self.hidden_reveals):
            raise ValueError("item_without_hidden")


@part
class Exit(Frozen):
    to: ref("room")
    label: ShortText
    locked_by: ref("puzzle") | None = None
    area: AreaSpec | None = None


@part
class Room(Frozen):
    name: ShortText
    text: Text
    image: ImagePath | None = None
    image_alt: ShortText | None = None
    objects: dict[Id, RoomObject] = _empty()
    exits: tuple[Exit, ...] = ()
    after_choice: dict[Id, Text] = _empty()
    #: For the trainer alone (console, report, trainer sheet): never on the group's screen or in a pack's open text.
    trainer_notes: Text | None = None


@part
class Clue(Frozen):
    title: ShortText
    text: Text
    image: ImagePath | None = None
    image_alt: ShortText | None = None


@part
class Item(Frozen):
    name: ShortText
    text: Text
    icon: ShortText | None = None
    image: ImagePath | None = None
    image_alt: ShortText | None = None
    #: A red herring on purpose: the group can take it, no lock asks for it (no "never used" warning).
    decoy: Flag = False


@part
class Combination(Frozen):
    items: Annotated[refs("item"), length(2, 4)]
    gives: ref("item")
    text: Text | None = None


@part
class Scale(Frozen):
    min: Annotated[int, between(0, 10)] = 1
    max: Annotated[int, between(1, 10)] = 5
    low: ShortText | None = None
    high: ShortText | None = None

    def __post_init__(self):
        if self.max <= self.min:
            raise ValueError("scale_order")


@part
class Reflection(Frozen):
    kind: Literal["text", "scale", "discuss"] = "text"
    prompt: Text
    after: ref("puzzle") | None = None
    on_enter: ref("room") | None = None
    at_end: Flag = False
    pauses_timer: Flag = True
    goals: refs("goal") = ()
    scale: Scale | None = None
    minutes: Annotated[int, between(1, 60)] | None = None

    def __post_init__(self):
        moments = [self.after is not None, self.on_enter is not None, self.at_end]
        if sum(moments) > 1:
            raise ValueError("reflection_two_moments")
        if self.scale and self.kind != "scale":
            raise ValueError("scale_without_kind")

    @property
    def scale_or_default(self) -> Scale:
        return self.scale or Scale()


#: An ending variant's key: one dilemma option id, or several joined by ``+`` (all of them chosen).
VariantKey = Annotated[str, Rule("StringConstraints", pattern=r"^[a-z0-9][a-z0-9_-]*(\+[a-z0-9][a-z0-9_-]*)*$")]


@part
class EndingVariant(Frozen):
    """What the ending says after one choice (or combination): ``text``, and optionally its own title and picture."""

    text: Text
    title: ShortText | None = None
    image: ImagePath | None = None
    image_alt: ShortText | None = None


@part
class Ending(Frozen):
    title: ShortText
    text: Text
    image: ImagePath | None = None
    image_alt: ShortText | None = None
    variants: dict[VariantKey, EndingVariant] = _empty()

    def variant_for(self, chosen: set[str]) -> str | None:
        """The key of the variant these chosen option ids call for: the one naming most of them.

        A combination (``a+b``) is more precise than ``a`` alone, so it wins when
        both match; among equals the first written wins.  ``None``: the default text.
        """
        matching = [key for key in self.variants if set(key.split("+")) <= chosen]
        return max(matching, key=lambda key: key.count("+"), default=None)


@part
class Debrief(Frozen):
    text: Text | None = None
    questions: Annotated[TextList, length(high=30)] = ()


@part
class Scenario(Frozen):
    format: Annotated[int, between(1)]
    id: Id
    title: ShortText
    summary: Text
    language: Literal["nl", "en"] = "nl"
    audience: ShortText | None = None
    level: ShortText | None = None
    players: Players = "1-5"
    duration: Annotated[int, between(1, 600)]
    author: ShortText | None = None
    licence: ShortText | None = None
    theme: ShortText | None = None
    goals: dict[Id, Text] = _empty()
    timer: Timer = Timer()
    start: ref("room")
    rooms: Annotated[dict[Id, Room], length(1)]
    clues: dict[Id, Clue] = _empty()
    items: dict[Id, Item] = _empty()
    combinations: tuple[Combination, ...] = ()
    puzzles: dict[Id, Puzzle] = _empty()
    reflections: dict[Id, Reflection] = _empty()
    endings: Annotated[dict[Id, Ending], length(1)]
    debrief: Debrief = Debrief()
    #: Where the case's facts come from, and notes: for the trainer alone (escapebox/scenario/sources.py).
    sources: tuple[Source, ...] = ()
    trainer_notes: Text | None = None

    @property
    def player_range(self) -> tuple[int, int]:
        parts = [int(p) for p in self.players.replace(" ", "").split("-")]
        return parts[0], parts[-1]

    def objects(self) -> dict[str, tuple[str, RoomObject]]:
        """Every object by id, with the room it stands in."""
        return {oid: (rid, obj) for rid, room in self.rooms.items() for oid, obj in room.objects.items()}
