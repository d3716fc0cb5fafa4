"""Every check a trainer's scenario gets, in one call: the scenario itself and its house style.

:func:`escapebox.scenario.validator.validate` checks the scenario; the ``theme:`` it names is
checked by :mod:`escapebox.themes` (files, colours, contrast), which sits a layer above the
scenario format.  ``escapebox validate``, ``pack``, ``walkthrough``, ``new`` and dev mode all
ask this module, so a trainer sees the same findings wherever they look.
"""

from __future__ import annotations

from escapebox.problems import Problem
from escapebox.scenario.guessable import guessable_problems
from escapebox.scenario.loader import LoadedScenario
from escapebox.scenario.solver import Solution
from escapebox.scenario.validator import in_file_order, validate
from escapebox.themes import theme_for_scenario


def all_problems(loaded: LoadedScenario, solution: Solution | None = None, for_pack: bool = False) -> list[Problem]:
    """Errors and warnings of the scenario and of its theme, in the order of the file.

    ``for_pack``: also what a pack cannot hide (``escapebox pack``, ``validate --pack``): answers
    short enough to try every value, or that stand in the scenario's own text, priced at the
    measured cost of one guess against a pack (:data:`escapebox.pack.kdf.GUESS_SECONDS`).
    """
    problems = validate(loaded, solution) + theme_for_scenario(loaded)[1]
    if for_pack:
        from escapebox.pack.kdf import GUESS_SECONDS
        problems += guessable_problems(loaded, GUESS_SECONDS)
    return in_file_order(problems)
