"""benchmarks/growth.py's arithmetic and the rows benchmarks/run.py makes of it (no timings: issue #21)."""

from __future__ import annotations

import pytest

from benchmarks import growth
from benchmarks import run as bench


def _row(rooms, load_ms, peak_mb, solve_ms=1.0, dilemmas=0, distinct=False, truncated=False):
    return {"rooms": rooms, "dilemmas": dilemmas, "distinct": distinct, "paths": 4 ** dilemmas, "states": 0,
            "truncated": truncated, "load_ms": load_ms, "solve_ms": solve_ms, "peak_mb": peak_mb}


def _series(load=lambda r: r * 0.4, peak=lambda r: r * 0.025, truncated=False):
    rooms = [_row(r, load(r), peak(r)) for r in growth.ROOMS]
    dilemmas = [_row(100, 30.0, 3.0, solve_ms=2.0 * d, dilemmas=d, truncated=truncated) for d in growth.DILEMMAS]
    return {"rooms": rooms, "alike": dilemmas, "distinct": dilemmas}


def test_per_doubling_says_linear_as_two_and_quadratic_as_four():
    assert growth.per_doubling(10, 40, 4) == pytest.approx(2.0)
    assert growth.per_doubling(10, 160, 4) == pytest.approx(4.0)
    assert growth.per_doubling(0, 5, 2) == 0.0


def test_growth_over_the_whole_range_and_the_last_step():
    quadratic_at_the_end = _series(load=lambda r: r * 0.4 if r < 500 else 250 * 0.4 * 4)
    found = growth.growth(quadratic_at_the_end)
    assert found["load_ms, last step"] == pytest.approx(4.0)
    assert found["peak_mb"] == pytest.approx(2.0)
    assert found["solve_ms per dilemma, alike"] == pytest.approx(2.0)   # the worst step: 2 ms to 4 ms


def _runner_with(result, monkeypatch) -> bench.Runner:
    runner = object.__new__(bench.Runner)       # no temp folder or generated scenario: only the rows
    runner.quick, runner.rows = True, []
    monkeypatch.setattr(runner, "json_of", lambda script, *args, **kw: result, raising=False)
    return runner


def test_run_fails_growth_that_is_not_linear_and_paths_not_proven(monkeypatch):
    result = {"series": _series(truncated=True),
              "growth": growth.growth(_series(load=lambda r: r * r / 100))}
    runner = _runner_with(result, monkeypatch)
    runner.growth()
    failed = {row.figure for row in runner.rows if row.verdict == "FAIL"}
    assert "scenarios with paths the solver did not prove" in failed
    assert "load_ms per doubling of the rooms" in failed
    assert "peak_mb per doubling of the rooms" not in failed


def test_run_passes_linear_growth_with_every_path_proven(monkeypatch):
    runner = _runner_with({"series": _series(), "growth": growth.growth(_series())}, monkeypatch)
    runner.growth()
    assert all(row.verdict != "FAIL" for row in runner.rows)
    assert {row.figure for row in runner.rows if row.budget is not None} == {
        "scenarios with paths the solver did not prove", "load_ms per doubling of the rooms",
        "peak_mb per doubling of the rooms"}
