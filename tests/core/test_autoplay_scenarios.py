"""Every bundled scenario can be finished on every dilemma branch, through the command API.

The walkthrough (solver) and the auto-player (real rules) must agree: each
planned command is accepted and the planned ending is reached.
"""

from pathlib import Path

import pytest

from escapebox.core.autoplayer import autoplay
from escapebox.core.clock import ManualClock
from escapebox.core.session import GameSession
from escapebox.scenario.loader import load_scenario
from escapebox.scenario.solver import solve

ROOT = Path(__file__).parents[2]
SCENARIOS = sorted(p.parent for p in (ROOT / "scenarios").glob("*/scenario.yaml"))
SCENARIOS.append(ROOT / "tests" / "fixtures" / "alles")


def branches():
    for folder in SCENARIOS:
        loaded = load_scenario(folder)
        for number, branch in enumerate(solve(loaded.scenario).branches):
            yield pytest.param(folder, number, branch.ending, id=f"{folder.name}-{number}")


@pytest.mark.parametrize("folder,branch,ending", list(branches()))
def test_autoplayer_finishes_the_walkthrough(folder, branch, ending):
    session = GameSession.start(load_scenario(folder), ManualClock(), group="Auto")
    result = autoplay(session, branch)
    assert result.refused == []
    assert result.finished and result.ending == ending
