"""Every performance budget of Escapebox, measured on this machine, with PASS/FAIL per figure.

The budgets are for an old laptop on battery driving a beamer at a
leerfestival (docs/performance.md explains each one and how it is measured):

* start-up: ``escapebox play SCENARIO`` to its first presented frame, at most
  1.5× a bare pygame-ce window measured in the same run (median of several runs),
  and, reported beside it, to the game's own first frame (a kept first frame,
  ``escapebox/ui/firstframe.py``, is shown before it); the first start of a new or
  changed scenario, which the check cache (``escapebox.scenario.cache``) does not know
  yet, at most 3× to its first frame, with the moment it is checked and ready and the
  very first start on a machine (nothing cached) reported beside it;
* load: load + validate at most 1.2× PyYAML's C loader on the 500-room scenario;
* frames: p99 ≤ 8 ms at 1920×1080 and at 3840×2160 for every kind of screen, while the clock
  runs and while typing; a whole-screen redraw (a key press) p99 ≤ 6 ms at 1920×1080 and ≤ 16.7 ms
  at 3840×2160 (1280×720 is reported too); the trainer's console window and the leerfestival's
  wall are among the screens;
* screen change (entering a room, opening a puzzle): at most one 60 Hz frame;
* idle: at most 0.5 % of one core over 10 s with only the clock running;
* save: committing one command, p95 ≤ 20 ms;
* memory: peak RSS of the largest bundled scenario played to its end ≤ 90 MB;
* growth: load + validate, solver time and peak memory for 50–500 rooms and 1–4 dilemmas of four
  options (``benchmarks/growth.py``): load and memory at most 2.5× per doubling of the rooms (linear
  work is 2×), and every path of four dilemmas proven.

An old laptop: ``taskset -c 0 python benchmarks/run.py`` runs everything on one core (each process
it starts inherits the pinning; the table's header says how many cores the run could use).

The frozen app's budgets (folder and zip ≤ 80 MB, start-up ≤ 1.5× the venv's) are measured by
``benchmarks/bundle.py``, apart from this table because it first builds the app with PyInstaller.

Everything runs headless (``SDL_VIDEODRIVER=dummy``), each measurement that
needs a window in a process of its own.  Run::

    python benchmarks/run.py            # the table
    python benchmarks/run.py --json     # one JSON object
    python benchmarks/run.py --check    # exit code 1 when a budget is missed
    python benchmarks/run.py --quick    # fewer runs, shorter walks (a smoke test, noisier)
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")       # --json: nothing but the JSON on stdout

from benchmarks import load as load_bench  # noqa: E402
from benchmarks import save as save_bench  # noqa: E402
from benchmarks.generate import write as write_large  # noqa: E402

HERE = REPO / "benchmarks"
FIXTURE = REPO / "tests" / "ui" / "fixtures" / "alle-soorten"
SIZES = ("1280x720", "1920x1080", "3840x2160")
BUDGET_SIZE = "1920x1080"
STARTUP_FACTOR = 1.5
FIRST_START_FACTOR = 3.0
FRAME_P99_MS = 8.0
#: issue #21: a whole-screen redraw (a key press) within 6 ms at 1920×1080 and within one 60 Hz frame at
#: 3840×2160; clock frames and typing within 8 ms at 3840×2160 too
REDRAW_P99_MS = {"1920x1080": 6.0, "3840x2160": 1000 / 60}
FRAME_P99_4K_MS = 8.0
CHANGE_MS = 1000 / 60
IDLE_PERCENT = 0.5
MEMORY_MB = 90.0
#: linear work doubles when the rooms double; fixed costs and noise on a shared machine lower or raise it
GROWTH_PER_DOUBLING = 2.5


@dataclass
class Row:
    """One line of the table: a figure, its value, its budget and whether the budget is met."""
    group: str
    figure: str
    value: float
    unit: str
    budget: float | None = None
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.budget is None:
            return "-"
        return "PASS" if self.value <= self.budget else "FAIL"


class Runner:
    def __init__(self, quick: bool):
        self.quick = quick
        self.tmp = Path(tempfile.mkdtemp(prefix="escapebox-bench-"))
        self.large = write_large(self.tmp / "groot").parent
        self.bundled = sorted(p.parent for p in (REPO / "scenarios").glob("*/scenario.yaml"))
        self.rows: list[Row] = []

    # ------------------------------------------------------------ processes

    def env(self) -> dict:
        """Headless, a private data folder, and bytecode cached outside the tree (as an installed game has it)."""
        env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1",
                   ESCAPEBOX_DATA_DIR=str(self.tmp / "data"), PYTHONPYCACHEPREFIX=str(self.tmp / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        return env

    def json_of(self, script: str, *args: str, extra_env: dict | None = None) -> dict:
        command = [sys.executable, str(HERE / script), *args]
        done = subprocess.run(command, capture_output=True, text=True, env={**self.env(), **(extra_env or {})},
                              cwd=REPO, timeout=900)
        if done.returncode != 0:
            raise RuntimeError(f"{script} {' '.join(args)} failed:\n{done.stderr[-2000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])

    def first_frame_s(self, command: list[str], extra_env: dict | None = None) -> float:
        """Seconds from starting the process to the first flipped frame it reports."""
        return self.moments_s(command, extra_env)[0]

    def moments_s(self, command: list[str], extra_env: dict | None = None) -> tuple[float, float]:
        """Seconds from starting the process to its first presented frame and to the game's own first frame.

        The two differ when a kept first frame was shown before the game had loaded
        (escapebox/ui/firstframe.py); a bare window reports only the first.
        """
        env = {**self.env(), "ESCAPEBOX_FIRST_FRAME_EXIT": "1", **(extra_env or {})}
        started = _wall()
        done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO, timeout=120)
        seen = {}
        for line in done.stdout.splitlines():
            if line.startswith(("escapebox-first-frame ", "escapebox-ready ")):
                name, moment = line.split()[:2]
                seen.setdefault(name, float(moment) - started)
        if "escapebox-first-frame" not in seen:
            raise RuntimeError(f"{' '.join(command)} showed no frame:\n{done.stderr[-2000:]}")
        return seen["escapebox-first-frame"], seen.get("escapebox-ready", seen["escapebox-first-frame"])

    # ------------------------------------------------------------ the figures

    def startup(self) -> None:
        runs = 3 if self.quick else 7
        game = _escapebox_command()
        bare = [sys.executable, str(HERE / "bare_window.py")]
        for scenario in [*self.bundled, self.large]:
            self.first_frame_s(game + ["play", str(scenario)])          # fills the bytecode cache
            bare_s, game_s, ready_s = [], [], []
            for _ in range(runs):                                         # interleaved: the same noise for both
                bare_s.append(self.first_frame_s(bare))
                first, ready = self.moments_s(game + ["play", str(scenario)])
                game_s.append(first)
                ready_s.append(ready)
            bare_ms, game_ms = statistics.median(bare_s) * 1000, statistics.median(game_s) * 1000
            ready_ms = statistics.median(ready_s) * 1000
            self.rows.append(Row("start-up", f"{scenario.name} (bare window {bare_ms:.0f} ms)", game_ms, "ms",
                                 bare_ms * STARTUP_FACTOR, f"{game_ms / bare_ms:.1f}× bare, median of {runs}"))
            self.rows.append(Row("start-up, ready", f"{scenario.name}: the game's own first frame", ready_ms, "ms",
                                 None, f"{ready_ms / bare_ms:.1f}× bare (the kept first frame is shown before it)"))
            self._first_check(scenario, game, bare_ms, runs)

    def _first_check(self, scenario: Path, game: list[str], bare_ms: float, runs: int) -> None:
        """The first start of a new or changed file, which checks it (PyYAML, pydantic) after its first frame.

        A copy of the scenario gets one more comment line before each start, so the file is new to the
        check cache while the rest is cached (the message catalogues, the built-in theme), as on a
        trainer's laptop once Escapebox has started there before.  Until 4 December this row was
        measured with ``ESCAPEBOX_NO_CACHE=1``, which also parses the catalogues and checks the built-in
        theme with pydantic before the first frame: that figure, the very first start on a machine, is
        reported beside it (docs/performance.md).
        """
        copy = self.tmp / "changed" / scenario.name
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(scenario, copy)
        file = copy / "scenario.yaml"
        text = file.read_text(encoding="utf-8")
        count = max(3, runs // 2)
        first_s, ready_s = [], []
        for run in range(count):
            file.write_text(f"{text}\n# changed {run}\n", encoding="utf-8")
            first, ready = self.moments_s(game + ["play", str(copy)])
            first_s.append(first)
            ready_s.append(ready)
        first_ms, ready_ms = statistics.median(first_s) * 1000, statistics.median(ready_s) * 1000
        self.rows.append(Row("first start (new or changed file)", scenario.name, first_ms, "ms",
                             bare_ms * FIRST_START_FACTOR,
                             f"{first_ms / bare_ms:.1f}× bare, the intro before the check; median of {count}"))
        self.rows.append(Row("first start, checked and ready", scenario.name, ready_ms, "ms", None,
                             f"{ready_ms / bare_ms:.1f}× bare"))
        cold = [self.moments_s(game + ["play", str(scenario)], {"ESCAPEBOX_NO_CACHE": "1"}) for _ in range(count)]
        cold_ms = statistics.median(c[0] for c in cold) * 1000
        cold_ready_ms = statistics.median(c[1] for c in cold) * 1000
        self.rows.append(Row("first start, nothing cached", scenario.name, cold_ms, "ms", None,
                             f"{cold_ms / bare_ms:.1f}× bare, ready {cold_ready_ms / bare_ms:.1f}×: the first start on "
                             f"a machine (ESCAPEBOX_NO_CACHE=1)"))

    def load(self) -> None:
        for scenario in [self.large, *self.bundled]:
            parse, ours = load_bench.measure(scenario / "scenario.yaml")
            budget = load_bench.BUDGET if scenario == self.large else None
            note = f"PyYAML C {parse * 1000:.1f} ms, ours {ours * 1000:.1f} ms"
            if budget is None:
                note += " (small file: fixed costs dominate, reported only)"
            self.rows.append(Row("load", f"{scenario.name} load+validate / PyYAML", ours / parse, "×", budget, note))

    def frames(self) -> None:
        seconds = "20" if self.quick else "60"
        results = [self.json_of("frames.py", str(FIXTURE), size, "--seconds", seconds) for size in SIZES]
        for scenario in self.bundled:
            results.append(self.json_of("frames.py", str(scenario), BUDGET_SIZE, "--seconds", seconds))
        results.append(self.json_of("frames.py", str(self.large), BUDGET_SIZE, "--seconds", "10" if self.quick else "20"))
        for size in (BUDGET_SIZE, "3840x2160"):    # the trainer's console window and the leerfestival's wall
            results.append(self.json_of("frames.py", str(FIXTURE), size, "--seconds", seconds, "--console"))
            results.append(self.json_of("frames.py", "--wall", size))
        self._frame_rows(results)
        self._change_rows(results)

    def _frame_rows(self, results: list[dict]) -> None:
        for size in SIZES:
            budget = {BUDGET_SIZE: FRAME_P99_MS, "3840x2160": FRAME_P99_4K_MS}.get(size)
            for kind in ("frames", "typing", "redraws"):
                worst: dict[str, tuple[float, str, dict]] = {}
                for result in (r for r in results if r["size"] == size):
                    for screen, stats in result[kind].items():
                        if stats["p99_ms"] > worst.get(screen, (-1.0, "", {}))[0]:
                            worst[screen] = (stats["p99_ms"], result["scenario"], stats)
                label = {"frames": "clock running", "typing": "typing", "redraws": "whole screen"}[kind]
                limit = REDRAW_P99_MS.get(size) if kind == "redraws" else budget   # a key press or click
                for screen, (p99, scenario, stats) in sorted(worst.items()):
                    self.rows.append(Row(f"frame p99 {size}", f"{screen}, {label}", p99, "ms", limit,
                                         f"worst in {scenario}; p50 {stats['p50_ms']:.1f}, wall p99 {stats['wall_p99_ms']:.1f}"))

    def _change_rows(self, results: list[dict]) -> None:
        groups: dict[str, list[tuple[float, str]]] = {"enter a room": [], "open a puzzle": [], "other screen changes": []}
        for result in (r for r in results if r["size"] == BUDGET_SIZE):
            for change in result["changes"]:
                groups[_change_group(change)].append(
                    (change["ms"], f"{change['from']} → {change['to']} in {result['scenario']} (wall {change['wall_ms']:.1f})"))
        for name, changes in groups.items():
            if changes:
                ms, where = max(changes)
                budget = None if name == "other screen changes" else CHANGE_MS
                self.rows.append(Row(f"screen change {BUDGET_SIZE}", f"{name} (max of {len(changes)})", ms, "ms",
                                     budget, f"slowest: {where}"))

    def idle(self) -> None:
        seconds = "5" if self.quick else "10"
        result = self.json_of("idle.py", str(REPO / "scenarios" / "voorbeeld-compleet"), seconds)
        self.rows.append(Row("idle", f"CPU over {float(result['seconds']):.0f} s, clock only", result["cpu_percent"], "% core",
                             IDLE_PERCENT, f"{result['frames']} frames drawn; a bare 60 Hz input loop "
                             f"{result['bare_percent']:.2f} % in the same process"))

    def save(self) -> None:
        result = save_bench.measure(100 if self.quick else 400)
        self.rows.append(Row("save", "commit one command, p95", result["p95_ms"], "ms", save_bench.BUDGET_MS,
                             f"p50 {result['p50_ms']:.1f} ms, max {result['max_ms']:.1f} ms, {result['commands']} commits"))

    def memory(self) -> None:
        largest = max(self.bundled, key=_folder_bytes)
        for scenario in self.bundled:
            result = self.json_of("memory.py", str(scenario), BUDGET_SIZE)
            budget = MEMORY_MB if scenario == largest else None
            note = "largest bundled scenario" if budget else "reported only"
            if result["exit"] != 0:
                note += f"; autoplay failed: {result['summary']}"
            self.rows.append(Row(f"memory {BUDGET_SIZE}", f"peak RSS {scenario.name}", result["peak_mb"], "MB", budget, note))

    def growth(self) -> None:
        result = self.json_of("growth.py", "--json", *(["--quick"] if self.quick else []))
        for row in (r for series in result["series"].values() for r in series):
            kind = f"{row['dilemmas']} dilemma(s), {'distinct' if row['distinct'] else 'alike'}" if row["dilemmas"] else "no dilemmas"
            note = f"{row['paths']} paths, {row['states']} states, peak +{row['peak_mb']:.1f} MB"
            note += "; not every path proven" if row["truncated"] else ""
            self.rows.append(Row("growth", f"{row['rooms']} rooms, {kind}: load+validate", row["load_ms"], "ms", None, note))
            self.rows.append(Row("growth", f"{row['rooms']} rooms, {kind}: solver", row["solve_ms"], "ms", None, ""))
        unproven = sum(r["truncated"] for series in result["series"].values() for r in series)
        self.rows.append(Row("growth", "scenarios with paths the solver did not prove", unproven, "", 0, "1–4 dilemmas"))
        for name, factor in result["growth"].items():
            per = "per added dilemma (4× the paths)" if "dilemma" in name else "per doubling of the rooms"
            budget = GROWTH_PER_DOUBLING if name in ("load_ms", "peak_mb") else None
            self.rows.append(Row("growth", f"{name} {per}", factor, "×", budget, ""))

    def all(self, only: set[str] | None) -> list[Row]:
        for name in ("startup", "load", "frames", "idle", "save", "memory", "growth"):
            if not only or name in only:
                getattr(self, name)()
        shutil.rmtree(self.tmp, ignore_errors=True)
        return self.rows


def _change_group(change: dict) -> str:
    if change["to"].startswith("puzzle-"):
        return "open a puzzle"
    if change["to"] == "room" and (change["new_room"] or change["from"] == "group"):
        return "enter a room"
    return "other screen changes"


def _escapebox_command() -> list[str]:
    """The installed ``escapebox`` script next to this Python, as a trainer starts it."""
    script = Path(sys.executable).with_name("escapebox")
    return [str(script)] if script.exists() else [sys.executable, "-m", "escapebox"]


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _wall() -> float:
    import time
    return time.time()


def machine() -> dict:
    import pygame
    cpu = platform.processor()
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()  # taskset -c 0: 1
    return {"date": date.today().isoformat(), "cpu": cpu, "cores": cores, "python": platform.python_version(),
            "pygame_ce": pygame.version.ver, "sdl": ".".join(map(str, pygame.get_sdl_version())),
            "system": f"{platform.system()} {platform.release()}"}


def table(rows: list[Row], info: dict) -> str:
    lines = [f"Escapebox performance — {info['date']}, {info['cpu']} ({info['cores']} of {os.cpu_count()} cores used), Python {info['python']}, "
             f"pygame-ce {info['pygame_ce']} (SDL {info['sdl']}), {info['system']}", ""]
    lines.append(f"| {'group':24} | {'figure':44} | {'value':>10} | {'budget':>10} | result | note")
    lines.append(f"|{'-' * 26}|{'-' * 46}|{'-' * 12}|{'-' * 12}|--------|------")
    for row in rows:
        budget = f"≤ {row.budget:.1f} {row.unit}" if row.budget is not None else "-"
        lines.append(f"| {row.group:24} | {row.figure:44} | {row.value:7.2f} {row.unit:>2} | {budget:>10} | "
                     f"{row.verdict:6} | {row.note}")
    missed = [r for r in rows if r.verdict == "FAIL"]
    lines += ["", f"{len(missed)} budget(s) missed" if missed else "all budgets met"]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    only = {a.split("=", 1)[1] for a in argv if a.startswith("--only=")}
    only = {part for item in only for part in item.split(",")}
    rows = Runner(quick="--quick" in argv).all(only or None)
    info = machine()
    missed = any(r.verdict == "FAIL" for r in rows)
    if "--json" in argv:
        print(json.dumps({"machine": info, "pass": not missed,
                          "rows": [{**asdict(r), "result": r.verdict} for r in rows]}, ensure_ascii=False))
    else:
        print(table(rows, info))
    return 1 if "--check" in argv and missed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
