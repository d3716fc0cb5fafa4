"""Every check a trainer's scenario gets, in one call: the scenario itself and its house style.

:func:`escapebox.scenario.validator.validate` checks the scenario; the ``theme:`` it names is
checked by :mod:`escapebox.themes` (files, colours, contrast), which sits a layer above the
scenario format.  ``escapebox validate``, ``pack``, ``walkthrough``, ``new`` and dev mode all
ask this module, so a trainer sees the same findings wherever they look.
"""

from __future__ import annotations

from pathlib import Path

from escapebox.paths import assets_dir
from escapebox.problems import Problem
from escapebox.scenario.glyphs import glyph_problems
from escapebox.scenario.guessable import guessable_problems
from escapebox.scenario.loader import LoadedScenario
from escapebox.scenario.solver import Solution
from escapebox.scenario.validator import in_file_order, validate
from escapebox.themes import theme_for_scenario


def all_problems(loaded: LoadedScenario, solution: Solution | None = None, for_pack: bool = False) -> list[Problem]:
    """Errors and warnings of the scenario and of its theme, in the order of the file.

    Characters the fonts of that theme cannot draw are checked here, where the theme is known
    (:func:`escapebox.scenario.glyphs.glyph_problems`).

    ``for_pack``: also what a pack cannot hide (``escapebox pack``, ``validate --pack``): answers
    short enough to try every value, or that stand in the scenario's own text, priced at the
    measured cost of one guess against a pack (:data:`escapebox.pack.kdf.GUESS_SECONDS`), and
    answers in the names a pack keeps readable (:func:`escapebox.pack.leaks.readable_answers`).
    An answer readable in those names is said there once, not again as "in the scenario's text".
    """
    theme, theme_problems = theme_for_scenario(loaded)
    problems = validate(loaded, solution) + theme_problems + glyph_problems(loaded, _font_files(theme))
    if for_pack:
        from escapebox.pack.kdf import GUESS_SECONDS
        from escapebox.pack.leaks import readable_answers
        readable = readable_answers(loaded)
        said = {(p.params["puzzle"], p.params["answer"]) for p in readable}
        problems += readable + guessable_problems(loaded, GUESS_SECONDS, said=said)
    return in_file_order(problems)


#: the text styles the screens draw with (``themes.theme.Fonts``)
STYLES = ("regular", "bold", "italic", "bold_italic")


def _font_files(theme) -> list[Path] | None:
    """The font files the game will draw this scenario with; ``None``: the default theme's.

    A theme names a file in assets/fonts or, once checked, an absolute path next to the theme
    file; ``ui/text.py`` joins them to assets/fonts the same way.
    """
    if theme is None:
        return None
    return [assets_dir() / "fonts" / theme.theme.fonts.file(style) for style in STYLES]
