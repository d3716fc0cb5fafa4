"""Turn the ``<text>`` of an SVG drawing into ``<path>`` outlines, in the game's font (Atkinson Hyperlegible).

pygame-ce reads SVG with nanosvg, which skips ``<text>``: a drawing with words shows
without them.  Outlines show everywhere.  ``escapebox svgtext`` runs this; it needs
fontTools, the ``authoring`` extra (``pip install "escapebox[authoring]"``), which the
command names when it is missing.

Read from a ``<text>``: x, y, font-size, fill, font-weight, font-style, text-anchor and
opacity, as attributes or in ``style="…"`` (which wins), and the first five inherited from
the ``<g>`` elements around it as SVG inherits them: ``<g font-size="44" fill="#1d2b36">``
around a ``<text>`` without its own made outlines of size 28 in black (the fresh-author
test, issue #18).  A font-size in em or % is relative to the inherited one.  Every
font-family becomes the game's font.  The original words stay beside each path as an XML
comment, so the drawing stays readable and can be converted again (with a larger
font-size, say).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from escapebox.paths import assets_dir
from escapebox.scenario.svgletters import DEFAULT_FONT_SIZE, font_size

#: the presentation attributes a <text> takes from the <g> around it (opacity is not inherited:
#: the <g> keeps its own, and it still applies to the paths inside it)
INHERITED = ("font-size", "fill", "font-weight", "font-style", "text-anchor")
#: nanosvg's and SVG's initial values
INITIAL = {"font-size": str(DEFAULT_FONT_SIZE), "fill": "#000", "font-weight": "normal", "font-style": "normal",
           "text-anchor": "start"}
#: a comment, a <text> element with its words, or any other tag (start, end or empty)
_PIECE = re.compile(r"<!--.*?-->|<text\b([^>]*)>(.*?)</text>|<(/?)([A-Za-z_][\w:.-]*)([^>]*?)(/?)>", re.S)


class FontToolsMissing(Exception):
    """fontTools is not installed: the message names the extra that brings it."""


@lru_cache(maxsize=None)
def font(style: str):
    """The font of one style with what drawing needs: glyphs, character map, advances, units per em."""
    try:
        from fontTools.ttLib import TTFont
    except ImportError:
        raise FontToolsMissing() from None
    f = TTFont(str(assets_dir() / "fonts" / f"AtkinsonHyperlegible-{style}.ttf"))
    return f, f.getGlyphSet(), f.getBestCmap(), f["hmtx"], f["head"].unitsPerEm


def has_text(svg: str) -> bool:
    return re.search(r"<text\b", svg) is not None


def attr(tag, name, default=None):
    """An attribute's value as written, in double or single quotes."""
    m = re.search(r"""\s%s\s*=\s*(["'])(.*?)\1""" % re.escape(name), tag, re.S)
    return m.group(2) if m else default


def outline(text, style):
    f, gs, cmap, hmtx, upm = font(style)   # first: without fontTools it says which extra to install
    from fontTools.pens.recordingPen import DecomposingRecordingPen
    from fontTools.pens.transformPen import TransformPen
    rec = DecomposingRecordingPen(gs)
    x = 0
    for ch in text:
        g = cmap.get(ord(ch)) or cmap.get(ord("?"))
        gs[g].draw(TransformPen(rec, (1, 0, 0, 1, x, 0)))
        x += hmtx[g][0]
    return rec.value, x, upm


def path_d(ops):
    out = []
    cx = cy = 0
    sx = sy = 0
    def rel(pt):
        nonlocal cx, cy
        px, py = round(pt[0]), round(pt[1])
        r = (px - cx, py - cy)
        return r, (px, py)
    for op, pts in ops:
        if op == "moveTo":
            (dx, dy), (cx, cy) = rel(pts[0])
            sx, sy = cx, cy
            out.append("m%d %d" % (dx, dy))
        elif op == "lineTo":
            (dx, dy), (cx, cy) = rel(pts[0])
            out.append("l%d %d" % (dx, dy))
        elif op == "qCurveTo":
            # implied on-curve points between consecutive off-curve points
            pts = list(pts)
            if pts[-1] is None:
                raise ValueError("closed qcurve without on-curve point")
            offs, end = pts[:-1], pts[-1]
            seq = []
            for i, p in enumerate(offs):
                if i < len(offs) - 1:
                    nxt = offs[i + 1]
                    seq.append((p, ((p[0] + nxt[0]) / 2, (p[1] + nxt[1]) / 2)))
                else:
                    seq.append((p, end))
            for c, e in seq:
                ox, oy = cx, cy
                c = (round(c[0]), round(c[1]))
                e = (round(e[0]), round(e[1]))
                out.append("q%d %d %d %d" % (c[0] - ox, c[1] - oy, e[0] - ox, e[1] - oy))
                cx, cy = e
        elif op == "curveTo":
            ox, oy = cx, cy
            p = [(round(a), round(b)) for a, b in pts]
            out.append("c" + " ".join("%d %d" % (a - ox, b - oy) for a, b in p))
            cx, cy = p[-1]
        elif op in ("closePath", "endPath"):
            out.append("z")
            cx, cy = sx, sy
    s = "".join(out)
    return re.sub(r" -", "-", s)


def convert(src: str) -> str:
    """The drawing with every ``<text>`` replaced by its outline; the rest of the file as it was."""
    stack: list[dict[str, str]] = [dict(INITIAL)]
    out: list[str] = []
    end = 0
    for piece in _PIECE.finditer(src):
        if piece.group(1) is not None or piece.group(2) is not None:
            out.append(src[end:piece.start()])
            out.append(_outlined(piece.group(1), piece.group(2), _properties(piece.group(1), stack[-1])))
            end = piece.end()
        elif piece.group(4) is not None:
            _follow(stack, piece.group(3) == "/", piece.group(5), piece.group(6) == "/")
    return "".join(out) + src[end:]


def _follow(stack: list[dict[str, str]], closing: bool, tag: str, empty: bool) -> None:
    """Keep the properties each open element gives what it holds; an empty tag holds nothing."""
    if closing:
        if len(stack) > 1:
            stack.pop()
    elif not empty:
        stack.append(_properties(tag, stack[-1]))


def _properties(tag: str, inherited: dict[str, str]) -> dict[str, str]:
    """What this element says of each inherited property, else what it inherits; font-size in user units."""
    own = dict(inherited)
    for name in INHERITED:
        value = style_value(tag, name) or attr(tag, name)
        if value and value.strip() != "inherit":
            own[name] = value.strip()
    size = font_size(style_value(tag, "font-size") or attr(tag, "font-size"), float(inherited["font-size"]))
    own["font-size"] = str(size) if size is not None else inherited["font-size"]
    return own


def style_value(tag: str, name: str) -> str | None:
    """``name`` in the tag's ``style="…"`` (CSS declarations), which wins over the attribute."""
    style = attr(tag, "style", "")
    found = re.search(r"(?:^|;)\s*%s\s*:\s*([^;]+)" % re.escape(name), style)
    return found.group(1).strip() if found else None


def _outlined(tag: str, body: str, props: dict[str, str]) -> str:
    text = html.unescape(body)
    size = float(props["font-size"])
    weight = props["font-weight"]
    # CSS: bold is 700, and a weight from 600 up is drawn bold when only regular and bold exist
    bold = weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 600)
    italic = props["font-style"] in ("italic", "oblique")
    style = ("Bold" if bold else "") + ("Italic" if italic else "") or "Regular"
    x = float(attr(tag, "x", "0"))
    y = float(attr(tag, "y", "0"))
    ops, width, upm = outline(text, style)
    s = size / upm
    anchor = props["text-anchor"]
    if anchor == "middle":
        x -= width * s / 2
    elif anchor == "end":
        x -= width * s
    op = style_value(tag, "opacity") or attr(tag, "opacity")
    extra = ' opacity="%s"' % op if op else ""
    safe = body.replace("--", "- -")
    return ('<!-- %s --><path transform="matrix(%.5f 0 0 %.5f %.1f %.1f)" fill="%s"%s d="%s"/>'
            % (safe, s, -s, x, y, props["fill"], extra, path_d(ops)))
