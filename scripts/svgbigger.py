"""Enlarge the outlined text of an SVG clue picture that the readability lint finds too small.

``python scripts/svgbigger.py DRAWING.svg [...]`` rewrites each file in place: every outlined
text run (a path with ``transform="matrix(s 0 0 -s x y)"``, as scripts/svgtext.py and other
outline tools write it) whose size on a beamer is below
:data:`escapebox.scenario.readability.MIN_PICTURE_TEXT_PX` gets exactly that size.  It keeps
its place: a run centred in the rectangle around it stays centred (also vertically), one
nearer the rectangle's right edge keeps its right end, any other its left end, and its
baseline.  Look at the result (``rsvg-convert`` or ImageMagick ``convert`` to PNG): text that
grows may need room.  ``<text>`` is left alone (make its font-size larger, then run svgtext.py).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from escapebox.scenario.readability import MIN_PICTURE_TEXT_PX, beamer_scale
from escapebox.scenario.svgletters import NUMBER, measure, path_points

_RECT = re.compile(r"<rect\b[^>]*>")
#: a run is "centred" when its middle is this share of the rectangle's width from the middle
CENTRED = 0.04


def bigger(source: str) -> tuple[str, int]:
    """The drawing with its small outlined runs enlarged, and how many there were."""
    drawing = measure(source.encode("utf-8"))
    if drawing is None:
        return source, 0
    units = MIN_PICTURE_TEXT_PX / beamer_scale(drawing)
    rects = [_rect(tag) for tag in _RECT.findall(source)]
    changes = {run.transform: units / run.size for run in drawing.letters
               if run.transform and run.size < units}
    count = 0

    def enlarge(match: re.Match) -> str:
        nonlocal count
        transform, d = match.group(2), match.group(4)
        if transform not in changes:
            return match.group(0)
        count += 1
        new = _scaled(transform, d, changes[transform], [r for r in rects if r])
        return match.group(1) + new + match.group(3) + d + match.group(5)

    pattern = re.compile(r'(<path\b[^>]*?transform=")([^"]*)("[^>]*?\bd=")([^"]*)(")', re.S)
    return pattern.sub(enlarge, source), count


def _scaled(transform: str, d: str, factor: float, rects) -> str:
    a, _b, _c, _d, x, y = (float(n) for n in re.findall(NUMBER, transform))
    xs, ys = _coordinates(d)
    left, right = x + min(xs) * a, x + max(xs) * a
    top = max(ys) * a
    new_a = a * factor
    anchor = _anchor(left, right, y - top, y, rects)
    if anchor == "middle":
        middle = (left + right) / 2
        x = middle - (min(xs) + max(xs)) / 2 * new_a
        y += (new_a - a) * max(ys) / 2          # grow up and down alike: stays centred
    elif anchor == "end":
        x = right - max(xs) * new_a
    else:
        x = left - min(xs) * new_a
    return f"matrix({new_a:.5f} 0 0 {-new_a:.5f} {x:.1f} {y:.1f})"


def _anchor(left: float, right: float, top: float, bottom: float, rects) -> str:
    around = [r for r in rects if r[0] <= left and right <= r[0] + r[2] and r[1] <= top and bottom <= r[1] + r[3]]
    if not around:
        return "start"
    rx, _ry, width, _height = min(around, key=lambda r: r[2] * r[3])
    gap_left, gap_right = left - rx, rx + width - right
    if abs(gap_left - gap_right) / 2 < CENTRED * width:
        return "middle"
    return "end" if gap_right < gap_left else "start"


def _rect(tag: str):
    values = [re.search(r'\s%s="(%s)"' % (name, NUMBER), tag) for name in ("x", "y", "width", "height")]
    numbers = [float(v.group(1)) if v else 0.0 for v in values]
    return tuple(numbers) if numbers[2] > 0 and numbers[3] > 0 else None


def _coordinates(d: str) -> tuple[list[float], list[float]]:
    points = list(path_points(d)) or [(0.0, 0.0)]
    return [x for x, _y in points], [y for _x, y in points]


if __name__ == "__main__":
    for name in sys.argv[1:]:
        path = Path(name)
        text, changed = bigger(path.read_text(encoding="utf-8"))
        path.write_text(text, encoding="utf-8")
        print(f"{path}: {changed} text(s) enlarged to {MIN_PICTURE_TEXT_PX} px on a beamer"
              if changed else f"{path}: nothing too small", file=sys.stderr)
