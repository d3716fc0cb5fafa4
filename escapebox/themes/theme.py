"""Colours, fonts and sizes in one place, so a trainer's theme file can replace them.

Every screen asks the :class:`Theme` for its colours and sizes instead of
writing numbers of its own; a theme file (``escapebox.themes``, e.g. an
organisation's house style) or the high-contrast theme then changes the
whole game at once.  Sizes are in *logical* units of the 1920×1080 canvas
(see :mod:`escapebox.ui.canvas`).  This module stays free of pygame so the
theme checker can use it from ``escapebox validate``.
"""

from __future__ import annotations

from dataclasses import field, replace
from pathlib import Path

from escapebox.scenario.types import Frozen, part

RGB = tuple[int, int, int]


# ``Frozen`` parts, not ``@dataclass(frozen=True)``: the dataclass decorator compiled an
# ``__init__``, ``__eq__``, ``__hash__``, ``__repr__`` and ``__setattr__`` for each of these three
# classes before every start's first frame, 5.5 ms against 0.2 ms (the smallest of nine
# definitions; docs/performance.md); ``Frozen`` has them once. Fields are given by keyword.
@part
class Colours(Frozen):
    """The palette; each name says what it is for, not what it looks like."""

    background: RGB
    panel: RGB
    panel_alt: RGB
    border: RGB
    text: RGB
    muted: RGB
    accent: RGB
    accent_text: RGB
    focus: RGB
    focus_inner: RGB
    success: RGB
    danger: RGB
    new_badge: RGB
    new_badge_text: RGB
    status_text: RGB  # text and marks drawn on a success or danger fill
    letterbox: RGB
    overlay: tuple[int, int, int, int]
    dim: RGB  # multiplied into the screen behind a dialog


@part
class Fonts(Frozen):
    """File names inside ``assets/fonts`` (or absolute paths checked by the theme loader).

    A missing or broken file falls back to pygame's own font.
    """

    regular: str = "AtkinsonHyperlegible-Regular.ttf"
    bold: str = "AtkinsonHyperlegible-Bold.ttf"
    italic: str = "AtkinsonHyperlegible-Italic.ttf"
    bold_italic: str = "AtkinsonHyperlegible-BoldItalic.ttf"

    def file(self, style: str) -> str:
        return getattr(self, style, self.regular)


@part
class Theme(Frozen):
    """Everything visual a screen needs; frozen so a theme can be shared safely."""

    name: str
    colours: Colours
    fonts: Fonts = field(default_factory=Fonts)
    base_size: int = 34          # body text at the "normal" text step, logical px
    spacing: int = 24            # the unit of white space between blocks
    radius: int = 14             # rounded corners of panels and buttons
    focus_width: int = 6         # thickness of the focus ring
    line_spacing: float = 1.3    # line height as a multiple of the font size
    label: str = ""              # the name a person sees in the settings screen
    logo: Path | None = None     # shown on the title screens (an organisation's house style)
    background_image: Path | None = None  # behind every full screen, under the panels

    def size(self, role: str, scale: float = 1.0) -> int:
        """Font size for a text role ('body', 'small', 'title', ...) at a text-size step."""
        factor = ROLE_FACTORS.get(role, 1.0)
        return max(12, round(self.base_size * factor * scale))


ROLE_FACTORS = {
    "small": 0.82,
    "body": 1.0,
    "button": 1.0,
    "heading": 1.25,
    "title": 1.6,
    "display": 2.4,
    "timer": 1.5,
}

DEFAULT_THEME = Theme(
    name="default",
    colours=Colours(
        background=(244, 241, 234),
        panel=(255, 255, 255),
        panel_alt=(228, 234, 238),
        border=(120, 130, 142),  # 3:1 on panels and the background (WCAG 1.4.11)
        text=(26, 32, 44),
        muted=(74, 85, 104),
        accent=(15, 98, 115),
        accent_text=(255, 255, 255),
        focus=(184, 67, 0),
        focus_inner=(255, 255, 255),
        success=(22, 110, 52),
        danger=(176, 32, 32),
        new_badge=(109, 40, 217),
        new_badge_text=(255, 255, 255),
        status_text=(255, 255, 255),
        letterbox=(20, 22, 26),
        overlay=(20, 24, 32, 170),
        dim=(96, 100, 110),
    ),
)

HIGH_CONTRAST_THEME = replace(
    DEFAULT_THEME,
    name="high_contrast",
    colours=Colours(
        background=(0, 0, 0),
        panel=(18, 18, 18),
        panel_alt=(40, 40, 40),
        border=(255, 255, 255),
        text=(255, 255, 255),
        muted=(225, 225, 225),
        accent=(255, 230, 0),
        accent_text=(0, 0, 0),
        focus=(0, 255, 255),
        focus_inner=(0, 0, 0),
        success=(90, 255, 130),
        danger=(255, 120, 120),
        new_badge=(255, 230, 0),
        new_badge_text=(0, 0, 0),
        status_text=(0, 0, 0),
        letterbox=(0, 0, 0),
        overlay=(0, 0, 0, 210),
        dim=(70, 70, 70),
    ),
)

THEMES = {theme.name: theme for theme in (DEFAULT_THEME, HIGH_CONTRAST_THEME)}


def theme_named(name: str) -> Theme:
    """A built-in theme from code (the fallback when ``assets/themes`` cannot be read)."""
    return THEMES.get(name, DEFAULT_THEME)


def relative_luminance(colour: RGB) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: RGB, b: RGB) -> float:
    """WCAG contrast ratio (1–21); body text needs at least 4.5."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def choose_theme(settings, scenario_theme: Theme | None = None) -> Theme:
    """Which theme to show: high contrast (the player's need) beats ``--theme FILE``, which
    beats the scenario's house style, which beats the default (an organisation's edition's
    own, else the built-in one).  A theme file that cannot be used falls back to the next
    choice; ``escapebox validate`` says why."""
    if settings.high_contrast:
        return _builtin("high_contrast")
    if settings.theme_file:
        from escapebox.problems import EscapeboxError
        from escapebox.themes import load_theme_file
        try:
            found = load_theme_file(settings.theme_file)
        except EscapeboxError:
            found = None
        if found is not None and found.ok:
            return found.theme
    if scenario_theme is not None:
        return scenario_theme
    edition = _edition_theme() if settings.theme == "default" else None
    return edition or _builtin(settings.theme)


def _edition_theme() -> Theme | None:
    """The house style an edition (``escapebox bundle --theme``, checked at bundling) ships."""
    from escapebox.paths import edition
    path = edition().theme
    if path is None:
        return None
    from escapebox.problems import EscapeboxError
    from escapebox.themes import load_theme_file
    try:
        found = load_theme_file(path)
    except EscapeboxError:
        return None
    return found.theme if found.ok else None


def _builtin(name: str) -> Theme:
    from escapebox.themes import BUILTIN_THEMES, builtin_theme
    if name not in BUILTIN_THEMES:
        return theme_named(name)
    found = builtin_theme(name)
    return found.theme if found.ok else theme_named(name)
