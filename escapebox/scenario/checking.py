"""Pydantic reads a trainer's data into the model's dataclasses: the one module that imports it for that.

The parts of a scenario or theme are plain dataclasses (``escapebox.scenario.types``)
so that a game can start without pydantic; this module is imported only when
a file really has to be checked (a new or changed file, ``escapebox validate``,
the editor schema).  Building pydantic's validator for the whole scenario
format takes about a tenth of a second, so each one is built once per process.
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import TypeAdapter, ValidationError

from escapebox.problems import EscapeboxError
from escapebox.scenario.schema_errors import problems_from_validation
from escapebox.scenario.yamlsafe import Document


def adapter(model: type) -> TypeAdapter:
    from escapebox.puzzles import kind_classes
    return _adapter(model, kind_classes())


@lru_cache(maxsize=None)
def _adapter(model: type, kinds: tuple) -> TypeAdapter:
    """Built once per model and registry of puzzle kinds (a kind added in a test gets its own)."""
    return TypeAdapter(model)


def check(model: type, document: Document):
    """The document's data as an instance of ``model``, or EscapeboxError in the trainer's words."""
    try:
        return adapter(model).validate_python(document.data)
    except ValidationError as exc:
        raise EscapeboxError(problems_from_validation(exc, document, model)) from None


def json_schema(model: type) -> dict:
    return adapter(model).json_schema(by_alias=True)
