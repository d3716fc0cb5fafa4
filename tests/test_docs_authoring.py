"""docs/authoring.md documents every field a trainer can write, and stays in step with the model.

The field list is not written down here: it is collected from the pydantic
models reachable from :class:`escapebox.scenario.model.Scenario`, so adding a
field to any of them (a room, an exit, a puzzle kind, a dilemma option…)
fails this test until the field is documented.

Three checks:

* every field appears somewhere in the guide as ``name`` in backticks, under
  the key a trainer writes (``from``, not ``from_``);
* every puzzle kind in :func:`escapebox.puzzles.puzzle_kinds` has its own heading;
* every model has its own section in the reference (marked with an invisible
  ``<!-- model: Name -->`` comment), and the fields the model declares itself
  are named in that section — so a new field of ``Exit`` must be explained
  with the exits, not merely mentioned somewhere else.  Fields a puzzle kind
  inherits are checked in the section of the shared base (``PuzzleBase``,
  ``TextAnswerPuzzle``).

The complete example in chapter 2 (``<!-- voorbeeld: compleet -->``) must
load and pass the validator without a single problem.
"""

from __future__ import annotations

import re
import types
from pathlib import Path
from typing import Annotated, Literal, Union, get_args, get_origin

import pytest
from escapebox.puzzles import puzzle_kinds
from escapebox.scenario.model import Scenario
from escapebox.scenario.types import is_part, part_fields

DOC = Path(__file__).resolve().parent.parent / "docs" / "authoring.md"
MODEL_MARKER = re.compile(r"<!--\s*model:\s*(\w+)\s*-->")
EXAMPLE_MARKER = "<!-- voorbeeld: compleet -->"


# ----------------------------------------------------------------- collecting the model


def _models_in(annotation) -> list[type]:
    """Every model class (a scenario part) mentioned in a type, looking inside dict, tuple, Optional, Annotated, Union."""
    if isinstance(annotation, type) and is_part(annotation):
        return [annotation]
    origin = get_origin(annotation)
    if origin is Literal or origin is None:
        return []
    if origin is Annotated:
        return _models_in(get_args(annotation)[0])
    found = []
    if origin in (Union, types.UnionType, dict, tuple, list, set, frozenset) or get_args(annotation):
        for arg in get_args(annotation):
            if arg is not Ellipsis:
                found += _models_in(arg)
    return found


def reachable_models(root: type = Scenario) -> list[type]:
    """The root and every model reachable through its fields, in a stable order."""
    seen: dict[type, None] = {}
    todo = [root]
    while todo:
        model = todo.pop(0)
        if model in seen:
            continue
        seen[model] = None
        for field in part_fields(model).values():
            todo += [m for m in _models_in(field.annotation) if m not in seen]
    return list(seen)


def yaml_key(model: type, name: str) -> str:
    return part_fields(model)[name].key


def all_fields() -> list[tuple[str, str]]:
    """(model name, YAML key) for every field of every reachable model."""
    return [(model.__name__, yaml_key(model, name))
            for model in reachable_models() for name in part_fields(model)]


def documented_classes() -> dict[type, list[str]]:
    """Each class that needs a section, with the YAML keys of the fields it declares itself.

    Reachable models, plus the shared bases of the puzzle kinds
    (whose inherited fields are documented once, in the base's section).
    """
    classes: dict[type, list[str]] = {}
    for model in reachable_models():
        for cls in model.__mro__:
            if not is_part(cls):
                continue
            if cls in classes:
                continue
            own = [name for name in cls.__dict__.get("__annotations__", {}) if name in part_fields(cls)]
            if cls is model or own:
                classes[cls] = [yaml_key(cls, name) for name in own]
    return classes


# ----------------------------------------------------------------- reading the guide


@pytest.fixture(scope="module")
def doc() -> str:
    assert DOC.is_file(), f"{DOC} ontbreekt"
    return DOC.read_text(encoding="utf-8")


def sections(text: str) -> dict[str, str]:
    """Model name → the text from its marker up to the next marker or level-2 heading."""
    found = {}
    marks = list(MODEL_MARKER.finditer(text))
    for number, mark in enumerate(marks):
        end = marks[number + 1].start() if number + 1 < len(marks) else len(text)
        chapter_end = re.search(r"^## ", text[mark.end():end], re.MULTILINE)
        if chapter_end:
            end = mark.end() + chapter_end.start()
        found[mark.group(1)] = text[mark.end():end]
    return found


# ----------------------------------------------------------------- the checks


def test_the_walk_finds_the_whole_format():
    """Guard the collector itself: it must see nested, optional, listed and discriminated models."""
    names = {m.__name__ for m in reachable_models()}
    expected = {"Scenario", "Timer", "Room", "RoomObject", "Area", "Exit", "Clue", "Item", "Combination",
                "Reflection", "Scale", "Ending", "Debrief", "ChoiceOption", "Pair", "Decoy", "DilemmaOption"}
    assert expected <= names
    assert len([n for n in names if n.endswith("Puzzle")]) == len(puzzle_kinds())
    assert ("MetaPuzzle", "from") in all_fields()


def test_every_field_is_documented(doc):
    missing = sorted({f"{model}.{key}" for model, key in all_fields() if f"`{key}`" not in doc})
    assert not missing, (
        "Deze velden staan niet (als `naam`) in docs/authoring.md; voeg ze toe aan de naslag: "
        + ", ".join(missing))


@pytest.mark.parametrize("kind", puzzle_kinds())
def test_every_puzzle_kind_has_its_own_section(doc, kind):
    heading = re.compile(rf"^#{{2,6}} .*`{re.escape(kind)}`", re.MULTILINE)
    assert heading.search(doc), f"docs/authoring.md heeft geen eigen kop voor de puzzelsoort `{kind}`"


def test_every_model_has_a_section_naming_its_own_fields(doc):
    found = sections(doc)
    problems = []
    for cls, keys in documented_classes().items():
        if cls.__name__ not in found:
            problems.append(f"geen sectie met <!-- model: {cls.__name__} -->")
            continue
        for key in keys:
            if f"`{key}`" not in found[cls.__name__]:
                problems.append(f"{cls.__name__}: `{key}` staat niet in de eigen sectie")
    assert not problems, "docs/authoring.md: " + "; ".join(problems)


def test_no_section_for_a_model_that_no_longer_exists(doc):
    known = {cls.__name__ for cls in documented_classes()}
    stale = sorted(set(sections(doc)) - known)
    assert not stale, f"docs/authoring.md heeft secties voor modellen die niet (meer) bestaan: {stale}"


def test_the_complete_example_is_a_clean_scenario(doc, tmp_path):
    from escapebox.scenario.loader import load_scenario_text
    from escapebox.authoring.checks import all_problems

    assert EXAMPLE_MARKER in doc
    after = doc.split(EXAMPLE_MARKER, 1)[1]
    block = re.search(r"```yaml\n(.*?)```", after, re.DOTALL)
    assert block, "na <!-- voorbeeld: compleet --> hoort een ```yaml-blok"
    loaded = load_scenario_text(block.group(1), folder=tmp_path)
    problems = all_problems(loaded)
    assert not problems, [p.code for p in problems]
