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

from typing import Annotated, Literal, Union

from pydantic import BeforeValidator, Field, model_validator

from escapebox.puzzles import Puzzle
from escapebox.scenario.area import Area
from escapebox.scenario.types import (
    Flag,
    Frozen, Id, ImagePath, ShortText, Text, TextList, ref, refs,
)

FORMAT_VERSION = 1


def _no_clock(value):
    """``minutes: geen`` (or ``none``) means self-study without a clock."""
    if isinstance(value, str) and value.strip().lower() in NO_CLOCK_WORDS:
        return None
    return value


NO_CLOCK_WORDS = ("geen", "none", "nee", "no")
Minutes = Annotated[int | None, Field(ge=1, le=600),
                    BeforeValidator(_no_clock, json_schema_input_type=Union[int, Literal[NO_CLOCK_WORDS], None])]
Players = Annotated[str, Field(pattern=r"^\s*\d{1,2}\s*(-\s*\d{1,2}\s*)?$"),
                    BeforeValidator(lambda v: str(v) if isinstance(v, int) else v,
                                    json_schema_input_type=Union[int, str])]


class Timer(Frozen):
    minutes: Minutes = None
    hint_penalty: int = Field(default=60, ge=0, le=3600)
    wrong_penalty: int = Field(default=0, ge=0, le=3600)
    at_zero: Literal["overtime", "end"] = "overtime"


class RoomObject(Frozen):
    name: ShortText
    text: Text
    icon: ShortText | None = None
    image: ImagePath | None = None
    image_alt: ShortText | None = None
    area: Area | None = None
    reveals: refs("clue") = ()
    gives: refs("item") = ()
    locked_by: ref("puzzle") | None = None
    needs_item: ref("item") | None = None
    hidden_text: Text | None = None
    hidden_reveals: refs("clue") = ()

    @model_validator(mode="after")
    def _hidden_needs_item(self):
        if (self.hidden_text or self.hidden_reveals) and not self.needs_item:
            raise ValueError("hidden_without_item")
        if self.needs_item and not (self.hidden_text or self.hidden_reveals):
            raise ValueError("item_without_hidden")
        return self


class Exit(Frozen):
    to: ref("room")
    label: ShortText
    locked_by: ref("puzzle") | None = None
    area: Area | None = None


class Room(Frozen):
    name: ShortText
    text: Text
    image: ImagePath | None = None
    image_alt: ShortText | None = None
    objects: dict[Id, RoomObject] = {}
    exits: tuple[Exit, ...] = ()


class Clue(Frozen):
    title: ShortText
    text: Text
    image: ImagePath | None = None
    image_alt: ShortText | None = None


class Item(Frozen):
    name: ShortText
    text: Text
    icon: ShortText | None = None
    image: ImagePath | None = None
    image_alt: ShortText | None = None


class Combination(Frozen):
    items: refs("item") = Field(min_length=2, max_length=4)
    gives: ref("item")
    text: Text | None = None


class Scale(Frozen):
    min: int = Field(default=1, ge=0, le=10)
    max: int = Field(default=5, ge=1, le=10)
    low: ShortText | None = None
    high: ShortText | None = None

    @model_validator(mode="after")
    def _ordered(self):
        if self.max <= self.min:
            raise ValueError("scale_order")
        return self


class Reflection(Frozen):
    kind: Literal["text", "scale", "discuss"] = "text"
    prompt: Text
    after: ref("puzzle") | None = None
    on_enter: ref("room") | None = None
    at_end: Flag = False
    pauses_timer: Flag = True
    goals: refs("goal") = ()
    scale: Scale | None = None
    minutes: int | None = Field(default=None, ge=1, le=60)

    @model_validator(mode="after")
    def _one_moment(self):
        moments = [self.after is not None, self.on_enter is not None, self.at_end]
        if sum(moments) > 1:
            raise ValueError("reflection_two_moments")
        if self.scale and self.kind != "scale":
            raise ValueError("scale_without_kind")
        return self

    @property
    def scale_or_default(self) -> Scale:
        return self.scale or Scale()


class Ending(Frozen):
    title: ShortText
    text: Text
    image: ImagePath | None = None
    image_alt: ShortText | None = None


class Debrief(Frozen):
    text: Text | None = None
    questions: TextList = Field(default=(), max_length=30)


class Scenario(Frozen):
    format: int = Field(ge=1)
    id: Id
    title: ShortText
    summary: Text
    language: Literal["nl", "en"] = "nl"
    audience: ShortText | None = None
    level: ShortText | None = None
    players: Players = "1-5"
    duration: int = Field(ge=1, le=600)
    author: ShortText | None = None
    licence: ShortText | None = None
    theme: ShortText | None = None
    goals: dict[Id, Text] = {}
    timer: Timer = Timer()
    start: ref("room")
    rooms: dict[Id, Room] = Field(min_length=1)
    clues: dict[Id, Clue] = {}
    items: dict[Id, Item] = {}
    combinations: tuple[Combination, ...] = ()
    puzzles: dict[Id, Puzzle] = {}
    reflections: dict[Id, Reflection] = {}
    endings: dict[Id, Ending] = Field(min_length=1)
    debrief: Debrief = Debrief()

    @property
    def player_range(self) -> tuple[int, int]:
        parts = [int(p) for p in self.players.replace(" ", "").split("-")]
        return parts[0], parts[-1]

    def objects(self) -> dict[str, tuple[str, RoomObject]]:
        """Every object by id, with the room it stands in."""
        return {oid: (rid, obj) for rid, room in self.rooms.items() for oid, obj in room.objects.items()}
