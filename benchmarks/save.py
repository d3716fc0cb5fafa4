"""Time to commit one command to the SQLite save (budget: p95 at most 20 ms).

Plays random commands of the all-mechanics fixture against a fresh store
(WAL, synchronous=FULL) in a temporary folder and prints p50/p95/max of
``session.apply`` — which returns only after the commit.
Run: ``python benchmarks/save.py [--check] [--json]``.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from escapebox.core import commands as C  # noqa: E402
from escapebox.core.clock import MonotonicClock  # noqa: E402
from escapebox.core.session import GameSession  # noqa: E402
from escapebox.core.store import SessionStore  # noqa: E402
from escapebox.scenario.loader import load_scenario  # noqa: E402

BUDGET_MS = 20.0
FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "alles"


def measure(commands: int = 400) -> dict:
    loaded = load_scenario(FIXTURE)
    store = SessionStore(Path(tempfile.mkdtemp(prefix="escapebox-bench-")))
    session = GameSession.start(loaded, MonotonicClock(), store=store, group="Bench")
    rng = random.Random(1)
    objects = [o for room in loaded.scenario.rooms.values() for o in room.objects]
    times = []
    for _ in range(commands):
        command = rng.choice([C.Inspect(rng.choice(objects)), C.TakeHint(rng.choice(list(loaded.scenario.puzzles))),
                              C.TryAnswer("kastcode", str(rng.randrange(10000)))])
        start = time.perf_counter()
        events = session.apply(command)
        elapsed = (time.perf_counter() - start) * 1000
        if any(event.stored for event in events):
            times.append(elapsed)
    times.sort()
    return {"commands": len(times), "p50_ms": statistics.median(times), "p95_ms": times[int(len(times) * 0.95)], "max_ms": times[-1],
            "budget_p95_ms": BUDGET_MS}


def main() -> int:
    result = measure()
    result["pass"] = result["p95_ms"] <= BUDGET_MS
    if "--json" in sys.argv:
        print(json.dumps(result))
    else:
        print(f"save: p50 {result['p50_ms']:.2f} ms, p95 {result['p95_ms']:.2f} ms, max {result['max_ms']:.2f} ms "
              f"(budget p95 ≤ {BUDGET_MS} ms) — {'PASS' if result['pass'] else 'FAIL'}")
    return 1 if "--check" in sys.argv and not result["pass"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
