"""Monkey test: seeded random keyboard, mouse and text input through the real App, headless.

    python scripts/monkey.py --seed 1 --events 100000
    python scripts/monkey.py --seed 1 --events 2000 --scenario minimaal

A group at a beamer presses anything: keys with modifiers, clicks next to
buttons, a pasted e-mail of 30,000 characters, emoji, right-to-left marks,
NUL.  The monkey posts such events in batches to pygame's queue and lets
``App.frame`` handle them exactly as a real keyboard's.  Every few hundred
events it starts the next bundled scenario (or the picker), so all of them
get visited.  Half of the clicks land on a real widget, so the monkey gets
past the first screen instead of clicking on empty space all day.

A watchdog (``faulthandler``) kills the run with a stack dump if one batch
takes longer than ``--batch-seconds`` of wall time: a hang is a failure too.
The same ``--seed`` gives the same events, so a failure can be replayed.
"""

from __future__ import annotations

import argparse
import faulthandler
import os
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

KEYS = ["tab", "shift+tab", "return", "kp_enter", "escape", "space", "backspace", "delete", "up", "down",
        "left", "right", "home", "end", "pageup", "pagedown", "f1", "ctrl+a", "ctrl+c", "ctrl+v", "ctrl+x",
        "ctrl+z", "shift+left", "shift+right", "shift+home", "shift+end", "ctrl+left", "ctrl+backspace",
        "a", "1", "4", "h", "p", "i", "c", "9", "0", "f11"]
TEXTS = ["a", "moedercontract", "0412", "🙂👩‍⚕️🏳️‍🌈", "\x00", "\x00\x00abc", "\u202eشكرا لك\u202c", "עברית",
         "e\u0301\u0301\u0301", "\r\n", "\t", "  ", "Ω≈ç√∫", "\ufeff", "\U0010ffff", "ﷺ", "ẞß", "x" * 300]
HUGE = ("Beste collega, " * 2500)[:30000]
WHEEL, MOTION, CLICK, WIDGET, KEY, TEXT, PASTE, EDIT, WINDOW = range(9)
WEIGHTS = [3, 6, 10, 25, 30, 18, 1, 2, 1]


class Monkey:
    """Makes the random events for one seed and counts what it did."""

    def __init__(self, app, rnd: random.Random):
        self.app, self.rnd = app, rnd
        self.done: Counter = Counter()

    def batch(self, size: int) -> None:
        from escapebox.ui.pilot import key_events
        for _ in range(size):
            kind = self.rnd.choices(range(9), WEIGHTS)[0]
            for event in self._make(kind, key_events):
                pygame.event.post(event)

    def _make(self, kind: int, key_events) -> list:
        rnd, w, h = self.rnd, *self.app.window.get_size()
        pos = (rnd.randrange(-20, w + 20), rnd.randrange(-20, h + 20))
        if kind == WIDGET:
            pos = self._widget_pos() or pos
        name = ["wheel", "motion", "click", "widget", "key", "text", "paste", "edit", "window"][kind]
        self.done[name] += 1
        if kind == WHEEL:
            return [pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rnd.choice([-5, -1, 1, 3]), flipped=False)]
        if kind == MOTION:
            return [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(rnd.random() < .2, 0, 0))]
        if kind in (CLICK, WIDGET):
            button = rnd.choice([1, 1, 1, 1, 2, 3, 4, 5])
            return [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
                    pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button),
                    pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button)]
        if kind == KEY:
            return key_events(rnd.choice(KEYS))
        if kind == TEXT:
            return [pygame.event.Event(pygame.TEXTINPUT, text=rnd.choice(TEXTS))]
        if kind == PASTE:
            self.app.clipboard.copy(rnd.choice([HUGE, "\u202e" * 500, "🙂" * 2000, "regel\n" * 400]))
            return key_events("ctrl+v")
        if kind == EDIT:
            text = rnd.choice(TEXTS)
            return [pygame.event.Event(pygame.TEXTEDITING, text=text, start=0, length=len(text))]
        return [self._window_event()]

    def _widget_pos(self):
        top = self.app.stack.top
        widgets = [wd for wd in (top.focus.widgets if top else []) if getattr(wd, "rect", None)]
        if not widgets:
            return None
        rect = self.rnd.choice(widgets).rect
        return self.app.canvas.to_physical(rect.center)

    def _window_event(self):
        kind = self.rnd.choice(["resize", "min", "restore", "exposed"])
        if kind == "resize":
            size = self.rnd.choice([(1280, 720), (800, 600), (1920, 1080), (640, 360), (1024, 768)])
            pygame.display.set_mode(size, pygame.RESIZABLE)
            return pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1])
        kind = {"min": pygame.WINDOWMINIMIZED, "restore": pygame.WINDOWRESTORED, "exposed": pygame.WINDOWEXPOSED}[kind]
        return pygame.event.Event(kind)


def scenarios(only: str | None) -> list:
    from escapebox.scenario.loader import load_scenario
    from escapebox.paths import bundled_scenario_dirs, scenario_sources
    bundled = [path for path, _ in scenario_sources() if any(path.parent == d for d in bundled_scenario_dirs())]
    return [load_scenario(path) for path in bundled if only in (None, path.name)]


def new_app(data_dir: Path, loaded):
    from escapebox.ui.main import PlayOptions, build_app
    return build_app(PlayOptions(loaded=loaded, window=(1280, 720), sound=False, fast=True, data_dir=data_dir))


def close(app) -> None:
    app.services.launcher.close()
    app.close()


def run(seed: int, events: int, batch: int = 20, batch_seconds: float = 20.0, only: str | None = None,
        episode: int = 400, data_dir: Path | None = None, log=print) -> dict:
    """Post ``events`` random events; returns counts.  Raises whatever the App raises."""
    rnd = random.Random(seed)
    loaded_all = scenarios(only)
    data_dir = data_dir or Path(tempfile.mkdtemp(prefix="escapebox-monkey-"))
    stats = Counter()
    app = None
    monkey = None
    posted = 0
    started = time.monotonic()
    try:
        while posted < events:
            if app is None or not app.running or posted % episode < batch:
                app = _next_app(app, rnd, loaded_all, data_dir, stats)
                monkey = Monkey(app, rnd) if monkey is None else _rebind(monkey, app)
            faulthandler.dump_traceback_later(batch_seconds, exit=True)
            monkey.batch(batch)
            _drain(app)
            faulthandler.cancel_dump_traceback_later()
            posted += batch
            stats["screens:" + (app.stack.top.name if app.stack.top else "none")] += 1
            if posted % 10000 < batch:
                log(f"{posted:>7} events  {time.monotonic() - started:6.0f}s  screen={app.stack.top.name if app.stack.top else '-'}")
    finally:
        faulthandler.cancel_dump_traceback_later()
        if app is not None:
            close(app)
    stats.update(monkey.done if monkey else {})
    stats["events"] = posted
    stats["seconds"] = round(time.monotonic() - started, 1)
    return dict(stats)


def _rebind(monkey: Monkey, app) -> Monkey:
    monkey.app = app
    return monkey


def _next_app(app, rnd, loaded_all, data_dir, stats):
    """Close the old App, open a new one on a random bundled scenario (or the picker)."""
    if app is not None:
        close(app)
    loaded = rnd.choice(loaded_all + [None])
    stats["episodes"] += 1
    stats["scenario:" + (loaded.scenario.id if loaded else "picker")] += 1
    return new_app(data_dir, loaded)


def _drain(app) -> None:
    """Let the App take every queued event; QUIT (Alt+F4, Escape on the picker) ends the episode."""
    guard = 0
    while app.running and (pygame.event.peek() or guard == 0):
        app.frame(block=False)
        guard += 1
        if guard > 10000:
            raise RuntimeError("the event queue never empties")
    pygame.event.clear()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--events", type=int, default=100000)
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--batch-seconds", type=float, default=20.0, help="watchdog: wall time per batch")
    parser.add_argument("--scenario", help="only this bundled scenario (folder name)")
    parser.add_argument("--episode", type=int, default=400, help="events before the next scenario starts")
    args = parser.parse_args(argv)
    print(f"monkey: seed {args.seed}, {args.events} events in batches of {args.batch}")
    try:
        stats = run(args.seed, args.events, args.batch, args.batch_seconds, args.scenario, args.episode)
    except Exception:  # noqa: BLE001 - the point of the script: report any crash with its seed
        traceback.print_exc()
        print(f"monkey: CRASH with seed {args.seed}", file=sys.stderr)
        return 1
    for key in sorted(stats):
        print(f"  {key:40} {stats[key]}")
    print(f"monkey: {stats['events']} events in {stats['seconds']} s, no exception, no hang")
    return 0


if __name__ == "__main__":
    sys.exit(main())
