"""Load + validate vs PyYAML's C loader parsing the same file (budget: at most 1.2×).

Prints both figures (median of several runs) and the ratio for the generated
500-room scenario and every bundled scenario.  ``--check`` exits 1 when the
budget is missed.  Run: ``python benchmarks/load.py [--check]``.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import write  # noqa: E402
from escapebox.scenario.loader import load_scenario  # noqa: E402
from escapebox.authoring.checks import all_problems  # noqa: E402

BUDGET = 1.2


def median_time(action, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(path: Path) -> tuple[float, float]:
    """The real check every time: the cache of checked files would skip exactly what is measured."""
    text = path.read_text(encoding="utf-8")
    parse = median_time(lambda: yaml.load(text, Loader=yaml.CSafeLoader))
    before = os.environ.get("ESCAPEBOX_NO_CACHE")
    os.environ["ESCAPEBOX_NO_CACHE"] = "1"
    try:
        ours = median_time(lambda: all_problems(load_scenario(path)))
    finally:
        if before is None:
            del os.environ["ESCAPEBOX_NO_CACHE"]
        else:
            os.environ["ESCAPEBOX_NO_CACHE"] = before
    return parse, ours


def main() -> int:
    targets = [write(Path(tempfile.mkdtemp()) / "groot")]
    targets += sorted((Path(__file__).resolve().parents[1] / "scenarios").glob("*/scenario.yaml"))
    worst = 0.0
    print(f"{'scenario':32} {'bytes':>9} {'PyYAML C':>10} {'load+validate':>14} {'ratio':>6}")
    for path in targets:
        parse, ours = measure(path)
        ratio = ours / parse
        worst = max(worst, ratio) if "groot" in str(path) else worst
        print(f"{path.parent.name:32} {path.stat().st_size:9} {parse * 1000:8.1f}ms {ours * 1000:12.1f}ms {ratio:6.2f}")
    print(f"budget for the 500-room scenario: at most {BUDGET}× — {'PASS' if worst <= BUDGET else 'FAIL'} ({worst:.2f}×)")
    return 1 if "--check" in sys.argv and worst > BUDGET else 0


if __name__ == "__main__":
    raise SystemExit(main())
