"""Peak memory (VmHWM, the resident-set high-water mark) of a game played to its end (budget 90 MB).

Plays the scenario with the auto-player through the real screens at the
given window size, then reads ``VmHWM`` from /proc/self/status.  The file is
checked first by ``escapebox validate`` in another process, as a trainer's
earlier start or check does, so the game starts from the cache of checked
files; a first start also holds pydantic's validator (about 12 MB more; with
``--first`` it is measured that way).
Run: ``SDL_VIDEODRIVER=dummy python benchmarks/memory.py SCENARIO [1920x1080]``; prints one JSON object.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from escapebox.scenario.loader import load_scenario  # noqa: E402
from escapebox.ui.main import PlayOptions, play  # noqa: E402


def peak_mb() -> float:
    """VmHWM from /proc/self/status in MB (Linux); 0 where /proc does not exist."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def measure(scenario: Path, size: tuple[int, int], first: bool = False) -> dict:
    if not first:
        subprocess.run([sys.executable, "-m", "escapebox", "validate", str(scenario)], capture_output=True,
                       env=os.environ, timeout=300, check=False)
    loaded = load_scenario(scenario)
    options = PlayOptions(loaded=loaded, window=size, sound=False, autoplay=True, fast=True,
                          data_dir=Path(tempfile.mkdtemp(prefix="escapebox-mem-")))
    code, summary = asyncio.run(play(options))
    return {"scenario": scenario.name, "size": f"{size[0]}x{size[1]}", "peak_mb": peak_mb(), "exit": code,
            "summary": summary, "first": first}


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--first"]
    width, height = (int(v) for v in (arguments[1] if len(arguments) > 1 else "1920x1080").split("x"))
    print(json.dumps(measure(Path(arguments[0]), (width, height), first="--first" in sys.argv)))
