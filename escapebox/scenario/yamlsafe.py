"""A hardened YAML front end for files that come from USB sticks and e-mail.

PyYAML's C parser produces events; we build plain data from them ourselves so
that we can refuse what a trainer never needs and an attacker loves: anchors
and aliases (alias bombs), tags (object construction), merge keys, duplicate
keys, very deep nesting and very large files.  Every scalar stays a string,
so YAML 1.1 surprises (``0412`` becoming 266, ``NO`` becoming False,
``12:30`` becoming 750) cannot corrupt an answer.  Alongside the data we keep
the line and column of every key and value, so later checks can point at
the exact spot in the trainer's file.
"""

from __future__ import annotations

import codecs
import gc
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, NamedTuple

from escapebox.problems import EscapeboxError, Problem, Severity
from escapebox.scenario.filebytes import MAX_FILE_BYTES, read_file_bytes  # noqa: F401  (read here too)
from escapebox.scenario.filebytes import fail as _fail
from escapebox.scenario.filebytes import mib as _mib

MAX_DEPTH = 32
MAX_SCALAR_CHARS = 20_000
MAX_EVENTS = 400_000
NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})

# Bidirectional overrides can make a file read differently from what it says.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + "".join(sorted(_BIDI_CONTROLS)) + "]")

# After a plain value, `` #`` starts a comment.  A trainer's own comment has a space after the
# ``#`` (every comment in the bundled scenarios and the starter does); ``#7`` or ``#hulp`` glued
# to the ``#`` is text that YAML silently dropped ("Kamer #7 is mevrouw De Groot").
_GLUED_COMMENT = re.compile(r"[ \t]+(#[^ \t\n][^\n]*)")
# Inside double quotes a backslash and a letter turn into another character without an error:
# in ``"images\teampost.png"`` the ``\t`` becomes a tab.  Left alone: ``\"`` and ``\\``, ``\n``
# (a new line, on purpose), and ``\x..``/``\u....``, which nobody types by accident (the
# invisible-character golden writes ``"\u200b"`` on purpose).
_ESCAPE = re.compile(r"\\(.)")
_HARMLESS_ESCAPES = frozenset({'"', "\\", "/", "n", "x", "u", "U"})


class Mark(NamedTuple):
    """1-based line and column (a tuple: millions are made, so it must be cheap)."""

    line: int
    column: int


#: ``_mark(Mark, (line, column))`` makes a Mark without the named tuple's keyword-argument ``__new__``
#: (a third of a mark's cost; one is made per YAML node, 30,000 for the 500-room scenario)
_mark = tuple.__new__


@dataclass
class Document:
    """Plain data read from YAML plus where each part of it was written."""

    data: object
    file: str
    value_marks: dict[tuple, Mark] = field(default_factory=dict)
    key_marks: dict[tuple, Mark] = field(default_factory=dict)
    #: Warnings for text YAML changed without an error (a glued `` #``, an escape in ``"…"``).
    traps: list[Problem] = field(default_factory=list)

    def mark(self, path: tuple) -> Mark | None:
        """Position of the value at ``path``, or of its nearest written parent."""
        path = self.resolve(path)
        while path:
            if path in self.value_marks:
                return self.value_marks[path]
            path = path[:-1]
        return self.value_marks.get(())

    def key_mark(self, path: tuple) -> Mark | None:
        path = self.resolve(path)
        return self.key_marks.get(path) or self.mark(path)

    def resolve(self, loc: tuple) -> tuple:
        """Keep only the parts of a pydantic ``loc`` that exist in the data.

        Pydantic adds names of union members (``code``, ``function-after``) to
        its locations; dropping what the file does not contain maps them back
        to the trainer's own keys.
        """
        node, path = self.data, []
        for part in loc:
            if isinstance(node, dict) and part in node:
                node = node[part]
                path.append(part)
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                node = node[part]
                path.append(part)
        return tuple(path)


def read_yaml_file(path: Path, display_name: str | None = None) -> Document:
    """Read and parse one YAML file; raise :class:`EscapeboxError` on any refusal."""
    name = display_name or str(path)
    return parse_yaml(read_file_bytes(path, name), name)


def parse_yaml(raw: bytes, name: str) -> Document:
    if len(raw) > MAX_FILE_BYTES:
        raise _fail(name, "yaml.too_big", size=_mib(len(raw)), limit=_mib(MAX_FILE_BYTES))
    text = decode_text(raw, name)
    check_characters(text, name)
    with gc_paused():
        return _Builder(name).build(text)


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a document's many small, acyclic parts are made.

    Each collection of the older generations walks every object alive, so while 100,000 dicts,
    lists and tuples are made the collector ran again and again over a growing heap: reading the
    500-room scenario took 130 ms with it and 80 ms without (benchmarks/load.py).  Nothing made
    here refers back to itself; the collector runs as before once the document is built.

    The parts then go straight to the oldest generation (``freeze`` and ``unfreeze`` move every
    tracked object there): left young, the next two collections walked all of them once more to
    promote them, 20-30 ms for 500 rooms (reading it: 114-157 → 102-123 ms, benchmarks/load.py);
    a full collection still sees them.  Not once the game froze its own objects after the first
    frame (``App``): ``unfreeze`` would hand those back to the collector too.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if was_on:
            gc.enable()


def decode_text(raw: bytes, name: str) -> str:
    """UTF-8 with or without BOM; anything else gets a message naming the encoding."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16(raw):
        raise _fail(name, "yaml.utf16")
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position_of_byte(raw, exc.start)
        raise _fail(name, "yaml.not_utf8", line=line, column=column) from None


def _looks_utf16(raw: bytes) -> bool:
    sample = raw[:200]
    return len(sample) >= 4 and sample.count(0) * 3 >= len(sample)


def _position_of_byte(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return line, column


def check_characters(text: str, name: str) -> None:
    """Refuse control characters (other than newline, tab, CR) and bidi overrides."""
    found = _FORBIDDEN.search(text)
    if found is None:
        return
    index, char = found.start(), found.group()
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    key = "yaml.bidi_char" if char in _BIDI_CONTROLS else "yaml.control_char"
    raise _fail(name, key, line=line, column=column, char=f"U+{ord(char):04X}")


@dataclass(slots=True)
class _Frame:
    """An open mapping or sequence while events stream in (slots: read once per event)."""

    container: dict | list
    path: tuple
    key: str | None = None
    awaiting_value: bool = False
    seen: dict = field(default_factory=dict)


class _Builder:
    """Turns a YAML event stream into dicts, lists and strings with positions."""

    def __init__(self, name: str):
        self.name = name
        self.doc = Document(data=None, file=name)
        self.stack: list[_Frame] = []
        self.documents = 0
        self.root_set = False

    def build(self, text: str) -> Document:
        import yaml  # here, not at the top: a start from the cache never parses (docs/performance.md)

        self.text = text
        self.scalar_event = yaml.ScalarEvent
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
        handlers = {
            yaml.ScalarEvent: self._on_scalar, yaml.MappingStartEvent: self._on_mapping,
            yaml.SequenceStartEvent: self._on_sequence, yaml.MappingEndEvent: self._close,
            yaml.SequenceEndEvent: self._close, yaml.AliasEvent: self._on_alias,
            yaml.DocumentStartEvent: self._on_document,
        }
        try:
            count = 0
            while loader.check_event():
                event = loader.get_event()
                count += 1
                if count > MAX_EVENTS:
                    raise self._fail_at(event, "yaml.too_many_nodes", limit=MAX_EVENTS)
                handler = handlers.get(type(event))
                if handler is not None:
                    handler(event)
        except yaml.MarkedYAMLError as exc:
            raise self._syntax_error(exc) from None
        except yaml.YAMLError as exc:
            raise _fail(self.name, "yaml.syntax", problem=str(exc)) from None
        finally:
            loader.dispose()
        if not self.root_set:
            raise _fail(self.name, "yaml.empty")
        return self.doc

    def _on_alias(self, event) -> None:
        raise self._fail_at(event, "yaml.alias")

    def _on_document(self, event) -> None:
        self.documents += 1
        if self.documents > 1:
            raise self._fail_at(event, "yaml.many_documents")

    def _check_node_event(self, event) -> None:
        if event.anchor is not None:
            raise self._fail_at(event, "yaml.anchor", anchor=event.anchor)
        tag = event.tag
        if tag is not None and tag != "!":
            raise self._fail_at(event, "yaml.tag", tag=tag)

    def _on_scalar(self, event) -> None:
        if event.anchor is not None or event.tag is not None:
            self._check_node_event(event)
        value = event.value
        if len(value) > MAX_SCALAR_CHARS:
            raise self._fail_at(event, "yaml.text_too_long", length=len(value), limit=MAX_SCALAR_CHARS)
        if not event.style and value in NULL_WORDS:
            value = None
        stack = self.stack
        if stack and type(stack[-1].container) is dict and not stack[-1].awaiting_value:
            start = event.start_mark
            self._take_key(stack[-1], value, event, _mark(Mark, (start.line + 1, start.column + 1)))
            return   # a key: the first half of a pair (half of all scalars, so the shortest way)
        path = self._add_value(value, event)
        if value is not None:
            self._check_traps(event, path)

    def _check_traps(self, event, path: tuple) -> None:
        """Warn where YAML changed the trainer's text without an error (see ``_GLUED_COMMENT``)."""
        end = event.end_mark
        if not event.style:
            if self.text[end.index:end.index + 1] not in (" ", "\t"):
                return  # the match needs a blank right after the text: most values end at a line end
            line_end = self.text.find("\n", end.index)
            glued = _GLUED_COMMENT.match(self.text, end.index, len(self.text) if line_end < 0 else line_end)
            if glued:
                comment = glued.group(1).rstrip()
                self._trap("yaml.comment_in_text", path, end.line + 1, end.column + 1 + glued.start(1) - end.index,
                           before=_tail(event.value), comment=comment)
        elif event.style == '"':
            start = event.start_mark
            escape = next((e for e in _ESCAPE.finditer(self.text, start.index, end.index)
                           if e.group(1) not in _HARMLESS_ESCAPES), None)
            if escape:
                line = self.text.count("\n", start.index, escape.start())
                column = escape.start() - (self.text.rfind("\n", 0, escape.start()) + 1) + 1
                self._trap("yaml.escape_in_text", path, start.line + 1 + line, column, escape=escape.group())

    def _trap(self, code: str, path: tuple, line: int, column: int, **params) -> None:
        self.doc.traps.append(Problem(code, params, Severity.WARNING, self.name, line, column, dotted(path)))

    def _on_mapping(self, event) -> None:
        self._open(event, {})

    def _on_sequence(self, event) -> None:
        self._open(event, [])

    def _open(self, event, container) -> None:
        self._check_node_event(event)
        if len(self.stack) >= MAX_DEPTH:
            raise self._fail_at(event, "yaml.too_deep", limit=MAX_DEPTH)
        path = self._add_value(container, event)
        self.stack.append(_Frame(container, path))

    def _close(self, event=None) -> None:
        self.stack.pop()

    def _add_value(self, value, event) -> tuple:
        start = event.start_mark
        mark = _mark(Mark, (start.line + 1, start.column + 1))
        if not self.stack:
            self.doc.data = value
            self.root_set = True
            self.doc.value_marks[()] = mark
            return ()
        frame = self.stack[-1]
        container = frame.container
        if type(container) is list:
            child = frame.path + (len(container),)
            container.append(value)
            self.doc.value_marks[child] = mark
            return child
        if not frame.awaiting_value:
            self._take_key(frame, value, event, mark)
            return frame.path
        child = frame.path + (frame.key,)
        # a mapping here: mypy does not narrow on ``type(...) is list`` (the exact test is the fast one)
        container[frame.key] = value  # type: ignore[call-overload]
        self.doc.value_marks[child] = mark
        frame.awaiting_value = False
        return child

    def _take_key(self, frame: _Frame, key, event, mark: Mark) -> None:
        if not isinstance(event, self.scalar_event):
            raise self._fail_at(event, "yaml.complex_key")
        if key is None:
            key = ""
        if key == "<<" and not event.style:
            raise self._fail_at(event, "yaml.merge_key")
        if key in frame.seen:
            raise EscapeboxError([Problem(
                "yaml.duplicate_key",
                {"key": key, "first_line": frame.seen[key].line},
                file=self.name, line=mark.line, column=mark.column,
                path=dotted(frame.path + (key,)),
            )])
        frame.seen[key] = mark
        frame.key = key
        frame.awaiting_value = True
        self.doc.key_marks[frame.path + (key,)] = mark

    def _fail_at(self, event, code: str, **params) -> EscapeboxError:
        mark = event.start_mark
        path = dotted(self.stack[-1].path) if self.stack else ""
        return EscapeboxError([Problem(code, params, file=self.name,
                                       line=mark.line + 1, column=mark.column + 1, path=path)])

    def _syntax_error(self, exc) -> EscapeboxError:
        """``exc`` is PyYAML's ``MarkedYAMLError``: said in the trainer's words, with the hint for its cause."""
        mark = exc.problem_mark or exc.context_mark
        if _is_libyaml_depth_limit(exc):
            # Newer libyaml stops deep nesting itself (at 1000 levels), before we see the events.
            return _fail(self.name, "yaml.too_deep", limit=MAX_DEPTH,
                         line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None)
        problem = exc.problem or "?"
        said = next((key for start, key in _LIBYAML_WORDS if problem.startswith(start)), None)
        if said in ("no_colon", "end_in_quote") and exc.context_mark is not None:
            # libyaml points at the line after the one without a colon, and at the end of the file for a
            # quote never closed; the trainer's mistake is where the key or the quote starts
            mark = exc.context_mark
        lines = self.text.split("\n")
        colon_missing = _colon_missing_above(lines, mark.line) if said == "colon_here" and mark else None
        if colon_missing:
            mark, said = colon_missing, "no_colon"
        cause = _cause(problem, lines, mark.line if mark else 0) if not colon_missing else "hint_missing_colon"
        said = _SAID_FOR_CAUSE.get(cause, said)
        hint = "@yaml." + cause
        code, params = ("yaml.bad_yaml", {"said": f"@yaml.said.{said}|"}) if said else ("yaml.syntax", {"problem": problem})
        return EscapeboxError([Problem(
            code, {**params, "hint": hint}, file=self.name,
            line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None,
        )])


#: libyaml's own words (the start of its message) and the key of ours that says it (``yaml.said.*``).
_LIBYAML_WORDS = (
    ("did not find expected key", "no_key"),
    ("found a tab character", "tab"),
    ("could not find expected ':'", "no_colon"),
    ("did not find expected '-' indicator", "no_dash"),
    ("found unknown escape character", "unknown_escape"),
    ("mapping values are not allowed", "colon_here"),
    ("found character that cannot start any token", "bad_start"),
    ("found unexpected end of stream", "end_in_quote"),
    ("did not find expected ',' or ']'", "no_bracket"),
    ("did not find expected ',' or '}'", "no_brace"),
    ("did not find expected comment or line break", "no_line_break"),
    ("block sequence entries are not allowed", "dash_here"),
    ("did not find expected node content", "no_value"),
)

#: Where the cause is clear, say it rather than what libyaml was looking for when it stumbled.
_SAID_FOR_CAUSE = {"hint_quote": "text_after_quote", "hint_dash": "no_dash", "hint_tab": "tab"}

# A value that opens with a quote and goes on after the closing one: ``text: 'Alweer,' zei ze``.
_QUOTE_THEN_TEXT = re.compile(r"""^\s*(?:-\s+)?(?:[^'"\s#][^:#]*:\s+)?('[^']*'|"[^"]*")\s*[^\s#]""")
# A value between Word's curly quotes, which YAML reads as plain text: ``question: “Bram belt: …”``.
_CURLY_QUOTE_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s#:][^:#]*:\s+)?[\u201c\u201d\u201e\u2018\u2019]""")
_KEY_LINE = re.compile(r"""^(\s*)(?:-\s+)?[^\s#:'"][^:#]*:(\s|$)""")


def _cause(problem: str, lines: list[str], line: int) -> str:
    """The hint for what the trainer most likely did on ``line`` (0-based), from what libyaml said."""
    near = lines[line] if line < len(lines) else ""
    if "\t" in near or "tab" in problem:
        return "hint_tab"
    if problem.startswith("found unknown escape character"):
        return "hint_backslash"
    if problem.startswith("found unexpected end of stream"):
        return "hint_unclosed_quote"
    if any(_QUOTE_THEN_TEXT.match(text) for text in lines[max(0, line - 1):line + 1]):
        return "hint_quote"
    if problem.startswith("found character that cannot start any token"):
        return "hint_special_start"
    if problem.startswith(("did not find expected ',' or", "did not find expected node content")):
        return "hint_flow"
    if problem.startswith(("could not find expected ':'", "did not find expected '-' indicator")):
        return "hint_dash" if _in_list(lines, line) else "hint_missing_colon"
    if problem.startswith("mapping values are not allowed") and _CURLY_QUOTE_VALUE.match(near):
        return "hint_curly_quote"
    if problem.startswith("mapping values are not allowed") and not _indented_under_text(lines, line):
        return "hint_colon_in_text"
    if problem.startswith(("mapping values", "did not find expected key", "block sequence entries")):
        return "hint_indent"
    return "hint_general"


class _LibyamlMark(NamedTuple):
    """A place counted as libyaml counts (0-based), for a mark we move ourselves."""

    line: int
    column: int


def _colon_missing_above(lines: list[str], line: int) -> _LibyamlMark | None:
    """``name Het kantoor`` above ``text: …``: the colon is missing on the line above, not wrong on this one.

    libyaml reads the line without a colon and this line's key as one text, and stumbles on this
    line's colon ("mapping values are not allowed"); the hint for a colon in a text then sent the
    trainer to the wrong line (issue #18).  Returns where the colon belongs: after the first word.
    """
    if line >= len(lines) or not _KEY_LINE.match(lines[line]):
        return None
    row = next((r for r in range(line - 1, -1, -1) if lines[r].strip() and not lines[r].lstrip().startswith("#")), None)
    if row is None or _indent(lines[row]) != _indent(lines[line]):
        return None
    above = lines[row].strip()
    if ":" in above or above.startswith(("-", "'", '"', "[", "{")) or " " not in above:
        return None
    return _LibyamlMark(row, _indent(lines[row]) + len(above.split(" ", 1)[0]))


def _in_list(lines: list[str], line: int) -> bool:
    """The nearest line above at the same indentation is a list item (``- …``)."""
    indent = _indent(lines[line]) if line < len(lines) else 0
    for text in reversed(lines[:line]):
        if text.strip() and not text.lstrip().startswith("#") and _indent(text) <= indent:
            return _indent(text) == indent and text.lstrip().startswith("- ")
    return False


def _indented_under_text(lines: list[str], line: int) -> bool:
    """``key: value`` indented deeper than the ``key: text`` line above it: an indentation slip, not a colon in text."""
    if line >= len(lines) or not _KEY_LINE.match(lines[line]):
        return False
    above = next((t for t in reversed(lines[:line]) if t.strip() and not t.lstrip().startswith("#")), "")
    value = above.split(":", 1)[1].strip() if ":" in above else ""
    return _KEY_LINE.match(above) is not None and bool(value) and _indent(lines[line]) > _indent(above)


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _is_libyaml_depth_limit(exc) -> bool:
    """libyaml's own nesting limit, which newer releases (in PyYAML 6.0.4's wheels) enforce in the scanner.

    Its words are ``exceeded maximum nesting depth`` ``while increasing flow level`` (or ``block level``);
    a libyaml that words it differently still gives a clean ``yaml.syntax`` refusal.
    """
    problem = (exc.problem or "").lower()
    context = (exc.context or "").lower()
    return "nesting depth" in problem or context.startswith(("while increasing flow level",
                                                             "while increasing block level"))


def _tail(text: str) -> str:
    """The last words before a lost comment, so the trainer recognises the line."""
    return text if len(text) <= 30 else "…" + text[-29:].lstrip()


def dotted(path: tuple) -> str:
    """``('rooms', 'hal', 'exits', 0)`` → ``rooms.hal.exits[0]``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text
