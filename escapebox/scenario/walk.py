"""Walk a loaded scenario model and find every reference and every file name.

Fields say what they are through markers (:class:`Ref`, :class:`AssetPath`)
in their type; this module reads those markers once per model class, so the
validator, the pack writer and the graph all find ids and assets the same
way, with the YAML path of each.
"""

from __future__ import annotations

import types
from functools import lru_cache
from typing import Annotated, Iterator, Union, get_args, get_origin

from escapebox.scenario.types import AssetPath, Ref, is_part, part_fields


def _markers(tp) -> list:
    found = []
    if get_origin(tp) is Annotated:
        base, *meta = get_args(tp)
        found += [m for m in meta if isinstance(m, (Ref, AssetPath))]
        found += _markers(base)
    elif get_origin(tp) in (Union, types.UnionType, tuple, list, dict):
        for arg in get_args(tp):
            if arg is not Ellipsis:
                found += _markers(arg)
    return found


@lru_cache(maxsize=None)
def field_markers(cls: type) -> dict[str, tuple[str, object]]:
    """Field name → (YAML key, marker) for fields that refer to ids or files."""
    result = {}
    for name, info in part_fields(cls).items():
        markers = _markers(info.annotation)
        if markers:
            result[name] = (info.key, markers[0])
    return result


#: The last scenario walked and what the walk found (see :func:`walked`).
_last_walk: tuple[object, tuple] | None = None


def walked(scenario) -> tuple[tuple[tuple, object, str], ...]:
    """``walk(scenario)`` as a tuple, kept for the last scenario asked about.

    A check of one file walked the whole model up to four times (references, room pictures,
    glyphs, invisible characters): 20 ms each for the 500-room scenario (cProfile, perf_counter).  The model is immutable, so the first walk serves them all;
    the scenario is recognised by identity, not by its (deep, slow) hash.
    """
    global _last_walk
    if _last_walk is None or _last_walk[0] is not scenario:
        _last_walk = (scenario, tuple(walk(scenario)))
    return _last_walk[1]


def walk(model, path: tuple = ()) -> Iterator[tuple[tuple, object, str]]:
    """Yield ``(path, marker, value)`` for every id or file name in the model."""
    markers = field_markers(type(model))  # type: ignore[arg-type]  # python/mypy#11470
    for name, info in part_fields(type(model)).items():  # type: ignore[arg-type]  # python/mypy#11470
        value = getattr(model, name)
        if name in markers:
            key, marker = markers[name]
            yield from _values(path + (key,), marker, value)
        elif value and type(value) not in _LEAVES:
            yield from _children(path + (info.key,), value)


#: Values that never hold a part: most fields are text, numbers, flags, None or empty, and a
#: generator for each of them (26,000 for the 500-room scenario) was half of a walk: 20 ms
#: before, 10 ms after (fastest of 9 walks on the development machine)
_LEAVES = frozenset({str, int, float, bool})


def _values(path, marker, value):
    if value is None:
        return
    if isinstance(value, (tuple, list)):
        for number, item in enumerate(value):
            yield path + (number,), marker, item
    else:
        yield path, marker, value


def _children(path, value):
    if is_part(value):
        yield from walk(value, path)
    elif isinstance(value, dict):
        for key, item in value.items():
            if is_part(item):
                yield from walk(item, path + (key,))
    elif isinstance(value, (tuple, list)):
        for number, item in enumerate(value):
            if is_part(item):
                yield from walk(item, path + (number,))
