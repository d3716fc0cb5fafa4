"""CPU used by a running game when nobody touches it: only the clock moves (budget ≤ 2 % of one core).

Starts a game in the first room through the real screens, lets the idle
tasks (pre-rendering pictures) finish as they would while the group reads,
then runs the real main loop (``App.frame(block=True)``) for the given
number of seconds and divides the process's CPU time by the wall time.
Run: ``SDL_VIDEODRIVER=dummy python benchmarks/idle.py SCENARIO [SECONDS]``; prints one JSON object.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from escapebox.scenario.loader import load_scenario  # noqa: E402
from escapebox.ui.main import PlayOptions, build_app  # noqa: E402
from escapebox.ui.pilot import Pilot  # noqa: E402


def cpu_seconds() -> float:
    """User + system CPU time of this process (what /proc/self/stat counts)."""
    times = os.times()
    return times.user + times.system


def measure(scenario: Path, seconds: float) -> dict:
    loaded = load_scenario(scenario)
    app = build_app(PlayOptions(loaded=loaded, sound=False, data_dir=Path(tempfile.mkdtemp(prefix="escapebox-idle-"))))
    pilot = Pilot(app)
    try:
        pilot.run()
        pilot.press("return")
        pilot.type("Groep 3")
        pilot.press("return")
        while app.idle_tasks:
            app.frame(block=False)
        draws = len(app.frame_times)
        cpu, wall = cpu_seconds(), time.monotonic()
        while time.monotonic() - wall < seconds:
            app.frame(block=True)
        cpu, wall = cpu_seconds() - cpu, time.monotonic() - wall
        frames = len(app.frame_times) - draws
    finally:
        app.services.launcher.close()
        app.close()
    return {"scenario": scenario.name, "seconds": wall, "cpu_s": cpu, "cpu_percent": cpu / wall * 100, "frames": frames}


if __name__ == "__main__":
    arguments = sys.argv[1:]
    print(json.dumps(measure(Path(arguments[0]), float(arguments[1]) if len(arguments) > 1 else 10.0)))
