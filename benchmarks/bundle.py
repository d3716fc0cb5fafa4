"""The budgets of the frozen app (``escapebox bundle``), with PASS/FAIL per figure.

* size: the unpacked folder and its zip, each at most 80 MB (what an organisation's learning
  platform and a cheap USB stick take without complaint);
* start-up: the frozen ``Escapebox play SCENARIO`` to its first presented frame, at most 1.5×
  the same version's ``escapebox play SCENARIO`` from the virtual environment that built it,
  measured in the same run, interleaved, median of several starts (the first frame as in
  benchmarks/run.py: the game prints the wall-clock time of its first flip when
  ``ESCAPEBOX_FIRST_FRAME_EXIT=1``).

A build takes about half a minute of CPU on two cores; ``--bundle DIR`` measures a folder built
earlier (its ``DIR.zip`` too, when there is one) instead. Run with the Python of the build venv::

    python benchmarks/bundle.py                 # build into a temporary folder, then measure
    python benchmarks/bundle.py --bundle DIR    # measure an earlier build
    python benchmarks/bundle.py --check         # exit code 1 when a budget is missed
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.run import Row, _escapebox_command, machine, table  # noqa: E402

SIZE_MB = 80.0
STARTUP_FACTOR = 1.5
SCENARIOS = ("tutorial", "voorbeeld-compleet")


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def first_frame_s(command: list[str], data: Path) -> float:
    """Seconds from starting the process to the first flipped frame it reports."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", ESCAPEBOX_DATA_DIR=str(data),
               ESCAPEBOX_FIRST_FRAME_EXIT="1", PYGAME_HIDE_SUPPORT_PROMPT="1")
    started = time.time()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=data.parent, timeout=120)
    for line in done.stdout.splitlines():
        if line.startswith("escapebox-first-frame "):
            return float(line.split()[1]) - started
    raise RuntimeError(f"{' '.join(command)} showed no frame:\n{done.stderr[-2000:]}")


def size_rows(bundle: Path) -> list[Row]:
    rows = [Row("bundle size", f"folder {bundle.name}", folder_mb(bundle), "MB", SIZE_MB)]
    archive = bundle.with_suffix(".zip")
    if archive.is_file():
        rows.append(Row("bundle size", f"zip {archive.name}", archive.stat().st_size / 1e6, "MB", SIZE_MB))
    return rows


def startup_rows(bundle: Path, runs: int, work: Path) -> list[Row]:
    frozen = [str(bundle / ("Escapebox.exe" if sys.platform == "win32" else "Escapebox"))]
    venv = _escapebox_command()
    rows = []
    for scenario in SCENARIOS:
        for command in (frozen, venv):  # the first start of each fills its caches (bytecode, scenario)
            first_frame_s(command + ["play", scenario], work / "data")
        frozen_s, venv_s = [], []
        for _ in range(runs):           # interleaved: the same noise for both
            frozen_s.append(first_frame_s(frozen + ["play", scenario], work / "data"))
            venv_s.append(first_frame_s(venv + ["play", scenario], work / "data"))
        frozen_ms, venv_ms = statistics.median(frozen_s) * 1000, statistics.median(venv_s) * 1000
        rows.append(Row("frozen start-up", f"{scenario} (venv {venv_ms:.0f} ms)", frozen_ms, "ms",
                        venv_ms * STARTUP_FACTOR, f"{frozen_ms / venv_ms:.2f}× the venv, median of {runs}"))
    return rows


def build(work: Path) -> Path:
    from escapebox.bundle.build import BundleRequest, build_bundle
    return build_bundle(BundleRequest(out=work / "Escapebox", zip=True)).folder


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=None, help="measure this earlier build")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--check", action="store_true", help="exit code 1 when a budget is missed")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="escapebox-bundle-bench-"))
    try:
        bundle = args.bundle.resolve() if args.bundle else build(work)
        rows = size_rows(bundle) + startup_rows(bundle, args.runs, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table(rows, machine()))
    return 1 if args.check and any(row.verdict == "FAIL" for row in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
