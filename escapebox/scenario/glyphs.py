"""Which characters the bundled font can draw, read from the TTF's cmap table.

The validator must run without pygame (tests/test_layers.py), so instead of
asking SDL_ttf we read the font's character map ourselves: the ``cmap`` table
(OpenType spec, "cmap — Character to Glyph Index Mapping Table") is small and
fully specified.  Atkinson Hyperlegible carries a format-4 subtable (Unicode
BMP); format 12 (full Unicode) is read too so a theme's own font with emoji
or other astral characters is judged correctly.  A character mapped to glyph
0 (".notdef") is drawn as an empty box, so it counts as missing.

pygame-ce shapes text with HarfBuzz, which draws a precomposed letter the font lacks (Ĉ,
U+0108) as its base letter and combining mark (C + U+0302) when the font has both; so a
character whose canonical decomposition is drawable is drawable too (:func:`drawable`).
tests/test_glyphs.py checks this rule against pygame's own pictures of every character.

:func:`glyph_problems` warns a trainer about each character of a scenario the font
cannot draw, at its line and column; ``authoring.checks.all_problems`` calls it with
the fonts of the scenario's own theme, which this layer cannot see.
"""

from __future__ import annotations

import bisect
import re
import struct
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from escapebox.paths import assets_dir
from escapebox.problems import Problem, Severity
from escapebox.scenario.invisible import TextPlaces, is_invisible, non_ascii_text
from escapebox.scenario.types import AssetPath
from escapebox.scenario.walk import walked
from escapebox.scenario.yamlsafe import dotted

#: the font every screen draws with unless a theme brings its own (escapebox/ui/text.py)
DEFAULT_FONT = "fonts/AtkinsonHyperlegible-Regular.ttf"
#: characters text layout handles itself and never asks the font for
_LAYOUT = frozenset("\n\r\t")
#: glue inside an emoji sequence (variation selectors, the keycap mark): the emoji itself is
#: what the trainer hears about, and invisible.py speaks about stray joiners
_GLUE = frozenset("\ufe0e\ufe0f\u20e3")
_NON_ASCII = re.compile(r"[^\x00-\x7e]")


def default_font() -> Path:
    return assets_dir() / DEFAULT_FONT


def default_fonts() -> tuple[Path, ...]:
    """The four files of the default theme (``themes.theme.Fonts``): regular, bold, italic, bold italic."""
    names = ("Regular", "Bold", "Italic", "BoldItalic")
    return tuple(assets_dir() / "fonts" / f"AtkinsonHyperlegible-{name}.ttf" for name in names)


@lru_cache(maxsize=8)
def coverage(font: Path) -> frozenset[int]:
    """Every code point the font maps to a real glyph; nothing for a file that is not a font."""
    try:
        return _coverage(Path(font).read_bytes())
    except (OSError, struct.error, UnicodeDecodeError):
        # a theme's font that is missing or broken: the theme check reports the file, and
        # the game falls back to pygame's own font (ui/text.py), so no glyph verdict here
        return frozenset()


def _coverage(data: bytes) -> frozenset[int]:
    tables = _tables(data)
    if "cmap" not in tables:
        return frozenset()
    base = tables["cmap"]
    _, count = struct.unpack_from(">HH", data, base)
    best: dict[int, int] = {}
    for n in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, base + 4 + 8 * n)
        start = base + offset
        fmt = struct.unpack_from(">H", data, start)[0]
        if (platform, encoding) in ((3, 1), (3, 10), (0, 3), (0, 4), (0, 6)) and fmt in (4, 12):
            best.setdefault(fmt, start)
    if 12 in best:
        return frozenset(_format12(data, best[12]))
    return frozenset(_format4(data, best[4])) if 4 in best else frozenset()


def _tables(data: bytes) -> dict[str, int]:
    count = struct.unpack_from(">H", data, 4)[0]
    found = {}
    for n in range(count):
        tag, _, offset, _ = struct.unpack_from(">4sIII", data, 12 + 16 * n)
        found[tag.decode("latin-1")] = offset
    return found


def _format4(data: bytes, start: int):
    segments = struct.unpack_from(">H", data, start + 6)[0] // 2
    ends_at = start + 14
    starts_at = ends_at + 2 * segments + 2                 # after reservedPad
    deltas_at = starts_at + 2 * segments
    ranges_at = deltas_at + 2 * segments
    for s in range(segments):
        end = struct.unpack_from(">H", data, ends_at + 2 * s)[0]
        first = struct.unpack_from(">H", data, starts_at + 2 * s)[0]
        delta = struct.unpack_from(">h", data, deltas_at + 2 * s)[0]
        range_offset = struct.unpack_from(">H", data, ranges_at + 2 * s)[0]
        for code in range(first, end + 1):
            if code == 0xFFFF:
                continue
            if range_offset:
                where = ranges_at + 2 * s + range_offset + 2 * (code - first)
                glyph = struct.unpack_from(">H", data, where)[0]
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            else:
                glyph = (code + delta) & 0xFFFF
            if glyph:
                yield code


def _format12(data: bytes, start: int):
    groups = struct.unpack_from(">I", data, start + 12)[0]
    for g in range(groups):
        first, last, glyph = struct.unpack_from(">III", data, start + 16 + 12 * g)
        for code in range(first, last + 1):
            if glyph + (code - first):
                yield code


def drawable(char: str, have: frozenset[int]) -> bool:
    """In the font, or made of parts that are (HarfBuzz composes them: see the module's docstring)."""
    if ord(char) in have:
        return True
    parts = unicodedata.normalize("NFD", char)
    return parts != char and all(drawable(part, have) for part in parts)


def missing(text: str, font: Path | None = None) -> list[str]:
    """The characters of ``text`` the font would draw as empty boxes, each once, in order."""
    have = coverage(font or default_font())
    seen: list[str] = []
    for char in text:
        if char not in _LAYOUT and not drawable(char, have) and char not in seen:
            seen.append(char)
    return seen


def char_name(char: str) -> str:
    """``U+2192 RIGHTWARDS ARROW``: what a trainer can look up."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED')}"


def is_emoji(char: str) -> bool:
    """Pictographs (U+1F000-1FAFF, skin tones included) and the Miscellaneous Symbols (☕ ⚕ ☀).

    No text font draws these, so the message says so and suggests a picture.  The Dingbats
    (✓ ✗) are left out on purpose: many text fonts have them, and a trainer replaces them with
    a letter, which the plain "missing character" message suggests.
    """
    code = ord(char)
    return 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x26FF


def glyph_problems(loaded, fonts: Sequence[Path] | None = None) -> list[Problem]:
    """A warning for each character of the scenario file that a font which draws it lacks.

    Once per text and character, at the line and column of its first appearance (as
    :mod:`escapebox.scenario.invisible` does).  ``fonts``: the files of every text style the
    screens use; a character must be in all of them, because a room name is bold and its
    text regular.  Keys (ids), file names and icon names are never drawn and are left out.
    """
    fonts = [Path(f) for f in (fonts or default_fonts())]
    covered = [coverage(f) for f in fonts]
    if not all(covered):        # a font we cannot read gives no verdict (see coverage)
        return []
    text = non_ascii_text(loaded)
    if text is None:
        return []
    places, skip = TextPlaces(loaded.document), _unshown_fields(loaded)
    found: dict[tuple, list] = {}  # (path, char) -> [line, column, count, font file]
    for line, column, char in _characters(text):
        lacking = next((f for f, have in zip(fonts, covered) if not drawable(char, have)), None)
        if lacking is None or _ignored(char):
            continue
        place = places.at(line, column, char)
        if place is None or place[0] or place[1] in skip:     # a comment, a key, a file name
            continue
        spot = found.setdefault((place[1], char), [line, column, 0, lacking.name])
        spot[2] += 1
    return [_problem(loaded.file, path, char, *where) for (path, char), where in found.items()]


def _characters(text: str) -> Iterable[tuple[int, int, str]]:
    """(line, column, character) of every character outside ASCII, both counted from 1."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    for match in _NON_ASCII.finditer(text):
        line = bisect.bisect_right(starts, match.start())
        yield line, match.start() - starts[line - 1] + 1, match.group()


def _ignored(char: str) -> bool:
    """Characters that draw nothing on purpose; invisible.py warns where they do not belong."""
    return char in _GLUE or is_invisible(char) or unicodedata.category(char) == "Zs"


def _unshown_fields(loaded) -> set[tuple]:
    """YAML paths of the values that name a file or an icon: read by the game, never drawn."""
    paths = {path for path, marker, _value in walked(loaded.scenario) if isinstance(marker, AssetPath)}
    files = {loaded.document.resolve(path) for path in paths}
    return files | {path for path in loaded.document.value_marks if path[-1:] == ("icon",)}


def _problem(file: str, path: tuple, char: str, line: int, column: int, count: int, font: str) -> Problem:
    code = "validate.glyph_emoji" if is_emoji(char) else "validate.glyph_missing"
    return Problem(code, {"char": char, "name": char_name(char), "count": count, "font": font},
                   Severity.WARNING, file, line, column, dotted(path))
