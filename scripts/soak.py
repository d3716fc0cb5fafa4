"""Soak test: two hours of simulated play through the real App, measuring memory and frame time.

    python scripts/soak.py                  # 120 simulated minutes, all bundled scenarios
    python scripts/soak.py --minutes 20     # shorter

A training afternoon is long: one laptop, one App, scenario after scenario.
Here the game clock is a manual clock that moves one second per frame, so
two hours pass in a few minutes of real time, but every frame is a real
one: events, the game clock, drawing.  The auto-player plays each bundled
scenario to its end (one action every ``--pace`` seconds of game time),
the group types a long answer into every text reflection, and the next
scenario starts.  Every simulated minute the script notes the process's
resident memory (RSS) and the frame times; at the end it prints the
figures and fails (exit 1) if memory grew by 50 MB or more after warm-up,
or if frames in the last ten minutes are clearly slower than in the first ten.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

GROWTH_LIMIT_MB = 50
DRIFT_LIMIT = 1.5          # last ten minutes' median frame time may be at most 1.5x the first ten's
WARM_UP_MINUTES = 5
ANSWER = ("We merkten dat we te snel naar een oplossing zochten. Volgende keer vragen we eerst door "
          "bij de student en spreken we af wie wat doet. ") * 3


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class Soak:
    """One App, one manual clock, scenario after scenario."""

    def __init__(self, pace: int, data_dir: Path):
        from escapebox.core.clock import ManualClock
        from escapebox.ui import launch
        from escapebox.ui.main import PlayOptions, build_app
        self.clock = ManualClock()
        launch.MonotonicClock = lambda *args, **kwargs: self.clock   # every new session uses our clock
        self.loaded = bundled()
        self.app = build_app(PlayOptions(loaded=self.loaded[0], window=(1280, 720), sound=False,
                                         fast=True, data_dir=data_dir))
        self.pace = pace
        self.games = 0
        self.typed = 0
        self.autopilot = None
        self.stuck = False
        self.stops = 0
        self._typed_for: set = set()

    def next_game(self) -> None:
        from escapebox.ui.autoplay import AutoPilot
        loaded = self.loaded[self.games % len(self.loaded)]
        self.games += 1
        self.app.services.launcher.start(loaded, f"Soakgroep {self.games}")
        self.autopilot = AutoPilot(self.app)
        self._typed_for = set()

    def second(self, tick: int) -> float:
        """One simulated second: maybe an action, then one real frame; returns its wall time."""
        import pygame
        from escapebox.ui.pilot import key_events
        app = self.app
        state = app.game.session.state if app.game is not None else None
        if state is None or (state.ended and not state.pending) or self.stuck:
            self.stuck = False
            self.next_game()
        top = app.stack.top
        if top is not None and top.name == "reflection-text" and top.reflection_id not in self._typed_for:
            self._typed_for.add(top.reflection_id)
            for event in key_events("ctrl+a"):
                pygame.event.post(event)
            for word in ANSWER.split(" "):
                pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=word + " "))
            self.typed += len(ANSWER)
        elif tick % self.pace == 0:
            self.autopilot.step()
        self.clock.advance(1.0)
        started = time.perf_counter()
        app.frame(block=False)
        while pygame.event.peek() and app.running:
            app.frame(block=False)
        if not app.running:                         # the auto-player gave up, or "Verder" asked to quit
            app.running = True
            self.stuck = True
            self.stops += 1
        return time.perf_counter() - started

    def close(self) -> None:
        self.app.services.launcher.close()
        self.app.close()


def bundled() -> list:
    from escapebox.scenario.loader import load_scenario
    from escapebox.paths import bundled_scenario_dirs, scenario_sources
    folders = bundled_scenario_dirs()
    return [load_scenario(path) for path, _ in scenario_sources() if path.parent in folders]


def run(minutes: int, pace: int, log=print) -> dict:
    soak = Soak(pace, Path(tempfile.mkdtemp(prefix="escapebox-soak-")))
    rows = []
    try:
        for minute in range(1, minutes + 1):
            times = [soak.second(minute * 60 + s) for s in range(60)]
            rows.append((minute, rss_mb(), statistics.median(times) * 1000, max(times) * 1000, soak.games))
            if minute % 10 == 0 or minute == 1:
                log(f"minute {minute:4}  RSS {rows[-1][1]:7.1f} MB  frame median {rows[-1][2]:6.2f} ms  "
                    f"max {rows[-1][3]:7.2f} ms  games {soak.games}")
    finally:
        soak.close()
    return summarise(rows, soak)


def summarise(rows: list, soak: Soak) -> dict:
    """Growth is measured twice: after five minutes, and after every scenario was played once
    (the caches are bounded, but they fill with each new scenario's text and pictures)."""
    warm = rows[min(WARM_UP_MINUTES, len(rows)) - 1][1]
    round_one = next((r for r in rows if r[4] > len(soak.loaded)), rows[-1])
    first = statistics.median(r[2] for r in rows[:10])
    last = statistics.median(r[2] for r in rows[-10:])
    return {"minutes": len(rows), "games": soak.games, "autoplayer_stops": soak.stops, "typed_chars": soak.typed,
            "rss_start_mb": rows[0][1], "rss_after_warm_up_mb": warm, "rss_end_mb": rows[-1][1],
            "rss_peak_mb": max(r[1] for r in rows), "growth_after_warm_up_mb": rows[-1][1] - warm,
            "first_round_done_at_minute": round_one[0], "rss_after_first_round_mb": round_one[1],
            "growth_after_first_round_mb": rows[-1][1] - round_one[1],
            "frame_median_first_10_min_ms": first, "frame_median_last_10_min_ms": last,
            "frame_max_ms": max(r[3] for r in rows)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=int, default=120, help="simulated minutes of play")
    parser.add_argument("--pace", type=int, default=8, help="simulated seconds between two player actions")
    args = parser.parse_args(argv)
    started = time.monotonic()
    figures = run(args.minutes, args.pace)
    for key, value in figures.items():
        print(f"  {key:32} {value:.2f}" if isinstance(value, float) else f"  {key:32} {value}")
    print(f"soak: {args.minutes} simulated minutes in {time.monotonic() - started:.0f} s of real time")
    grew = figures["growth_after_warm_up_mb"] >= GROWTH_LIMIT_MB
    drift = figures["frame_median_last_10_min_ms"] > DRIFT_LIMIT * max(figures["frame_median_first_10_min_ms"], 0.5)
    if grew or drift:
        print(f"soak: FAILED ({'memory grew' if grew else ''}{' and ' if grew and drift else ''}"
              f"{'frames got slower' if drift else ''})", file=sys.stderr)
        return 1
    print("soak: memory and frame time stayed flat")
    return 0


if __name__ == "__main__":
    sys.exit(main())
