"""CPU used by a running game when nobody touches it: only the clock moves (budget ≤ 0.5 % of one core).

Starts a game in the first room through the real screens, lets the idle
tasks (pre-rendering pictures) finish as they would while the group reads,
then runs the real main loop (``App.frame(block=True)``) for the given
number of seconds and divides the process's CPU time by the wall time.
Run: ``SDL_VIDEODRIVER=dummy python benchmarks/idle.py SCENARIO [SECONDS]``; prints one JSON object.
"""

from __future__ import annotations

import json
import os
import resource
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
    """User + system CPU time of this process (what /proc/self/stat counts), to the microsecond.

    Not ``os.times``: it counts in 10 ms ticks, 0.09 % of a core over the 11 s measured, a fifth of the budget.
    """
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(scenario: Path, seconds: float) -> dict:
    loaded = load_scenario(scenario)
    app = build_app(PlayOptions(loaded=loaded, sound=False, data_dir=Path(tempfile.mkdtemp(prefix="escapebox-idle-"))))
    pilot = Pilot(app)
    try:
        pilot.run()
        pilot.press("return")
        pilot.type("Groep 3")
        pilot.press("return")
        while app.idle_work():          # the group reads: idle tasks, then what they left to collect
            app.frame(block=False)
        draws = len(app.frame_times)
        cpu, wall = cpu_seconds(), time.monotonic()
        while time.monotonic() - wall < seconds:
            app.frame(block=True)
        cpu, wall = cpu_seconds() - cpu, time.monotonic() - wall
        frames = len(app.frame_times) - draws
        bare = bare_loop_percent(seconds)
    finally:
        app.services.launcher.close()
        app.close()
    return {"scenario": scenario.name, "seconds": wall, "cpu_s": cpu, "cpu_percent": cpu / wall * 100, "frames": frames,
            "bare_percent": bare}


def bare_loop_percent(seconds: float) -> float:
    """The same process doing nothing but what an idle loop must: look for input once per 60 Hz frame.

    The floor under the game's figure on this machine at this moment (a
    wake-up costs more on a busy or virtual machine), measured right after it.
    """
    import pygame
    cpu, wall = cpu_seconds(), time.monotonic()
    while time.monotonic() - wall < seconds:
        pygame.event.get()
        time.sleep(1 / 60)
    return (cpu_seconds() - cpu) / (time.monotonic() - wall) * 100


if __name__ == "__main__":
    arguments = sys.argv[1:]
    print(json.dumps(measure(Path(arguments[0]), float(arguments[1]) if len(arguments) > 1 else 10.0)))
