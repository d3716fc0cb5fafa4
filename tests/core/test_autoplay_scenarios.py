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
from escapebox.authoring.checks import all_problems

ROOT = Path(__file__).parents[2]
SCENARIOS = sorted(p.parent for p in (ROOT / "scenarios").glob("*/scenario.yaml"))
SCENARIOS.append(ROOT / "tests" / "fixtures" / "alles")


@pytest.mark.parametrize("folder", SCENARIOS, ids=[f.name for f in SCENARIOS])
def test_scenario_is_valid_without_warnings(folder):
    problems = all_problems(load_scenario(folder))
    assert [p.code for p in problems] == []


@pytest.mark.parametrize("folder", SCENARIOS, ids=[f.name for f in SCENARIOS])
def test_autoplayer_finishes_every_branch(folder):
    loaded = load_scenario(folder)
    solution = solve(loaded.scenario)
    assert solution.solvable and not solution.truncated
    for number, branch in enumerate(solution.branches):
        session = GameSession.start(loaded, ManualClock(), group="Auto")
        result = autoplay(session, number)
        assert result.refused == [], (number, result.refused)
        assert result.finished and result.ending == branch.ending, number
