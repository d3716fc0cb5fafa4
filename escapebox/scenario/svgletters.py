"""How large the letters in an SVG drawing are, in the drawing's own units, without drawing it.

Two kinds of text are measured:

* ``<text>`` (and its ``<tspan>``): the ``font-size`` attribute or style, inherited from the
  enclosing ``<g>`` (SVG's default is 16), times the scale of every ``transform`` around it.
  The game does not draw ``<text>`` (``validate.svg_text`` says so), but a trainer who outlines
  it keeps its size, so its size is judged too.
* text outlined into paths, by ``escapebox svgtext`` or Inkscape: a ``<path>`` whose own
  transform is a uniform scale with y flipped (``matrix(s 0 0 -s x y)``): glyph outlines are
  drawn y-up in font units, so every outline tool writes this.  svgtext.py puts the words in
  a comment just before the path and scales by ``font-size / unitsPerEm`` of Atkinson
  Hyperlegible, so the font size is ``s × unitsPerEm``.  Without that comment the tool and
  its font's units per em are unknown; fonts use a few round numbers (1000, 2048, 200, …),
  and the one that puts the drawing's tallest outline at an ascender's height (about 0.75
  em) is taken for every outline of the drawing (one tool made them all).  An outline that
  does not reach down to its baseline (a lone dash in a timetable cell) is not a word and
  is left out.
* Inkscape's Path > Object to Path: a ``<g aria-label="words">`` with the font size in its
  style, its paths already in the drawing's units.

The caller has let :func:`escapebox.scenario.mediacheck.inspect_image` look at the file first
(size, entity bombs), as for every picture.  What does not parse as XML gives no verdict.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Iterator

#: Atkinson Hyperlegible's head.unitsPerEm, as svgtext.py outlines it
#: (tests/test_svg_readability.py reads it from the font file)
UNITS_PER_EM = 1000
#: SVG's initial font size ("medium")
DEFAULT_FONT_SIZE = 16.0
#: units per em that fonts use, and where a run's tallest letter stands: an ascender (b, d, l)
#: or a capital with an accent reaches 0.72-0.76 em in Atkinson (OS/2 sTypoAscender is 0.95)
FONT_UNITS = (200, 256, 500, 512, 1000, 1024, 2000, 2048, 4096)
TALLEST = 0.75
_UNITS = {"px": 1.0, "": 1.0, "pt": 96 / 72, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0}
NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_TRANSFORM = re.compile(r"(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)")
_PATH_TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtAaZz]|" + NUMBER)
#: numbers each path command takes, and which of them are y coordinates
_ARGS = {"m": 2, "l": 2, "t": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "a": 7, "z": 0}

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass(frozen=True)
class Letters:
    """One run of text: its words ("" when an outline keeps none), its font size in user units,
    and where it starts (user units), so a trainer can find it; for an outline, its own
    ``transform`` as written (scripts/svgbigger.py finds the path by it).  ``grow``: user units
    per unit of the font-size as the trainer writes it, the scale of the transforms around the
    text (``<g transform="scale(0.5)">`` halves it), so advice can name the size to write."""

    text: str
    size: float
    x: float
    y: float
    transform: str = ""
    grow: float = 1.0


@dataclass(frozen=True)
class Drawing:
    width: float        # the viewBox (or width and height): the user units the screen fits
    height: float
    letters: tuple[Letters, ...]


def measure(data: bytes) -> Drawing | None:
    """The drawing's user-unit box and every run of text in it; ``None`` when it is not XML."""
    try:
        parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
        parser.feed(data)
        root = parser.close()
    except ET.ParseError:
        return None
    box = _box(root)
    if box is None:
        return None
    found: list[Letters] = []
    unnamed: list[_Outline] = []
    _walk(root, IDENTITY, DEFAULT_FONT_SIZE, found, unnamed)
    if unnamed:
        units = min(FONT_UNITS, key=lambda u: abs(max(o.top for o in unnamed) / u - TALLEST))
        found += [Letters("", units * o.scale, o.x, o.y, o.transform, o.grow) for o in unnamed]
    return Drawing(box[0], box[1], tuple(found))


@dataclass(frozen=True)
class _Outline:
    """An outlined text without its words: its tallest point in font units, and its scale."""

    top: float
    scale: float
    x: float
    y: float
    transform: str
    grow: float


def _box(root) -> tuple[float, float] | None:
    numbers = [float(n) for n in re.findall(NUMBER, root.get("viewBox", ""))]
    if len(numbers) == 4 and numbers[2] > 0 and numbers[3] > 0:
        return numbers[2], numbers[3]
    width, height = _length(root.get("width")), _length(root.get("height"))
    return (width, height) if width and height else None


def _walk(element, matrix: Matrix, font_size: float, found: list[Letters], unnamed: list[_Outline]) -> None:
    previous = None
    for child in element:
        if child.tag is ET.Comment:
            previous = child
            continue
        name = _local(child.tag)
        own = _compose(matrix, _transform(child.get("transform", "")))
        size = _font_size(child, font_size)
        if name == "text":
            found.extend(_text_runs(child, own, size))
        elif child.get("aria-label", "").strip():
            found.append(Letters(" ".join(child.get("aria-label").split()), size * _scale(own), own[4], own[5],
                                 grow=_scale(own)))
        elif name == "path":
            letters = _outline(child, own, _transform(child.get("transform", "")), previous)
            if isinstance(letters, Letters):
                found.append(letters)
            elif letters is not None:
                unnamed.append(letters)
        elif name not in ("defs", "clipPath", "mask", "symbol", "title", "desc", "metadata", "style"):
            _walk(child, own, size, found, unnamed)
        previous = None


def _text_runs(element, matrix: Matrix, size: float) -> list[Letters]:
    """A <text> and every <tspan> in it with its own size: the smallest one is what counts."""
    runs = []
    words = " ".join("".join(element.itertext()).split())
    if words:
        runs.append(Letters(words, size * _scale(matrix), *_point(matrix, element), grow=_scale(matrix)))
    for span in element.iter():
        if span is not element and _local(span.tag) == "tspan" \
                and font_size(_own_font_size(span), size) is not None:
            text = " ".join("".join(span.itertext()).split())
            if text:
                runs.append(Letters(text, _font_size(span, size) * _scale(matrix), *_point(matrix, span),
                                    grow=_scale(matrix)))
    return runs


def _outline(element, matrix: Matrix, own: Matrix, comment) -> Letters | _Outline | None:
    """An outlined text (see the module's docstring), or ``None`` for any other path."""
    a, b, c, d, _e, _f = own
    if not (a > 0 and d < 0 and abs(b) < 1e-9 and abs(c) < 1e-9 and math.isclose(a, -d, rel_tol=0.01)):
        return None
    scale, x, y = _scale(matrix), matrix[4], matrix[5]     # matrix: every transform, the path's own too
    written = element.get("transform", "")
    # the <text> this outline replaced stood where the path stands: around it, the path's parents
    grow = scale / _scale(own)
    if comment is not None and comment.text:
        return Letters(comment.text.strip().replace("- -", "--"), UNITS_PER_EM * scale, x, y, written, grow)
    bottom, top = _path_span(element.get("d", ""))
    if top <= 0 or bottom > 0.1 * top:
        return None     # letters stand on the baseline (y 0); a lone dash or quote floats above it
    return _Outline(top, scale, x, y, written, grow)


def _path_span(d: str) -> tuple[float, float]:
    """The smallest and largest y the path's points reach (control points included), in its own units."""
    ys = [y for _x, y in path_points(d)]
    return (min(ys), max(ys)) if ys else (0.0, 0.0)


def path_points(d: str) -> Iterator[tuple[float, float]]:
    """Every point a path's data names (end and control points), made absolute."""
    tokens = _PATH_TOKEN.findall(d)
    x, y, start, command, index = 0.0, 0.0, (0.0, 0.0), "", 0
    while index < len(tokens):
        if tokens[index].isalpha():
            command, index = tokens[index], index + 1
            if command in "zZ":
                x, y = start
                continue
        count = _ARGS.get(command.lower())
        if not count or index + count > len(tokens) or any(t.isalpha() for t in tokens[index:index + count]):
            return                          # nanosvg stops at what it cannot read: so do we
        args = [float(t) for t in tokens[index:index + count]]
        index += count
        points = _step(command, args, x, y)
        yield from points
        x, y = points[-1]
        if command in "mM":
            start = (x, y)
            command = "l" if command == "m" else "L"   # further pairs after a moveto are linetos


def _step(command: str, args: list[float], x: float, y: float) -> list[tuple[float, float]]:
    """The points one command names, made absolute; the last is the new current point."""
    relative = command.islower()
    kind = command.lower()
    if kind == "h":
        return [(args[0] + (x if relative else 0), y)]
    if kind == "v":
        return [(x, args[0] + (y if relative else 0))]
    pairs = [(args[5], args[6])] if kind == "a" else list(zip(args[0::2], args[1::2]))
    return [(px + (x if relative else 0), py + (y if relative else 0)) for px, py in pairs]


def _font_size(element, inherited: float) -> float:
    size = font_size(_own_font_size(element), inherited)
    return inherited if size is None else size


def font_size(value: str | None, inherited: float) -> float | None:
    """A written font-size (``44``, ``12pt``, ``2em``, ``150%``) in user units; ``None`` if none or unreadable.

    em and % are relative to the size the element inherits (``escapebox svgtext`` uses this too).
    """
    found = re.fullmatch(r"\s*(" + NUMBER + r")\s*(px|pt|pc|mm|cm|in|em|%)?\s*", value or "")
    if not found or float(found.group(1)) <= 0:
        return None
    number, unit = float(found.group(1)), found.group(2) or ""
    if unit == "em":
        return number * inherited
    if unit == "%":
        return number / 100 * inherited
    return number * _UNITS.get(unit, 1.0)


def _own_font_size(element) -> str | None:
    """``font-size`` as written in the style attribute (which wins) or the attribute itself."""
    style = re.search(r"font-size\s*:\s*([^;]+)", element.get("style", ""))
    return style.group(1) if style else element.get("font-size")


def _length(value: str | None) -> float:
    found = re.fullmatch(r"\s*(" + NUMBER + r")\s*(px|pt|pc|mm|cm|in)?\s*", value or "")
    return float(found.group(1)) * _UNITS[found.group(2) or ""] if found else 0.0


def _transform(text: str) -> Matrix:
    matrix = IDENTITY
    for name, arguments in _TRANSFORM.findall(text):
        numbers = [float(n) for n in re.findall(NUMBER, arguments)]
        matrix = _compose(matrix, _one(name, numbers))
    return matrix


def _one(name: str, n: list[float]) -> Matrix:
    if name == "matrix" and len(n) == 6:
        return (n[0], n[1], n[2], n[3], n[4], n[5])
    if name == "translate" and n:
        return (1, 0, 0, 1, n[0], n[1] if len(n) > 1 else 0)
    if name == "scale" and n:
        return (n[0], 0, 0, n[1] if len(n) > 1 else n[0], 0, 0)
    if name == "rotate" and n:
        cos, sin = math.cos(math.radians(n[0])), math.sin(math.radians(n[0]))
        turn = (cos, sin, -sin, cos, 0.0, 0.0)
        if len(n) == 3:    # about a point: there, turn, back
            return _compose(_compose((1, 0, 0, 1, n[1], n[2]), turn), (1, 0, 0, 1, -n[1], -n[2]))
        return turn
    if name in ("skewX", "skewY") and n:
        tan = math.tan(math.radians(n[0]))
        return (1, 0, tan, 1, 0, 0) if name == "skewX" else (1, tan, 0, 1, 0, 0)
    return IDENTITY


def _compose(outer: Matrix, inner: Matrix) -> Matrix:
    a, b, c, d, e, f = outer
    A, B, C, D, E, F = inner
    return (a * A + c * B, b * A + d * B, a * C + c * D, b * C + d * D, a * E + c * F + e, b * E + d * F + f)


def _scale(matrix: Matrix) -> float:
    """How much a letter grows: the square root of the area scale (a rotation does not count)."""
    a, b, c, d, _e, _f = matrix
    return math.sqrt(abs(a * d - b * c))


def _point(matrix: Matrix, element) -> tuple[float, float]:
    x = _first(element.get("x"))
    y = _first(element.get("y"))
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def _first(value: str | None) -> float:
    found = re.match(r"\s*(" + NUMBER + ")", value or "")
    return float(found.group(1)) if found else 0.0


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
