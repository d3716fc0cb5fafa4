"""Colours and line styles shared by the SVG and the PNG drawing, so both look alike.

Colours were picked for contrast on white paper and in grey print:
locks are dark red, things to find dark green, choices purple.
"""

BACKGROUND = "#ffffff"
INK = "#1f2933"
MUTED = "#52606d"

BOX_FILL = {"room": "#eef4fb", "start": "#e3f1e6", "ending": "#fdf3d8", "extra": "#f4f4f4"}
BOX_STROKE = {"room": "#4a6fa5", "start": "#2f7d4a", "ending": "#b7791f", "extra": "#9aa5b1"}

TEXT = {"title": INK, "plain": MUTED, "object": INK, "lock": "#9b2c2c", "need": "#9b2c2c",
        "find": "#276749", "choice": "#6b46c1"}
BOLD = {"title", "lock"}

EDGE = {"open": "#52606d", "locked": "#9b2c2c", "solve": "#2f7d4a", "choice": "#6b46c1"}
DASHED = {"choice", "solve"}


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
