"""Small building blocks shared by the scenario model and the puzzle kinds.

The parts of a scenario are plain frozen dataclasses (:data:`part`), so that
playing one never imports pydantic: importing it and building its
validators took two thirds of the start-up time (docs/performance.md).
Pydantic still checks every file a trainer writes — it validates these
dataclasses directly — but its rules are written here as :class:`Rule`
markers that name a pydantic constraint and build it only when pydantic
reads the model (``escapebox.scenario.checking``).

References between parts of a scenario are plain ids marked with
:class:`Ref`, and file names with :class:`AssetPath`; the validator finds
them by walking the model, so a new field that points somewhere is checked
without new validator code.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Literal, Union, get_type_hints

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,39}$"

#: Decorator for every part of a scenario or theme.  It only collects the fields: ``__init__``,
#: ``__eq__``, ``__repr__`` and immutability come once from :class:`Frozen`, because having
#: ``dataclass`` generate them per class (compiling six functions each) cost a fifth of the
#: start-up time (docs/performance.md).  Fields are keyword-only, so a kind can add required
#: fields after its base class's optional ones.
part = dataclass(init=False, repr=False, eq=False, kw_only=True)


class Rule:
    """A pydantic constraint or validator, named now and built only when pydantic reads the model.

    ``Rule("StringConstraints", min_length=1)`` stands in ``Annotated`` where
    ``StringConstraints(min_length=1)`` would; pydantic calls
    :meth:`__get_pydantic_core_schema__`, which is its documented hook for
    custom metadata, and we hand it the real object there.
    """

    __slots__ = ("factory", "args", "kwargs")

    def __init__(self, factory: str, *args, **kwargs):
        self.factory, self.args, self.kwargs = factory, args, kwargs

    def build(self):
        import pydantic
        return getattr(pydantic, self.factory)(*self.args, **self.kwargs)

    def __get_pydantic_core_schema__(self, source, handler):
        real = self.build()
        own = getattr(real, "__get_pydantic_core_schema__", None)
        if own is not None:
            return own(source, handler)          # validators keep their place in the chain
        return handler(Annotated[source, real])  # constraints pydantic recognises by their type

    def __repr__(self) -> str:
        parts = [repr(a) for a in self.args] + [f"{k}={v!r}" for k, v in self.kwargs.items()]
        return f"Rule({self.factory!r}, {', '.join(parts)})"


def between(low=None, high=None, *, above=None):
    """A number from ``low`` to ``high`` inclusive (``above``: strictly greater)."""
    bounds = {"ge": low, "le": high, "gt": above}
    return Rule("Field", **{k: v for k, v in bounds.items() if v is not None})


def length(low=None, high=None):
    """How many entries a list or mapping may have."""
    bounds = {"min_length": low, "max_length": high}
    return Rule("Field", **{k: v for k, v in bounds.items() if v is not None})


def before(function, accepts=None) -> Rule:
    """Run ``function`` on the raw YAML value first; ``accepts`` is what editors may write there."""
    extra = {"json_schema_input_type": accepts} if accepts is not None else {}
    return Rule("BeforeValidator", function, **extra)


def text(low: int, high: int, *, strip: bool = True, pattern: str | None = None) -> Rule:
    return Rule("StringConstraints", strip_whitespace=strip or None, min_length=low, max_length=high,
                pattern=pattern)


Id = Annotated[str, Rule("StringConstraints", pattern=ID_PATTERN)]
ShortText = Annotated[str, text(1, 200)]
Text = Annotated[str, text(1, 8000)]


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
    return Annotated[tuple[Annotated[Id, Ref(kinds)], ...], before(_as_tuple, Union[str, list[str]])]


def _safe_relative(value: str) -> str:
    if value.startswith(("/", "\\")) or ".." in value.replace("\\", "/").split("/") or ":" in value:
        raise ValueError("asset_outside")
    return value


ImagePath = Annotated[str, text(1, 300, strip=False), Rule("AfterValidator", _safe_relative), AssetPath("image")]
SoundPath = Annotated[str, text(1, 300, strip=False), Rule("AfterValidator", _safe_relative), AssetPath("sound")]

TextList = Annotated[tuple[Text, ...], before(_as_tuple, Union[str, list[str]])]
# The editor schema says an answer is text: ``answer: 0311`` unquoted is read as a number by editors
# (and would lose its 0 in any other YAML reader), so the editor underlines it, as the docs say.
Answers = Annotated[tuple[Annotated[str, text(1, 500, strip=False)], ...],
                    before(_as_tuple, Union[str, list[str]])]

#: The one rule for yes/no fields (docs/authoring.md, "YAML in vijf minuten"): ``true``/``false``,
#: and because trainers write Dutch (and sometimes English), ``ja``/``nee`` and ``yes``/``no``;
#: each in lower case, with a capital, or in capitals.  Nothing else: ``j``, ``waar``, ``on`` or
#: ``1`` are refused, so ``at_end: misschien`` is an error in the program and in the editor alike.
YES_WORDS = ("true", "ja", "yes")
NO_WORDS = ("false", "nee", "no")
YES_NO_SPELLINGS = tuple(form for word in YES_WORDS + NO_WORDS for form in (word, word.capitalize(), word.upper()))


def _yes_no(value):
    """``ja`` → True, ``nee`` → False; any other text is refused with the rule (``schema.rule.yes_no``)."""
    if isinstance(value, str):
        word = value.strip()
        if word not in YES_NO_SPELLINGS:
            raise ValueError("yes_no")
        return word.lower() in YES_WORDS
    return value


# The editor schema lists the same spellings the program accepts (tests/test_authoring_round2.py).
Flag = Annotated[bool, before(_yes_no, Union[bool, Literal[YES_NO_SPELLINGS]])]  # a Literal of a tuple: the spellings stay in one place


class Frozen:
    """Base of every scenario part: immutable, compared by value, and unknown keys are typos.

    Behaves as ``@dataclass(frozen=True, kw_only=True)`` would: keyword
    arguments for the fields, defaults and factories, ``__post_init__``,
    ``FrozenInstanceError`` on assignment, equality and hashing by field
    values.  ``__pydantic_config__`` is pydantic's ``ConfigDict``, which is a
    plain ``TypedDict``: writing it as a dict keeps pydantic out of the import.
    """

    __pydantic_config__ = {"extra": "forbid"}

    def __init__(self, **values):
        for spec in _init_fields(type(self)):  # type: ignore[arg-type]  # python/mypy#11470
            if spec.name in values:
                value = values.pop(spec.name)
            elif spec.default is not dataclasses.MISSING:
                value = spec.default
            elif spec.default_factory is not dataclasses.MISSING:
                value = spec.default_factory()
            else:
                raise TypeError(f"{type(self).__qualname__}() missing keyword argument {spec.name!r}")
            object.__setattr__(self, spec.name, value)
        if values:
            raise TypeError(f"{type(self).__qualname__}() got an unexpected keyword argument {next(iter(values))!r}")
        post_init = getattr(self, "__post_init__", None)
        if post_init is not None:
            post_init()

    def __setattr__(self, name, value):
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name):
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in field_names(type(self)))  # type: ignore[arg-type]  # python/mypy#11470

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return self._values() == other._values()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in field_names(type(self)))  # type: ignore[arg-type]  # python/mypy#11470
        return f"{type(self).__qualname__}({shown})"


@lru_cache(maxsize=None)
def _init_fields(cls: type) -> tuple[dataclasses.Field, ...]:
    return dataclasses.fields(cls)


@lru_cache(maxsize=None)
def field_names(cls: type) -> tuple[str, ...]:
    """A part's field names in order (for equality, repr and the cache of checked files)."""
    return tuple(spec.name for spec in _init_fields(cls))


@dataclass(frozen=True)
class PartField:
    """One field of a part: its Python name, the key a trainer writes, and its full type."""

    name: str
    key: str
    annotation: object
    required: bool


@lru_cache(maxsize=None)
def part_fields(cls: type) -> dict[str, PartField]:
    """The fields of a part class in order (what pydantic's ``model_fields`` gave before)."""
    hints = get_type_hints(cls, include_extras=True)
    found = {}
    for spec in dataclasses.fields(cls):
        required = spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING
        found[spec.name] = PartField(spec.name, spec.metadata.get("alias", spec.name), hints[spec.name], required)
    return found


def is_part(value) -> bool:
    """A scenario or theme part (a class or an instance)."""
    cls = value if isinstance(value, type) else type(value)
    return issubclass(cls, Frozen) and dataclasses.is_dataclass(cls)
