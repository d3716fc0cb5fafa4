"""House styles: theme files with colours, fonts, a logo and a background, checked for contrast.

A trainer (or an organisation's communication department) writes a small
YAML file; :func:`load_theme_file` reads it with the same hardened reader
and the same trainer-friendly error messages as a scenario, and
:func:`check_contrast` measures every text/background pair against WCAG AA.
The result is an :class:`escapebox.themes.theme.Theme` (a plain dataclass, no
pygame), so ``escapebox validate`` can check a theme without a display.
"""

from escapebox.themes.contrast import Ratio, check_contrast
from escapebox.themes.loader import (
    BUILTIN_THEMES, LoadedTheme, builtin_theme, is_theme_document, load_theme_file, resolve_theme,
    theme_file_problems, theme_for_scenario, themes_dir,
)

__all__ = [
    "BUILTIN_THEMES", "LoadedTheme", "Ratio", "builtin_theme", "check_contrast", "is_theme_document",
    "load_theme_file", "resolve_theme", "theme_file_problems", "theme_for_scenario", "themes_dir",
]
