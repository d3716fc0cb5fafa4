"""How cost grows with work: load + validate, the solver and peak memory for generated scenarios.

Two series of scenarios from ``benchmarks/generate.py``:

* rooms: 50, 100, 250 and 500 rooms (four objects each, a code lock every fourth room);
* dilemmas: 100 rooms with 1, 2, 3 and 4 dilemmas of four options each (4, 16, 64, 256 paths), once
  with options that leave the same game behind ("alike": the solver shares the road after the
  choice) and once with options that each hand out a note of their own ("distinct": nothing to
  share, the solver's worst case).

Each scenario is measured in a process of its own, so its peak memory (``VmHWM``, the
resident-set high-water mark) is its own; the figure reported is the peak minus the process's
resident set after checking a two-room scenario first (imports and pydantic's validator), i.e.
what the scenario itself costs.  Times are medians of
several runs (load + validate is the real check every time: the cache of checked files is off).
Growth is printed per doubling of the rooms (linear work: 2.0×, less where fixed costs count),
over the whole range and over the last step, and per added dilemma (four times the paths).

Run: ``python benchmarks/growth.py`` (a table) or ``--json``; ``--quick`` measures fewer runs.
"""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

ROOMS = (50, 100, 250, 500)
DILEMMAS = (1, 2, 3, 4)
DILEMMA_ROOMS = 100


def _rss_mb(field: str) -> float:
    """``VmHWM`` or ``VmRSS`` of this process in MB (Linux); 0 where /proc does not exist."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _median_ms(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def measure_one(rooms: int, dilemmas: int, distinct: bool, runs: int) -> dict:
    """In this process: write the scenario, then time the check and the solver and read the peak."""
    os.environ["ESCAPEBOX_NO_CACHE"] = "1"
    from benchmarks.generate import write
    from escapebox.authoring.checks import all_problems
    from escapebox.scenario.loader import load_scenario
    from escapebox.scenario.solver import solve

    folder = Path(tempfile.mkdtemp(prefix="escapebox-growth-"))
    all_problems(load_scenario(write(folder / "klein", 2)))   # imports and pydantic's validator: not the scenario's
    path = write(folder / "groot", rooms, dilemmas, distinct)
    base = _rss_mb("VmRSS")
    loaded = load_scenario(path)
    solution = solve(loaded.scenario, loaded.index)
    all_problems(loaded)
    peak = _rss_mb("VmHWM") - base               # the first check: its high-water mark, before timing
    load_ms = _median_ms(lambda: all_problems(load_scenario(path)), runs)
    solve_ms = _median_ms(lambda: solve(loaded.scenario, loaded.index), runs)
    return {"rooms": rooms, "dilemmas": dilemmas, "distinct": distinct, "paths": len(solution.branches),
            "states": solution.states, "truncated": solution.truncated, "load_ms": load_ms,
            "solve_ms": solve_ms, "peak_mb": peak}


def _in_process(rooms: int, dilemmas: int, distinct: bool, runs: int) -> dict:
    command = [sys.executable, __file__, "--one", str(rooms), str(dilemmas), "1" if distinct else "0", str(runs)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=900,
                          env=dict(os.environ, ESCAPEBOX_NO_CACHE="1"))
    if done.returncode != 0:
        raise RuntimeError(f"growth.py {' '.join(command[2:])} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def per_doubling(smaller: float, larger: float, size_ratio: float) -> float:
    """The factor a figure grows by when the work doubles, from two sizes ``size_ratio`` apart."""
    if smaller <= 0 or larger <= 0:
        return 0.0
    return (larger / smaller) ** (1 / math.log2(size_ratio))


def measure(quick: bool = False) -> dict:
    runs = 3 if quick else 7
    series = {"rooms": [_in_process(r, 0, False, runs) for r in ROOMS],
              "alike": [_in_process(DILEMMA_ROOMS, d, False, runs) for d in DILEMMAS],
              "distinct": [_in_process(DILEMMA_ROOMS, d, True, runs) for d in DILEMMAS]}
    return {"series": series, "growth": growth(series)}


def growth(series: dict) -> dict:
    """Growth per doubling of the rooms from 50 to 500 rooms and over the last step (250 to 500,
    where superlinear work shows first), and the solver's per added dilemma.

    The whole range is what a budget looks at: one step of small figures (1 MB, 0.4 ms) is mostly
    noise on a shared machine."""
    rooms = series["rooms"]
    first, before, last = rooms[0], rooms[-2], rooms[-1]
    found = {}
    for name in ("load_ms", "solve_ms", "peak_mb"):
        found[name] = per_doubling(first[name], last[name], last["rooms"] / first["rooms"])
        found[f"{name}, last step"] = per_doubling(before[name], last[name], last["rooms"] / before["rooms"])
    for kind in ("alike", "distinct"):
        rows = series[kind]
        found[f"solve_ms per dilemma, {kind}"] = max(b["solve_ms"] / a["solve_ms"] for a, b in zip(rows, rows[1:]))
    return found


def table(result: dict) -> str:
    lines = [f"{'series':9} {'rooms':>5} {'dilemmas':>8} {'paths':>5} {'states':>6} {'load+validate':>14} "
             f"{'solver':>9} {'peak':>8}"]
    for kind, rows in result["series"].items():
        for row in rows:
            cut = " (not all proven)" if row["truncated"] else ""
            lines.append(f"{kind:9} {row['rooms']:5} {row['dilemmas']:8} {row['paths']:5} {row['states']:6} "
                         f"{row['load_ms']:12.1f}ms {row['solve_ms']:7.1f}ms {row['peak_mb']:6.1f}MB{cut}")
    lines.append("")
    for name, factor in result["growth"].items():
        unit = "per added dilemma (4× the paths)" if "dilemma" in name else "per doubling of the rooms"
        lines.append(f"{name:30} {factor:5.2f}× {unit}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--one"]:
        rooms, dilemmas, distinct, runs = (int(a) for a in argv[1:5])
        print(json.dumps(measure_one(rooms, dilemmas, bool(distinct), runs)))
        return 0
    result = measure(quick="--quick" in argv)
    print(json.dumps(result) if "--json" in argv else table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
