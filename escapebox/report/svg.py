"""Horizontal bar charts as inline SVG, drawn by hand.

The report must be one file that opens on any laptop and prints well, with
no chart library and no network, so we draw the few shapes ourselves.
Every text that reaches the SVG is escaped: group names are typed by players.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from escapebox.report.fmt import short

WIDTH = 640
LABEL_WIDTH = 150
BAR_LEFT = 158
BAR_WIDTH = 280
ROW = 28
BAR = 18
FONT = 13

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


def bar_chart(bars: list[Bar], scale: float, title: str, limit: float | None = None,
              limit_label: str = "") -> str:
    """One bar per row on a shared scale; an optional dashed line marks a limit (the time available)."""
    scale = max(scale, limit or 0, 1.0)
    top = 18 if limit else 4
    height = top + ROW * len(bars) + 4
    rows = "".join(_row(bar, n, scale, top) for n, bar in enumerate(bars))
    marker = _limit(limit, scale, height, limit_label) if limit else ""
    return (f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
            f'aria-label="{escape(title)}">'
            f'<title>{escape(title)}</title>{rows}{marker}</svg>')


def _x(value: float, scale: float) -> float:
    return BAR_LEFT + BAR_WIDTH * max(0.0, value) / scale


def _row(bar: Bar, number: int, scale: float, top: int) -> str:
    y = top + number * ROW
    middle = y + ROW / 2 + FONT * 0.35
    label = (f'<text x="{LABEL_WIDTH}" y="{middle:.1f}" text-anchor="end" font-size="{FONT}" fill="#1b1f24">'
             f'<title>{escape(bar.label)}</title>{escape(short(bar.label, 20))}</text>')
    if bar.value is None:
        shape, end = "", BAR_LEFT
    else:
        end = max(_x(bar.value, scale), BAR_LEFT + 2)
        shape = (f'<rect x="{BAR_LEFT}" y="{y + (ROW - BAR) / 2:.1f}" width="{end - BAR_LEFT:.1f}" height="{BAR}" '
                 f'rx="3" fill="{escape(bar.colour)}"/>')
    note = (f'<text x="{end + 6:.1f}" y="{middle:.1f}" font-size="{FONT}" fill="#1b1f24">'
            f'{escape(bar.note)}</text>') if bar.note else ""
    return label + shape + note


def _limit(limit: float, scale: float, height: int, label: str) -> str:
    x = _x(limit, scale)
    return (f'<line x1="{x:.1f}" y1="14" x2="{x:.1f}" y2="{height}" stroke="#1b1f24" stroke-width="1.5" '
            f'stroke-dasharray="4 3"/>'
            f'<text x="{x:.1f}" y="11" font-size="{FONT - 2}" text-anchor="middle" fill="#1b1f24">'
            f'{escape(label)}</text>')
