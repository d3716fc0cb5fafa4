"""Pydantic reads a trainer's data into the model's dataclasses: the one module that imports it for that.

The parts of a scenario or theme are plain dataclasses (``escapebox.scenario.types``)
so that a game can start without pydantic; this module is imported only when
a file really has to be checked (a new or changed file, ``escapebox validate``,
the editor schema).  Building pydantic's validator for the whole scenario
format takes about a tenth of a second, so each one is built once per process.

A scenario is checked with a validator for the puzzle kinds it names (``kinds``): the union
of all nine was about 40 % of building it, and the first start of a new file waits for it
(docs/performance.md).  A process that checks a second file with other kinds builds the
whole union once and uses it from then on, so checking many files never builds many.
"""

from __future__ import annotations

from pydantic import TypeAdapter, ValidationError

from escapebox.problems import EscapeboxError
from escapebox.scenario.schema_errors import problems_from_validation
from escapebox.scenario.yamlsafe import Document

#: The validators built so far, per model and registry of kinds: the kinds each holds (None: all) and it.
_built: dict[tuple[type, tuple], list[tuple[frozenset | None, TypeAdapter]]] = {}


def adapter(model: type, kinds: tuple | None = None) -> TypeAdapter:
    """The validator of ``model``; with ``kinds``, one whose puzzle union holds at least those kinds."""
    from escapebox.puzzles import kind_classes
    registry = kind_classes()      # a kind added in a test gets validators of its own
    built = _built.setdefault((model, registry), [])
    for held, validator in built:
        if held is None or (kinds is not None and held >= set(kinds)):
            return validator
    if kinds is None or built:     # every kind, or a second set of them: from now on the whole union
        held, validator = None, TypeAdapter(model)
    else:
        held, validator = frozenset(kinds), _narrowed(model, tuple(kinds))
    built.append((held, validator))
    return validator


def _narrowed(model: type, kinds: tuple) -> TypeAdapter:
    from escapebox.puzzles import only_kinds
    with only_kinds(kinds):
        return TypeAdapter(model)


def check(model: type, document: Document, kinds: tuple | None = None):
    """The document's data as an instance of ``model``, or EscapeboxError in the trainer's words.

    ``kinds``: the puzzle kinds the document names (``puzzles.kinds_named``), or None for all.
    """
    try:
        return adapter(model, kinds).validate_python(document.data)
    except ValidationError as exc:
        raise EscapeboxError(problems_from_validation(exc, document, model)) from None


def json_schema(model: type) -> dict:
    return adapter(model).json_schema(by_alias=True)
