"""The solver on many dilemma branches: work shared between paths, and a clear limit (issue #21).

The scenarios are the benchmark's generated ones (``benchmarks/generate.py``): a corridor of rooms
with N dilemmas of four options each; no timings here, only what bounds the time.
"""

from __future__ import annotations

from benchmarks.generate import scenario_text
from escapebox.i18n import Translator
from escapebox.scenario.loader import load_scenario_text
from escapebox.scenario.solver import MAX_BRANCHES, MAX_STATES, solve
from escapebox.scenario.validator import validate


def _loaded(dilemmas: int, distinct: bool = False, rooms: int = 30):
    return load_scenario_text(scenario_text(rooms, dilemmas=dilemmas, distinct=distinct))


def test_four_dilemmas_of_four_options_are_all_proven_sharing_the_road_after_each_choice():
    loaded = _loaded(4)
    solution = solve(loaded.scenario, loaded.index)
    assert not solution.truncated and solution.solvable
    assert len({tuple(b.choices) for b in solution.branches}) == len(solution.branches) == 4 ** 4
    # the options change nothing but k0-0, which an object waits for: two states per dilemma, not 4**N
    assert solution.states == 2 * 4
    # a shared road still gives each path its own objects: the extra one only after k0-0
    with_extra = {b.choices[0] for b in solution.branches if "extra" in b.objects}
    assert with_extra == {("keuze0", 0)}
    assert all(b.steps[-1].target == "uitgang" for b in solution.branches)


def test_choices_that_differ_are_each_played():
    loaded = _loaded(3, distinct=True)
    solution = solve(loaded.scenario, loaded.index)
    assert not solution.truncated and len(solution.branches) == 4 ** 3
    assert solution.states == 4 + 4 ** 2 + 4 ** 3
    for branch in solution.branches:
        assert {f"keus{d}_{o}" for d, (_, o) in enumerate(branch.choices)} <= branch.clues


def test_the_state_limit_stops_the_search_and_keeps_proven_paths():
    loaded = _loaded(5, distinct=True, rooms=12)
    solution = solve(loaded.scenario, loaded.index)
    assert solution.truncated
    assert MAX_STATES <= solution.states <= MAX_STATES + 5   # one road per dilemma past the limit at most
    assert solution.branches and all(b.ending for b in solution.branches)


def test_too_many_paths_is_said_at_the_first_dilemma_in_both_languages():
    loaded = _loaded(6)   # 4**6 = 4096 paths, more than MAX_BRANCHES
    found = [p for p in validate(loaded) if p.code == "validate.too_many_branches"]
    assert len(found) == 1
    problem = found[0]
    first_dilemma = loaded.raw.decode().splitlines().index("  keuze0:") + 1
    assert (problem.severity.value, problem.line, problem.path) == ("warning", first_dilemma, "puzzles.keuze0")
    dutch, english = problem.message(Translator("nl")), problem.message(Translator("en"))
    assert "6 dilemma's" in dutch and f"{MAX_BRANCHES} paden" in dutch and f"{MAX_STATES} verschillende" in dutch
    assert "6 dilemmas" in english and f"{MAX_BRANCHES} paths" in english
