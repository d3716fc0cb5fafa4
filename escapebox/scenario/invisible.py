"""Invisible characters in a scenario: pasted from Word or a PDF, never typed by a group.

A soft hyphen (U+00AD) or a zero-width space in an answer used to make the puzzle
unsolvable; answers are now normalised on both sides (``escapebox/puzzles/matching.py``),
but the same characters in a room text show on the beamer as a stray hyphen or a box, and a
no-break space in a file name makes the file impossible to find.  So the validator warns,
once per text and character, at the exact line and column of the first one, naming it:

* format characters (Unicode category Cf: soft hyphen, zero-width space and joiners,
  direction marks, word joiner, BOM), line and paragraph separators and blank "letters"
  (U+3164 and friends) anywhere, keys included (near misses are keys).  A zero-width joiner
  inside an emoji sequence (👩‍⚕️) is what it is meant to be and is left alone;
* unusual spaces (no-break, narrow, ideographic, …) only in file names and icons, where they
  matter: in a text they are good typography, and in an answer they count as a space.

Bidirectional overrides never get here: the YAML reader refuses them (``yaml.bidi_char``).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from typing import Iterator

from escapebox.problems import EscapeboxError, Problem, Severity
from escapebox.scenario.types import AssetPath
from escapebox.scenario.walk import walked
from escapebox.scenario.yamlsafe import Document, decode_text, dotted

#: The message key that names each character (``validate.char.*``); any other one is ``invisible``.
NAMES = {
    "\u00ad": "validate.char.soft_hyphen",
    "\u200b": "validate.char.zero_width_space",
    "\u200c": "validate.char.zero_width_non_joiner",
    "\u200d": "validate.char.zero_width_joiner",
    "\u200e": "validate.char.direction_mark",
    "\u200f": "validate.char.direction_mark",
    "\u061c": "validate.char.direction_mark",
    "\u2060": "validate.char.word_joiner",
    "\ufeff": "validate.char.bom",
    "\u2028": "validate.char.line_separator",
    "\u2029": "validate.char.line_separator",
    "\u00a0": "validate.char.no_break_space",
    "\u202f": "validate.char.narrow_no_break_space",
}
OTHER_INVISIBLE = "validate.char.invisible"
OTHER_SPACE = "validate.char.other_space"
#: Letters that draw nothing (Hangul fillers, the combining grapheme joiner, Braille blank).
_BLANK = frozenset("\u034f\u115f\u1160\u3164\uffa0\u2800")
_NON_ASCII = re.compile(r"[^\x00-\x7e]")
#: Emoji modifiers that may stand between a pictograph and a zero-width joiner.
_EMOJI_GLUE = frozenset("\ufe0f\u20e3") | {chr(c) for c in range(0x1F3FB, 0x1F400)}


def non_ascii_text(loaded) -> str | None:
    """The scenario file's text; ``None`` when it is plain ASCII (nothing to look for) or unreadable."""
    try:
        text = decode_text(loaded.raw, loaded.file)
    except EscapeboxError:  # the loader refused it already
        return None
    return None if text.isascii() else text


def invisible_problems(loaded) -> list[Problem]:
    """Warnings for invisible characters in the scenario file of ``loaded`` (a ``LoadedScenario``)."""
    text = non_ascii_text(loaded)
    if text is None:
        return []
    doc = loaded.document
    files = _file_fields(loaded)
    places = TextPlaces(doc)
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    found: dict[tuple, list] = {}  # (is_key, path, char) → [line, column, count]
    for match in _NON_ASCII.finditer(text):
        index, char = match.start(), match.group()
        line = bisect.bisect_right(starts, index)
        column = index - starts[line - 1] + 1
        place = places.at(line, column, char)
        if place is None or not _suspicious(char, text, index, place[1] in files):
            continue
        spot = found.setdefault((place[0], place[1], char), [line, column, 0])
        spot[2] += 1
    # characters written as escapes ("\u00ad") are in the data but not in the file
    for is_key, path, value in _strings(doc.data):
        for char in sorted(set(value)):
            if (is_key, path, char) in found or not _suspicious(char, value, value.index(char), path in files):
                continue
            mark = doc.key_marks.get(path) if is_key else doc.mark(path)
            found[(is_key, path, char)] = [mark.line if mark else None, mark.column if mark else None,
                                           value.count(char)]
    problems = []
    for (_is_key, path, char), (line, column, count) in found.items():
        code = "validate.invisible_in_file_name" if unicodedata.category(char) == "Zs" else "validate.invisible_char"
        problems.append(Problem(code, {"char": f"@{name_key(char)}|U+{ord(char):04X}", "count": count},
                                Severity.WARNING, loaded.file, line, column, dotted(path)))
    return problems


def name_key(char: str) -> str:
    """The message key that names ``char`` for a trainer."""
    if char in NAMES:
        return NAMES[char]
    return OTHER_SPACE if unicodedata.category(char) == "Zs" else OTHER_INVISIBLE


def is_invisible(char: str) -> bool:
    """A character that draws nothing and that no keyboard types on purpose."""
    return unicodedata.category(char) in ("Cf", "Zl", "Zp") or char in _BLANK


def _suspicious(char: str, text: str, index: int, in_file_name: bool) -> bool:
    if unicodedata.category(char) == "Zs":
        return in_file_name
    if not is_invisible(char):
        return False
    return not _in_emoji(char, text, index)


def _in_emoji(char: str, text: str, index: int) -> bool:
    """A joiner between two pictographs, or a tag character of a flag (🏴 + tags)."""
    before = index - 1
    while before >= 0 and text[before] in _EMOJI_GLUE:
        before -= 1
    after = text[index + 1] if index + 1 < len(text) else ""
    is_symbol = before >= 0 and unicodedata.category(text[before]) == "So"
    if char == "\u200d":
        return is_symbol and after != "" and unicodedata.category(after) == "So"
    if 0xE0020 <= ord(char) <= 0xE007F:
        return is_symbol or (before >= 0 and 0xE0020 <= ord(text[before]) <= 0xE007F)
    return False


def _file_fields(loaded) -> set[tuple]:
    """YAML paths of the values that name a file or an icon."""
    paths = {path for path, marker, _value in walked(loaded.scenario) if isinstance(marker, AssetPath)}
    return {loaded.document.resolve(path) for path in paths} | {
        path for is_key, path, _value in _strings(loaded.document.data) if not is_key and path[-1:] == ("icon",)}


def _strings(node, path: tuple = ()) -> Iterator[tuple[bool, tuple, str]]:
    """Every text in the data: (is a key, its path, the text)."""
    if isinstance(node, str):
        yield False, path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, str):
                yield True, path + (key,), key
            yield from _strings(value, path + (key,))
    elif isinstance(node, list):
        for number, value in enumerate(node):
            yield from _strings(value, path + (number,))


class TextPlaces:
    """Which key or value of the document a position in the file belongs to (also for the glyph check)."""

    def __init__(self, doc: Document):
        self.doc = doc
        marks = [((m.line, m.column), False, p) for p, m in doc.value_marks.items()]
        marks += [((m.line, m.column), True, p) for p, m in doc.key_marks.items()]
        marks.sort(key=lambda entry: entry[0])
        self.positions = [entry[0] for entry in marks]
        self.marks = marks

    def at(self, line: int, column: int, char: str) -> tuple[bool, tuple] | None:
        """(is a key, path) of the text that holds ``char`` at this position; ``None`` in a comment."""
        index = bisect.bisect_right(self.positions, (line, column)) - 1
        # a key and its value can start at the same spot only when the value is empty
        for _position, is_key, path in reversed(self.marks[max(0, index - 1):index + 1]):
            text = path[-1] if is_key else self._value(path)
            if isinstance(text, str) and char in text:
                return is_key, path
        return None

    def _value(self, path: tuple):
        node = self.doc.data
        for part in path:
            try:
                node = node[part]  # type: ignore[index]
            except (KeyError, IndexError, TypeError):
                return None
        return node
