"""WCAG AA contrast check of a theme: every pair of colours the screens draw text or controls with.

Body text needs 4.5:1, large text (titles) and controls (borders, the focus
ring) need 3:1.  A text pair below its minimum is an error: people in the
back row of a training room could not read it.  A control pair below 3:1
is a warning, because controls also differ in shape (frame width, the
focus ring's double line).  The message names the measured ratio, rounded
*down* so that 4.49 never reads as "4,5".
"""

from __future__ import annotations

import math

from escapebox.problems import Problem, Severity
from escapebox.themes.theme import Theme, contrast_ratio

BODY, LARGE = 4.5, 3.0

#: (foreground, background, needed, what) — what the screens actually draw
TEXT_PAIRS = [
    ("text", "background", BODY), ("text", "panel", BODY), ("text", "panel_alt", BODY),
    ("muted", "background", BODY), ("muted", "panel", BODY), ("muted", "panel_alt", BODY),
    ("accent_text", "accent", BODY), ("new_badge_text", "new_badge", BODY),
    ("status_text", "success", BODY), ("status_text", "danger", BODY), ("status_text", "accent", BODY),
    ("danger", "panel", BODY), ("success", "panel", BODY), ("accent", "panel", LARGE),
]
CONTROL_PAIRS = [("focus", "background", LARGE), ("focus", "panel", LARGE), ("border", "panel", LARGE)]


class Ratio(float):
    """A contrast ratio that formats itself per language: ``{ratio:nl}`` → "3,2", ``{ratio:en}`` → "3.2"."""

    def __format__(self, spec: str) -> str:
        if spec not in ("nl", "en"):
            return float.__format__(self, spec)
        text = f"{math.floor(float(self) * 10) / 10:.1f}"
        return text.replace(".", ",") if spec == "nl" else text


def check_contrast(theme: Theme, file: str = "", doc=None) -> list[Problem]:
    """Every pair below its minimum, placed at the colour the file wrote (or its ``colours:``)."""
    problems = []
    for pairs, severity in ((TEXT_PAIRS, Severity.ERROR), (CONTROL_PAIRS, Severity.WARNING)):
        for fg, bg, needed in pairs:
            ratio = contrast_ratio(getattr(theme.colours, fg), getattr(theme.colours, bg))
            if ratio + 1e-9 < needed:
                problems.append(_problem(fg, bg, ratio, needed, severity, file, doc))
    return problems


def _problem(fg, bg, ratio, needed, severity, file, doc) -> Problem:
    mark = None
    if doc is not None:
        mark = (doc.value_marks.get(("colours", fg)) or doc.value_marks.get(("colours", bg))
                or doc.key_mark(("colours",)) or doc.mark(()))
    return Problem("theme.low_contrast", {"fg": fg, "bg": bg, "ratio": Ratio(ratio), "needed": Ratio(needed)},
                   severity, file, mark.line if mark else None, mark.column if mark else None, f"colours.{fg}")
