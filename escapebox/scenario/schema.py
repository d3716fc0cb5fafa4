"""The JSON Schema of the scenario format, for editors that autocomplete YAML.

Every field gets a description and an example in the trainer's language
(``escapebox/locales/<lang>/schema_doc.toml``), shown when the mouse rests on it: the
Dutch texts are the field tables of docs/authoring.md, so the editor and the guide say
the same thing (tests/test_authoring_round2.py).  Pydantic's own English titles
("At End") are replaced by the Dutch (or English) name of each part.
"""

from __future__ import annotations

import json
import re
import tomllib
from functools import lru_cache

from escapebox.i18n import DEFAULT_LANGUAGE, LOCALES
from escapebox.scenario.checking import json_schema
from escapebox.scenario.model import Scenario
from escapebox.scenario.types import is_part, part_fields

_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def scenario_json_schema(lang: str = DEFAULT_LANGUAGE) -> dict:
    schema = json_schema(Scenario)
    describe(schema, lang)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Escapebox scenario"
    return schema


def describe(schema: dict, lang: str) -> None:
    """Give every property of every part its description and example (a part's own, else its base class's)."""
    texts = schema_texts(lang)
    classes = part_classes()
    parts = [("Scenario", schema)] + list(schema.get("$defs", {}).items())
    for name, part in parts:
        chain = [cls.__name__ for cls in classes[name].__mro__] if name in classes else [name]
        if name in texts["title"] and name != "Scenario":
            part["title"] = texts["title"][name]
        # a part written in more than one shape (an area: four numbers, or x, y, w and h) describes each
        for number, shape in enumerate(part.get("anyOf", [])):
            if f"{name}.{number}" in texts.get("shape", {}):
                shape["description"] = texts["shape"][f"{name}.{number}"]
        for holder in [part, *part.get("anyOf", [])]:
            for key, prop in (holder.get("properties") or {}).items():
                _describe_field(prop, key, chain, texts)


def _describe_field(prop: dict, key: str, chain: list[str], texts: dict) -> None:
    model = next((m for m in chain if key in texts["field"].get(m, {})), None)
    prop.pop("title", None)
    if model is None:
        return
    text = texts["field"][model][key]
    example = json.loads(texts["example"][model][key])
    prop["description"] = _plain(text)
    prop["markdownDescription"] = f"{text}\n\n{texts['title_example']}: `{key}: {_yaml(example)}`"
    prop["examples"] = [example]


@lru_cache(maxsize=None)
def schema_texts(lang: str) -> dict:
    """The descriptions, examples and part names of one language (Dutch when the language has none)."""
    for language in (lang, DEFAULT_LANGUAGE):
        path = LOCALES / language / "schema_doc.toml"
        if path.is_file():
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            data["title_example"] = "Voorbeeld" if language == "nl" else "Example"
            return data
    return {"title": {}, "field": {}, "example": {}, "title_example": ""}


def part_classes() -> dict[str, type]:
    """Every part class of the format by name, found from :class:`Scenario` through its fields."""
    from escapebox.puzzles import kind_classes
    found: dict[str, type] = {}
    todo: list[object] = [Scenario, *kind_classes()]
    while todo:
        current = todo.pop()
        if isinstance(current, type) and is_part(current):
            if current.__name__ in found:
                continue
            found[current.__name__] = current
            todo += [spec.annotation for spec in part_fields(current).values()]
        else:  # Annotated, Optional, tuple, dict and unions: look inside
            todo += [arg for arg in getattr(current, "__args__", ()) or () if arg is not Ellipsis]
            origin = getattr(current, "__origin__", None)
            if isinstance(origin, type) and is_part(origin):
                todo.append(origin)  # Annotated[Part, ...] keeps the part as its origin
    return found


def _plain(text: str) -> str:
    """The description without Markdown, for editors that show plain text."""
    return _LINK.sub(r"\1", text).replace("`", "")


def _yaml(value) -> str:
    """An example as a trainer writes it on one line (YAML's flow style, which JSON is)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and re.fullmatch(r"[\w./ -]+", value) and not value.strip().isdigit():
        return value
    return json.dumps(value, ensure_ascii=False)
