"""What a theme file may say, as frozen dataclasses pydantic checks with ``extra="forbid"`` (a typo is an error).

Every colour is optional: what a file leaves out comes from the theme it is
``based_on`` (``default`` or ``high_contrast``), so an organisation can
change just its accent colour and logo.
"""

from __future__ import annotations

import re
from dataclasses import field
from typing import Annotated, Literal, Optional

from escapebox.scenario.types import Frozen, Rule, ShortText, _safe_relative, before, between, part, text

THEME_FORMAT = 1
_HEX = re.compile(r"^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def _colour(value):
    """``"#0F6273"``, ``"0f6273"`` or ``"#06C"`` → (15, 98, 115); anything else is refused."""
    if isinstance(value, (list, tuple)) and len(value) == 3:
        try:
            parts = tuple(int(str(v).strip()) for v in value)
        except ValueError:
            raise ValueError("theme_bad_colour") from None
        if all(0 <= p <= 255 for p in parts):
            return parts
        raise ValueError("theme_bad_colour")
    match = _HEX.match(str(value).strip()) if isinstance(value, str) else None
    if not match:
        raise ValueError("theme_bad_colour")
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return tuple(int(digits[i:i + 2], 16) for i in (0, 2, 4))


Colour = Annotated[tuple[int, int, int], before(_colour, str)]
FilePath = Annotated[str, text(1, 300), Rule("AfterValidator", _safe_relative)]


@part
class ThemeColours(Frozen):
    """The palette; each name says what it is for (see docs/themes.md)."""

    background: Optional[Colour] = None
    panel: Optional[Colour] = None
    panel_alt: Optional[Colour] = None
    border: Optional[Colour] = None
    text: Optional[Colour] = None
    muted: Optional[Colour] = None
    accent: Optional[Colour] = None
    accent_text: Optional[Colour] = None
    focus: Optional[Colour] = None
    focus_inner: Optional[Colour] = None
    success: Optional[Colour] = None
    danger: Optional[Colour] = None
    new_badge: Optional[Colour] = None
    new_badge_text: Optional[Colour] = None
    status_text: Optional[Colour] = None
    letterbox: Optional[Colour] = None


@part
class ThemeFonts(Frozen):
    """A font file next to the theme file, or the name of a file in assets/fonts."""

    regular: Optional[FilePath] = None
    bold: Optional[FilePath] = None
    italic: Optional[FilePath] = None
    bold_italic: Optional[FilePath] = None


@part
class ThemeFile(Frozen):
    theme_format: Annotated[int, between(1, THEME_FORMAT)]
    name: ShortText
    based_on: Literal["default", "high_contrast"] = "default"
    colours: ThemeColours = field(default_factory=ThemeColours)
    fonts: ThemeFonts = field(default_factory=ThemeFonts)
    logo: Optional[FilePath] = None
    background_image: Optional[FilePath] = None
    radius: Optional[Annotated[int, between(0, 40)]] = None
