"""Horizontal bar charts as inline SVG, drawn by hand.

The report must be one file that opens on any laptop and prints well, with
no chart library and no network, so we draw the few shapes ourselves.
Every text that reaches the SVG is escaped: group names are typed by players.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from escapebox.report.fmt import short

WIDTH = 660
LABEL_WIDTH = 160
BAR_LEFT = 168
BAR_WIDTH = 300
ROW = 30
BAR = 20
FONT = 14

#: Okabe–Ito colours: distinguishable with colour blindness, dark enough next to text.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C6D1F")


def colour(number: int) -> str:
    return PALETTE[number % len(PALETTE)]


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None   #: None draws no bar (not reached), only the note
    colour: str
    note: str = ""
    limit: float | None = None   #: drawn as a dashed tick across this row (e.g. the time available)


def bar_chart(bars: list[Bar], scale: float, title: str) -> str:
    """One bar per row on a shared scale, so rows (and charts with the same scale) compare honestly.

    The SVG gets its natural size in pixels (wider only when a note needs the
    room), so every chart draws a second with the same length.
    """
    scale = max([scale, 1.0] + [b.limit for b in bars if b.limit])
    height = 8 + ROW * len(bars)
    rows = "".join(_row(bar, n, scale, 4) for n, bar in enumerate(bars))
    width = max([WIDTH] + [int(_note_x(bar, scale) + len(bar.note) * FONT * 0.58) + 4 for bar in bars])
    return (f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
            f'aria-label="{escape(title)}"><title>{escape(title)}</title>{rows}</svg>')


def _x(value: float, scale: float) -> float:
    return BAR_LEFT + BAR_WIDTH * max(0.0, value) / scale


def _row(bar: Bar, number: int, scale: float, top: int) -> str:
    y = top + number * ROW
    middle = y + ROW / 2 + FONT * 0.35
    label = (f'<text x="{LABEL_WIDTH}" y="{middle:.1f}" text-anchor="end" font-size="{FONT}" fill="#1b1f24">'
             f'<title>{escape(bar.label)}</title>{escape(short(bar.label, 20))}</text>')
    end = BAR_LEFT if bar.value is None else max(_x(bar.value, scale), BAR_LEFT + 2)
    shape = "" if bar.value is None else (
        f'<rect x="{BAR_LEFT}" y="{y + (ROW - BAR) / 2:.1f}" width="{end - BAR_LEFT:.1f}" height="{BAR}" '
        f'rx="3" fill="{escape(bar.colour)}"/>')
    note = (f'<text x="{_note_x(bar, scale):.1f}" y="{middle:.1f}" font-size="{FONT}" fill="#1b1f24">'
            f'{escape(bar.note)}</text>') if bar.note else ""
    return label + shape + _tick(bar.limit, scale, y) + note


def _note_x(bar: Bar, scale: float) -> float:
    """Notes start after the bar or the limit tick, whichever is further right."""
    end = BAR_LEFT if bar.value is None else max(_x(bar.value, scale), BAR_LEFT + 2)
    return max(end, _x(bar.limit, scale) if bar.limit else 0) + 6


def _tick(limit: float | None, scale: float, y: float) -> str:
    if not limit:
        return ""
    x = _x(limit, scale)
    return (f'<line x1="{x:.1f}" y1="{y + 1}" x2="{x:.1f}" y2="{y + ROW - 1}" stroke="#1b1f24" '
            f'stroke-width="2" stroke-dasharray="3 2"/>')
