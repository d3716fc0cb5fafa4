"""Pydantic's findings rewritten in a trainer's words, with file, line and column.

Pydantic reports ``('puzzles', 'kluis', 'code', 'answr')`` and
``extra_forbidden``; a trainer needs ``scenario.yaml:41:5: puzzles.kluis.answr:
onbekend veld 'answr' — bedoelde je 'answer'?``.  We translate by error
*type* (so the text is ours, in Dutch or English) and map the location back
to the YAML position recorded by the reader.
"""

from __future__ import annotations

import difflib
import re
import types
import unicodedata
from typing import Annotated, Any, Mapping, Union, get_args, get_origin

from pydantic import ValidationError

from escapebox.problems import Problem
from escapebox.scenario.types import ID_PATTERN, is_part, part_fields
from escapebox.scenario.yamlsafe import Document, dotted

# Pydantic error types we explain ourselves; anything else falls back to ``schema.other``.
KNOWN_TYPES = {
    "missing", "extra_forbidden", "string_type", "string_too_short", "string_too_long",
    "int_parsing", "int_type", "int_from_float", "float_parsing", "float_type", "bool_parsing", "bool_type",
    "greater_than", "greater_than_equal", "less_than", "less_than_equal", "literal_error",
    "union_tag_invalid", "union_tag_not_found", "dict_type", "model_type", "model_attributes_type",
    "tuple_type", "list_type", "too_short", "too_long", "value_error",
}

# The parts are dataclasses, for which pydantic names some findings differently than for its own
# models; the trainer's message is the same, so the message catalogue keeps one key for each.
SAME_AS = {
    "unexpected_keyword_argument": "extra_forbidden",
    "missing_argument": "missing",
    "missing_keyword_only_argument": "missing",
    "dataclass_type": "model_type",
    "dataclass_args_type": "model_attributes_type",
}


#: The Dutch names docs/authoring.md gives each kind of puzzle (its headings "``spot`` — zoekplaat"),
#: and a few words trainers use for them: ``kind: zoekplaat`` means ``kind: spot``.
DUTCH_KIND_NAMES = {
    "cijferslot": "code", "code": "code", "woordslot": "word", "woord": "word", "meerkeuze": "choice",
    "keuze": "choice", "volgorde": "order", "koppelen": "match", "koppels": "match", "zoekplaat": "spot",
    "spullen samen gebruiken": "combine", "combineren": "combine", "combinatie": "combine",
    "eindslot": "meta", "praktijkdilemma": "dilemma",
}


def problems_from_validation(error: ValidationError, doc: Document, model: type) -> list[Problem]:
    problems = [_problem(item, doc, model) for item in error.errors(include_url=False)]
    return _without_consequences(sorted(_dedupe(problems), key=lambda p: (p.line or 0, p.column or 0)))


def _without_consequences(problems: list[Problem]) -> list[Problem]:
    """Leave out "too few entries" for a list whose own entry is wrong: the entry's problem is the cause.

    A ``leads_to`` in a conversation's second turn made pydantic drop that line and then count the
    turn's lines: "te weinig onderdelen (minstens 2)" came first, one line above the real mistake
    (issue #18).  Once the entry is fixed, the count is right again.
    """
    counted = {p.path for p in problems if p.code == "schema.too_short"}
    inside = {c for c in counted for p in problems if p.path.startswith(c + "[")}
    return _one_per_misplaced_entry([p for p in problems if not (p.code == "schema.too_short" and p.path in inside)])


def _one_per_misplaced_entry(problems: list[Problem]) -> list[Problem]:
    """An object indented as a room has several fields a room does not know; its cause is said once."""
    seen, kept = set(), []
    for problem in problems:
        suggestion = str(problem.params.get("suggestion", ""))
        key = (problem.params.get("entry"), suggestion)
        if suggestion.startswith("@schema.entry_indent_deeper|") and key in seen:
            continue
        seen.add(key)
        kept.append(problem)
    return kept


def _problem(item: Mapping[str, Any], doc: Document, model: type) -> Problem:
    loc = tuple(item["loc"])
    kind = SAME_AS.get(item["type"], item["type"])
    ctx = item.get("ctx") or {}
    params = {"value": _short(item.get("input"))}
    is_key = bool(loc) and loc[-1] == "[key]"
    if is_key:
        loc = loc[:-1]
    path = doc.resolve(loc)
    code = f"schema.{kind}" if kind in KNOWN_TYPES else "schema.other"
    if kind == "extra_forbidden":
        field = loc[-1]
        path = doc.resolve(loc)
        suggestion = _placement(model, loc, doc) or _suggest(field, allowed_keys(model, loc[:-1], doc))
        params = {"field": field, "suggestion": suggestion, "entry": loc[-2] if len(loc) > 1 else ""}
        mark = doc.key_mark(path)
    elif kind in ("model_type", "dataclass_type", "dict_type") and _entry_above(model, loc, doc):
        code = "schema.field_among_entries"
        params = {"field": loc[-1], "other": _entry_above(model, loc, doc) or "", "container": loc[-2]}
        mark = doc.key_mark(path)
    elif kind == "missing":
        params = {"field": loc[-1]}
        mark = doc.key_mark(path) if path else doc.mark(())
        path = path + (loc[-1],)
    elif kind in ("union_tag_invalid", "union_tag_not_found"):
        params.update(_context_params(kind, ctx, item))
        params["value"] = ctx.get("tag", "")
        kind_path = doc.resolve(loc + ("kind",))
        mark = doc.mark(kind_path)
        path = path + ("kind",)
    else:
        mark = doc.key_mark(path) if is_key else doc.mark(path)
        params.update(_context_params(kind, ctx, item))
        if kind == "string_pattern_mismatch":
            code = "schema.bad_id" if ctx.get("pattern") == ID_PATTERN else "schema.pattern"
        if kind == "value_error":
            code = f"schema.rule.{ctx.get('error')}" if str(ctx.get("error")).isidentifier() else "schema.other"
            path, mark = _at_rule_field(str(ctx.get("error")), path, mark, doc)
    if kind == "string_pattern_mismatch":
        code = "schema.bad_id" if ctx.get("pattern") == ID_PATTERN else "schema.pattern"
    if code == "schema.bad_id":
        params["suggestion"] = _id_suggestion(str(item.get("input", "")), doc)
    if item.get("input", "") is None and kind not in ("missing", "extra_forbidden"):
        code = "schema.empty_value"
    if code == "schema.other":
        params["detail"] = item.get("msg", "")
    return Problem(code, params, file=doc.file, line=mark.line if mark else None,
                   column=mark.column if mark else None, path=dotted(path))


#: The field a rule of a part is about, first one written wins: the message belongs on that line.
#: The rule is checked on the whole part, so pydantic places it at the part's first line, which
#: put "een schaal (scale) hoort bij kind: scale" at ``kind: text`` (issue #18 play-test).
RULE_FIELDS = {
    "source_date": ("checked_on",),
    "scale_without_kind": ("scale",),
    "scale_order": ("max", "min"),
    "item_without_hidden": ("needs_item",),
    "hidden_without_item": ("hidden_text", "hidden_reveals"),
}


def _at_rule_field(rule: str, path: tuple, mark, doc: Document) -> tuple:
    """``(path, mark)`` of the field the rule names, when it is written; else the part's own."""
    for field in RULE_FIELDS.get(rule, ()):
        if path + (field,) in doc.value_marks:
            return path + (field,), doc.value_marks[path + (field,)]
    return path, mark


def _placement(model: type, loc: tuple, doc: Document) -> str:
    """For an unknown key that is a known one a level deeper or higher: say where it belongs.

    An object indented as far as its room's fields (``teamtelefoon:`` beside ``objects:``) is
    an unknown field of the room, and ``exits`` indented as an object's field is one of the
    object; both are indentation slips, not typos (issue #18).
    """
    key, parent = loc[-1], loc[:-1]
    deeper = _deeper_home(model, parent, key, doc)
    if deeper:
        return f"@schema.indent_deeper|{deeper}"
    entry = _entry_of_a_deeper_table(model, parent, doc)
    if entry:
        return f"@schema.entry_indent_deeper|{entry}"
    within = _field_of_an_entry(model, parent, key, doc)
    if within:
        return f"@schema.indent_into_entry|{within}"
    for depth in range(len(parent) - 1, -1, -1):
        above = _strip(_type_at(model, parent[:depth]))
        if is_part(above):
            if key in {f.key for f in part_fields(above).values()}:
                return f"@schema.indent_less|{dotted(doc.resolve(parent[:depth])) or key}"
            return ""
    return ""


def _deeper_home(model: type, parent: tuple, key, doc: Document) -> str | None:
    """A field written beside ``key`` under which ``key`` would be valid: as a field, or as an entry."""
    here = _strip(_type_at(model, parent))
    node = _data_at(doc, parent)
    if not is_part(here) or not isinstance(node, dict):
        return None
    value = node.get(key)
    for spec in part_fields(here).values():
        if spec.key not in node or spec.key == key:
            continue
        inner = _strip(spec.annotation)
        if is_part(inner) and key in {f.key for f in part_fields(inner).values()}:
            return spec.key
        entry = _strip(get_args(inner)[1]) if get_origin(inner) is dict else None
        if is_part(entry) and isinstance(value, dict) and value and \
                set(value) <= {f.key for f in part_fields(entry).values()}:
            return spec.key
    return None


def _entry_type(annotation):
    """The part inside a table (``dict[id, Part]``) or a list (``tuple[Part, ...]``), else None."""
    inner = _strip(annotation)
    origin = get_origin(inner)
    args = get_args(inner)
    entry = args[1] if origin is dict else args[0] if origin in (tuple, list) and args else None
    entry = _strip(entry) if entry is not None else None
    return entry if is_part(entry) else None


def _field_of_an_entry(model: type, parent: tuple, key, doc: Document) -> str | None:
    """``key`` is a field of the entries of a table or list written beside it (``hidden_text`` beside ``objects:``,
    ``reflection`` beside a dilemma's ``options:``): the name of that table or list."""
    here = _strip(_type_at(model, parent))
    node = _data_at(doc, parent)
    if not is_part(here) or not isinstance(node, dict):
        return None
    for spec in part_fields(here).values():
        entry = _entry_type(spec.annotation)
        if spec.key in node and spec.key != key and entry and key in {f.key for f in part_fields(entry).values()}:
            return spec.key
    return None


def _entry_of_a_deeper_table(model: type, parent: tuple, doc: Document) -> str | None:
    """An entry written one table too high: an object indented as a room (``rooms: postvak: icon: …``).

    The entry has no such table itself (a room without ``objects:``), and each of its fields that its
    own kind does not know belongs to the entries of that table, so the trainer meant it there; returns
    the table's name.  (A room that has ``objects:`` and one stray object field gets
    ``indent_into_entry`` instead: there the field slipped, not the whole entry.)
    """
    if len(parent) < 2:
        return None
    entry_type = _entry_type(_type_at(model, parent[:-1]))
    node = _data_at(doc, parent)
    if entry_type is None or not isinstance(node, dict):
        return None
    own = {f.key for f in part_fields(entry_type).values()}
    unknown = set(node) - own
    for spec in part_fields(entry_type).values():
        inner = _entry_type(spec.annotation)
        if inner is not None and get_origin(_strip(spec.annotation)) is dict and spec.key not in node \
                and unknown and unknown <= {f.key for f in part_fields(inner).values()}:
            return spec.key
    return None


def _entry_above(model: type, loc: tuple, doc: Document) -> str | None:
    """``reveals:`` indented as far as the objects it belongs to: the name of the entry above it."""
    container = _strip(_type_at(model, loc[:-1]))
    entry = _strip(get_args(container)[1]) if get_origin(container) is dict else None
    node = _data_at(doc, loc[:-1])
    if not is_part(entry) or not isinstance(node, dict) or loc[-1] not in {f.key for f in part_fields(entry).values()}:
        return None
    keys = list(node)
    position = keys.index(loc[-1]) if loc[-1] in keys else 0
    return str(keys[position - 1]) if position > 0 else None


def _type_at(model: type, loc: tuple):
    current: object = model
    for part in loc:
        current = _step(current, part)
        if current is None:
            return None
    return current


def _data_at(doc: Document, loc: tuple):
    node: Any = doc.data
    for part in doc.resolve(loc):
        node = node[part]
    return node


#: The parts of a scenario whose keys are ids (objects are found inside each room).
_ID_TABLES = ("rooms", "endings", "clues", "items", "puzzles", "goals", "reflections")


def _id_suggestion(value: str, doc: Document) -> str:
    """The trainer's own word written as an id: "did you mean" when that id exists, else how it is spelled.

    A fixed example ('teampost') read as advice to write that name (issue #18), so the
    message shows the rule applied to what the trainer wrote instead.
    """
    spelled = _as_id(value)
    if not spelled or spelled == value:
        return ""
    return f"@schema.did_you_mean|{spelled}" if spelled in _ids(doc) else f"@schema.id_spelled|{spelled}"


def _as_id(value: str) -> str:
    """``Grote Hal`` → ``grote-hal``: lower case, accents off, spaces and other signs as ``-``."""
    plain = unicodedata.normalize("NFKD", value.strip().lower()).encode("ascii", "ignore").decode()
    spelled = re.sub(r"[^a-z0-9_-]+", "-", plain).strip("-")[:40]
    return spelled if re.fullmatch(ID_PATTERN, spelled) else ""


def _ids(doc: Document) -> set[str]:
    data = doc.data if isinstance(doc.data, dict) else {}
    found = {str(k) for table in _ID_TABLES if isinstance(data.get(table), dict) for k in data[table]}
    for room in (data.get("rooms") or {}).values() if isinstance(data.get("rooms"), dict) else ():
        if isinstance(room, dict) and isinstance(room.get("objects"), dict):
            found |= {str(k) for k in room["objects"]}
    return found


def _context_params(kind: str, ctx: dict, item: Mapping[str, Any]) -> dict:
    params: dict[str, Any] = {}
    for name in ("min_length", "max_length", "ge", "le", "gt", "lt", "actual_length"):
        if name in ctx:
            params[name] = ctx[name]
    if kind == "literal_error":
        # pydantic words the choices in English ("'nl' or 'en'"); a list is shown as "'nl', 'en'" in any language
        expected = str(ctx.get("expected", ""))
        params["expected"] = [f"'{choice}'" for choice in re.findall(r"'([^']*)'", expected)] or expected
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        tag = ctx.get("tag", "")
        tags = [t.strip(" '") for t in str(ctx.get("expected_tags", "")).split(",")]
        params["expected"] = ", ".join(tags)
        dutch = DUTCH_KIND_NAMES.get(str(tag).strip().lower())
        params["suggestion"] = f"@schema.did_you_mean|{dutch}" if dutch and dutch in tags else _suggest(str(tag), tags)
    return params


def _suggest(word: str, options) -> str:
    close = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.6)
    return f"@schema.did_you_mean|{close[0]}" if close else ""


def allowed_keys(model: type, loc: tuple, doc: Document) -> list[str]:
    """The keys the model accepts at ``loc`` (for 'did you mean …?')."""
    current: object = model
    for part in loc:
        current = _step(current, part)
        if current is None:
            return []
    current = _strip(current)
    if is_part(current):
        return [f.key for f in part_fields(current).values()]
    return []


def _step(tp, part):
    tp = _strip(tp)
    if is_part(tp):
        for field in part_fields(tp).values():
            if part in (field.name, field.key):
                return field.annotation
        return None
    origin = get_origin(tp)
    if origin is dict:
        return get_args(tp)[1]
    if origin in (tuple, list):
        return get_args(tp)[0]
    if origin in (Union, types.UnionType):
        for member in get_args(tp):
            member = _strip(member)
            kind_field = part_fields(member).get("kind") if is_part(member) else None
            if kind_field and part in get_args(kind_field.annotation):
                return member
    return None


def _strip(tp):
    """Remove ``Annotated`` and ``Optional`` wrappers."""
    while True:
        if get_origin(tp) is Annotated:
            tp = get_args(tp)[0]
            continue
        if get_origin(tp) in (Union, types.UnionType):
            args = [a for a in get_args(tp) if a is not type(None)]
            if len(args) == 1:
                tp = args[0]
                continue
        return tp


def _short(value) -> str:
    if isinstance(value, (dict, list, tuple)):
        return type(value).__name__
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _dedupe(problems: list[Problem]) -> list[Problem]:
    """Union members can report the same spot several times; keep the first of each."""
    seen, unique = set(), []
    for problem in problems:
        key = (problem.line, problem.column, problem.path, problem.code)
        if key not in seen:
            seen.add(key)
            unique.append(problem)
    return unique
