"""Every check a trainer's scenario gets, in one call: the scenario itself and its house style.

:func:`escapebox.scenario.validator.validate` checks the scenario; the ``theme:`` it names is
checked by :mod:`escapebox.themes` (files, colours, contrast), which sits a layer above the
scenario format.  ``escapebox validate``, ``pack``, ``walkthrough``, ``new`` and dev mode all
ask this module, so a trainer sees the same findings wherever they look.
"""

from __future__ import annotations

from escapebox.problems import Problem
from escapebox.scenario.loader import LoadedScenario
from escapebox.scenario.solver import Solution
from escapebox.scenario.validator import in_file_order, validate
from escapebox.themes import theme_for_scenario


def all_problems(loaded: LoadedScenario, solution: Solution | None = None) -> list[Problem]:
    """Errors and warnings of the scenario and of its theme, in the order of the file."""
    return in_file_order(validate(loaded, solution) + theme_for_scenario(loaded)[1])
