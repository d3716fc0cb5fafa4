"""Turn the ``<text>`` of an SVG drawing into ``<path>`` outlines, in the game's font (Atkinson Hyperlegible).

pygame-ce reads SVG with nanosvg, which skips ``<text>``: a drawing with words shows
without them.  Outlines show everywhere.  ``escapebox svgtext`` runs this; it needs
fontTools, the ``authoring`` extra (``pip install "escapebox[authoring]"``), which the
command names when it is missing.

Read from a ``<text>``: x, y, font-size, fill, font-weight="bold", font-style="italic",
text-anchor and opacity.  The original words stay beside each path as an XML comment, so
the drawing stays readable and can be converted again (with a larger font-size, say).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from escapebox.paths import assets_dir


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
    m = re.search(r'\s%s="([^"]*)"' % re.escape(name), tag)
    return m.group(1) if m else default


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


def convert(src):
    def repl(m):
        tag, body = m.group(1), m.group(2)
        text = html.unescape(body)
        size = float(attr(tag, "font-size", "28"))
        fill = attr(tag, "fill", "#000")
        bold = attr(tag, "font-weight", "normal") in ("bold", "700")
        italic = attr(tag, "font-style", "normal") == "italic"
        style = ("Bold" if bold else "") + ("Italic" if italic else "")
        style = style or "Regular"
        x = float(attr(tag, "x", "0"))
        y = float(attr(tag, "y", "0"))
        ops, width, upm = outline(text, style)
        s = size / upm
        anchor = attr(tag, "text-anchor", "start")
        if anchor == "middle":
            x -= width * s / 2
        elif anchor == "end":
            x -= width * s
        d = path_d(ops)
        op = attr(tag, "opacity")
        extra = ' opacity="%s"' % op if op else ""
        safe = body.replace("--", "- -")
        return ('<!-- %s --><path transform="matrix(%.5f 0 0 %.5f %.1f %.1f)" fill="%s"%s d="%s"/>'
                % (safe, s, -s, x, y, fill, extra, d))
    return re.sub(r"<text\b([^>]*)>(.*?)</text>", repl, src, flags=re.S)
