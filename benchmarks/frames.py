"""Frame times and screen changes, measured through the real screens (one window size per process).

The auto-player walks the scenario through every screen a group sees; on
each new kind of screen this script redraws it many times the way the loop
does while the clock runs (a new second, ``clock_changed``, + one turn of
the loop), draws the whole screen again a number of times (what a key press
or a click that changes it costs: ``invalidate``), and, where a text field has
focus, times typing (a letter, then Backspace, so the text stays as it was).  Before the walk it visits the
clue book, the inventory, a hint, the pause screen and help by key.
Every turn of the loop that changes the screen on top is timed from the
key press to the flipped frame: that is the "screen change".

Idle time is simulated: a group reads before it presses the next key, so
queued idle tasks (pre-rendering pictures) run before each key press, as
they would in the real loop.

Clock frames are measured only where the loop asks for them (:func:`clock_ticks`).
``--console`` opens the trainer's console window beside the game (``play --console``): every
players' frame then includes drawing the console, and the console's own redraw is the
"console" row.  ``--wall`` measures the leerfestival's wall instead of a game
(benchmarks/wall_frames.py).

Run: ``SDL_VIDEODRIVER=dummy python benchmarks/frames.py SCENARIO 1920x1080 [--seconds 60] [--console]``
or ``python benchmarks/frames.py --wall 1920x1080``; prints one JSON object.
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

import pygame  # noqa: E402

from escapebox.scenario.loader import load_scenario  # noqa: E402
from escapebox.ui.autoplay import AutoPilot  # noqa: E402
from escapebox.ui.main import PlayOptions, build_app  # noqa: E402
from escapebox.ui.pilot import key_events  # noqa: E402
from escapebox.ui.widgets.entry import TextArea, TextField  # noqa: E402

REDRAWS = 120
#: whole-screen redraws per screen: as many as clock frames, now that they have a budget too; with 30
#: the p99 was the slowest of them, so one moment another process had the core decided the figure
WHOLE_REDRAWS = 120
TYPED = 40


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] if ordered else 0.0


def probe_flips(app) -> list:
    """Note (wall, CPU) when each frame has been flipped: the loop may run an idle task after it."""
    flips: list[tuple[float, float]] = []

    def probed(draw):
        def drawn() -> None:
            draw()
            flips.append((time.perf_counter(), time.thread_time()))
        return drawn
    app.draw, app.draw_clock = probed(app.draw), probed(app.draw_clock)
    return flips


def timed_turn(app) -> tuple[float, float]:
    """One turn of the loop (events, clock, draw) up to its flip: (wall, CPU) milliseconds.

    The CPU time of this thread is what the frame costs; the wall time also
    counts the moments other processes had the core (see docs/performance.md).
    """
    flips = app.bench_flips
    flips.clear()
    wall, cpu = time.perf_counter(), time.thread_time()
    app.frame(block=False)
    end = flips[0] if flips else (time.perf_counter(), time.thread_time())
    return (end[0] - wall) * 1000, (end[1] - cpu) * 1000


def clock_ticks(app) -> bool:
    """Whether the loop asks this screen for clock seconds: a game whose clock runs and is shown.

    ``App._check_timer`` calls ``clock_changed`` only when the game's clock
    shows another second, so the intro (no game yet), a paused game and the
    ending (the clock stopped) never draw a clock frame: they are measured by
    their whole-screen redraws only.
    """
    game = app.game
    return game is not None and app.settings.timer_visible and not game.session.timer().paused


def _name(screen) -> str:
    return screen.name if screen is not None else "none"


def screen_key(app) -> str:
    return _name(app.stack.top)


class Meter:
    def __init__(self, app):
        self.app = app
        self.frames: dict[str, list[tuple[float, float]]] = {}
        self.typing: dict[str, list[tuple[float, float]]] = {}
        self.redraws: dict[str, list[tuple[float, float]]] = {}
        self.changes: list[tuple[str, str, float, float, bool]] = []

    def settle(self) -> None:
        """Handle what is queued, let animations finish and idle tasks run: the group is reading."""
        app = self.app
        for _ in range(600):
            app.frame(block=False)
            animating = any(getattr(s, "animating", False) for s in app.stack.visible())
            if not pygame.event.peek() and not animating:
                break
        while app.run_idle_task():      # what the loop does before it sleeps: idle tasks, then garbage
            pass

    def press(self, *names: str) -> None:
        """Keys as a person presses them: each one timed from the key press to the flipped frame."""
        for name in names:
            before, room = self.app.stack.top, self.room()
            for event in key_events(name):
                pygame.event.post(event)
            self.note_change(before, timed_turn(self.app), room)
            self.settle()
            self.sample()

    def room(self) -> str | None:
        return self.app.game.session.state.room if self.app.game is not None else None

    def note_change(self, before, took: tuple[float, float], room: str | None) -> None:
        """A turn that put another screen on top (also another room) was a screen change."""
        after = self.app.stack.top
        if after is not before:
            self.changes.append((_name(before), _name(after), *took, room != self.room()))

    def sample(self) -> None:
        """Redraw a screen not seen before, as the running clock does, and type into it if it has a field."""
        key = screen_key(self.app)
        if key in self.frames or key in self.redraws:
            return
        if clock_ticks(self.app):
            times = []
            for _ in range(REDRAWS):
                self.app.clock_changed()
                times.append(timed_turn(self.app))
            self.frames[key] = times
        redraws = []
        for _ in range(WHOLE_REDRAWS):
            self.app.invalidate()
            redraws.append(timed_turn(self.app))
        self.redraws[key] = redraws
        if self.app.console is not None:
            self.sample_console()
        top = self.app.stack.top
        focused = top.focus.focused if top is not None and top.focus is not None else None
        if isinstance(focused, (TextField, TextArea)):
            self.typing[key] = self._type()

    def sample_console(self) -> None:
        """The trainer's console window drawn alone (it is drawn after every frame of the players' window)."""
        times = self.redraws.setdefault("console", [])
        for _ in range(WHOLE_REDRAWS // 4):
            self.app.console._shown = None           # drawn whole, as after a change it shows
            wall, cpu = time.perf_counter(), time.thread_time()
            self.app.console.draw()
            times.append(((time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000))

    def _type(self) -> list[tuple[float, float]]:
        times = []
        for n in range(TYPED):
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="abcdefghij"[n % 10]))
            times.append(timed_turn(self.app))
            for event in key_events("backspace"):
                pygame.event.post(event)
            times.append(timed_turn(self.app))
        return times

    def walk(self, app, seconds: float) -> None:
        """Let the auto-player play, one key batch at a time, timing every turn that changes the screen.

        The pilot is not installed as ``app.autopilot``: the loop would then press
        the next keys itself, before this script had measured the screen.
        """
        pilot = AutoPilot(app)
        deadline = time.monotonic() + seconds
        while app.running and time.monotonic() < deadline:
            before, room = app.stack.top, self.room()
            pilot.step()
            if not app.running:
                break
            self.note_change(before, timed_turn(app), room)
            self.settle()
            self.sample()


def visit_extras(meter: Meter) -> None:
    """Screens the auto-player does not open by itself."""
    for keys in (("c", "escape"), ("i", "escape"), ("h", "escape"), ("p", "escape"), ("f1", "escape")):
        meter.press(*keys)


def measure(scenario: Path, size: tuple[int, int], seconds: float, console: bool = False) -> dict:
    loaded = load_scenario(scenario)
    data = Path(tempfile.mkdtemp(prefix="escapebox-frames-"))
    app = build_app(PlayOptions(loaded=loaded, window=size, sound=False, data_dir=data, console=console))
    app.bench_flips = probe_flips(app)
    meter = Meter(app)
    try:
        meter.settle()
        meter.sample()
        meter.press("return")                              # intro → group name
        for event in [pygame.event.Event(pygame.TEXTINPUT, text="Groep 3")]:
            pygame.event.post(event)
        meter.settle()
        meter.press("return")                              # group name → the first room
        visit_extras(meter)
        meter.walk(app, seconds)
    finally:
        app.services.launcher.close()
        app.close()
    return result(meter, Path(f"{scenario.name} + console") if console else scenario, size)


def result(meter: Meter, scenario: Path, size) -> dict:
    def stats(pairs):
        wall, cpu = [p[0] for p in pairs], [p[1] for p in pairs]
        return {"n": len(pairs), "p50_ms": percentile(cpu, 0.5), "p99_ms": percentile(cpu, 0.99), "max_ms": max(cpu),
                "wall_p50_ms": percentile(wall, 0.5), "wall_p99_ms": percentile(wall, 0.99)}
    return {"scenario": scenario.name, "size": f"{size[0]}x{size[1]}",
            "frames": {k: stats(v) for k, v in meter.frames.items()},
            "typing": {k: stats(v) for k, v in meter.typing.items()},
            "redraws": {k: stats(v) for k, v in meter.redraws.items()},
            "changes": [{"from": a, "to": b, "wall_ms": wall, "ms": cpu, "new_room": moved}
                        for a, b, wall, cpu, moved in meter.changes]}


def main(argv: list[str]) -> int:
    width, height = (int(v) for v in argv[1].split("x"))
    if argv[0] == "--wall":
        from benchmarks.wall_frames import measure_wall
        print(json.dumps(measure_wall((width, height))))
        return 0
    seconds = float(argv[argv.index("--seconds") + 1]) if "--seconds" in argv else 60.0
    print(json.dumps(measure(Path(argv[0]), (width, height), seconds, console="--console" in argv)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
