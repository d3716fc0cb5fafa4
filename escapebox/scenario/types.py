"""Small building blocks shared by the scenario model and the puzzle kinds.

References between parts of a scenario are plain ids marked with
:class:`Ref`, and file names with :class:`AssetPath`; the validator finds
them by walking the model, so a new field that points somewhere is checked
without new validator code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Union

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, StringConstraints

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,39}$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=8000)]


@dataclass(frozen=True)
class Ref:
    """Marks an id field: ``kinds`` names what it may point to (``room``, ``clue``, …)."""

    kinds: tuple[str, ...]


@dataclass(frozen=True)
class AssetPath:
    """Marks a field naming a file inside the scenario folder."""

    kind: str = "image"


def _as_tuple(value):
    """Let a trainer write one id where a list is expected (``reveals: brief``)."""
    if value is None:
        return ()
    if isinstance(value, (str, int, float)):
        return (value,)
    return value


def ref(*kinds: str):
    return Annotated[Id, Ref(kinds)]


def refs(*kinds: str):
    return Annotated[tuple[Annotated[Id, Ref(kinds)], ...],
                     BeforeValidator(_as_tuple, json_schema_input_type=Union[str, list[str]])]


def _safe_relative(value: str) -> str:
    if value.startswith(("/", "\\")) or ".." in value.replace("\\", "/").split("/") or ":" in value:
        raise ValueError("asset_outside")
    return value


ImagePath = Annotated[str, StringConstraints(min_length=1, max_length=300), AfterValidator(_safe_relative), AssetPath("image")]
SoundPath = Annotated[str, StringConstraints(min_length=1, max_length=300), AfterValidator(_safe_relative), AssetPath("sound")]

TextList = Annotated[tuple[Text, ...], BeforeValidator(_as_tuple, json_schema_input_type=Union[str, list[str]])]
Answers = Annotated[tuple[Annotated[str, StringConstraints(min_length=1, max_length=500)], ...],
                    BeforeValidator(_as_tuple, json_schema_input_type=Union[str, int, list[Union[str, int]]])]

_YES = {"ja", "j", "waar"}
_NO = {"nee", "n", "onwaar"}


def _dutch_bool(value):
    """Trainers may write ja/nee as well as true/false."""
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _YES:
            return True
        if word in _NO:
            return False
    return value


Flag = Annotated[bool, BeforeValidator(_dutch_bool, json_schema_input_type=Union[bool, str])]


class Frozen(BaseModel):
    """Base of every scenario part: immutable, and unknown keys are typos."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)
