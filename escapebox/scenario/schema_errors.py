"""Pydantic's findings rewritten in a trainer's words, with file, line and column.

Pydantic reports ``('puzzles', 'kluis', 'code', 'answr')`` and
``extra_forbidden``; a trainer needs ``scenario.yaml:41:5: puzzles.kluis.answr:
onbekend veld 'answr' — bedoelde je 'answer'?``.  We translate by error
*type* (so the text is ours, in Dutch or English) and map the location back
to the YAML position recorded by the reader.
"""

from __future__ import annotations

import difflib
import types
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


def problems_from_validation(error: ValidationError, doc: Document, model: type) -> list[Problem]:
    problems = [_problem(item, doc, model) for item in error.errors(include_url=False)]
    return sorted(_dedupe(problems), key=lambda p: (p.line or 0, p.column or 0))


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
        params = {"field": field, "suggestion": _suggest(field, allowed_keys(model, loc[:-1], doc))}
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
    if kind == "string_pattern_mismatch":
        code = "schema.bad_id" if ctx.get("pattern") == ID_PATTERN else "schema.pattern"
    if item.get("input", "") is None and kind not in ("missing", "extra_forbidden"):
        code = "schema.empty_value"
    if code == "schema.other":
        params["detail"] = item.get("msg", "")
    return Problem(code, params, file=doc.file, line=mark.line if mark else None,
                   column=mark.column if mark else None, path=dotted(path))


def _context_params(kind: str, ctx: dict, item: Mapping[str, Any]) -> dict:
    params = {}
    for name in ("min_length", "max_length", "ge", "le", "gt", "lt", "actual_length"):
        if name in ctx:
            params[name] = ctx[name]
    if kind == "literal_error":
        params["expected"] = ctx.get("expected", "")
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        tag = ctx.get("tag", "")
        expected = [t.strip(" '") for t in str(ctx.get("expected_tags", "")).split(",")]
        params["expected"] = ", ".join(expected)
        params["suggestion"] = _suggest(str(tag), expected)
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
