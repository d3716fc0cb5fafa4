"""Frame times of the leerfestival's wall (``escapebox festival``) with 30 groups, for benchmarks/frames.py.

The hub is a stand-in holding 30 groups' tracks, made from real sessions of
the bundled scenarios played part of the way by the auto-player's plans (as in
tests/ui/test_goldens_wall.py), so the wall's rows, columns and stuck groups are
real but no network is timed (benchmarks/festival.py measures the hub).  The wall
refreshes its rows once a second and after every change at the hub: a new layout,
and a frame that draws only what changed (its clocks; escapebox/ui/partial.py), the
"clock running" row here.  A whole-screen redraw (a key press) and typing into the
message field are measured as for a game.

Run: ``python benchmarks/frames.py --wall 1920x1080``.
"""

from __future__ import annotations

from pathlib import Path

import pygame

REPO = Path(__file__).resolve().parents[1]
GROUPS = 30
CASES = ("student-met-rugzak", "zij-instromer", "hele-team-leert", "tutorial", "voorbeeld-compleet")
#: the wall's clock at the start: every group's last event lies before it
NOW = 5000.0


class StandInHub:
    """What the wall reads of a hub: its name, its tracks, a version, whether it is connected."""

    name, connected, version = "Zorgcampus", True, 1

    def __init__(self, tracks: dict):
        self._tracks = tracks
        self.listeners: list = []

    def tracks(self) -> dict:
        return dict(self._tracks)


def group_tracks() -> dict:
    """30 groups spread over the bundled cases, each some steps into its plan, some of them stuck."""
    from escapebox.core.autoplayer import branch_plan
    from escapebox.core.clock import ManualClock
    from escapebox.core.session import GameSession
    from escapebox.festival.publisher import scenario_facts
    from escapebox.festival.wall import Track
    from escapebox.scenario.loader import load_scenario
    loaded = {case: load_scenario(REPO / "scenarios" / case) for case in CASES}
    tracks = {}
    for n in range(GROUPS):
        case = loaded[CASES[n % len(CASES)]]
        clock = ManualClock()
        session = GameSession.start(case, clock, group=f"Groep {n + 1}")
        for planned in branch_plan(session)[:3 + n % 12]:
            clock.advance(20)
            session.apply(planned.command)
        track = Track.from_hello({"session": f"bench{n}", "group": f"Groep {n + 1}", "scenario": scenario_facts(case)})
        for number, event in enumerate(session.state.events):
            track.add(number, event.to_dict())
        clock.advance(30 + (n % 4) * 150)          # every fourth group has been quiet for minutes: stuck
        track.note_status({"online": n % 9 != 0, "clock": clock.now(), "remaining": session.timer().remaining,
                           "paused": n % 7 == 0, "ended": False}, NOW)
        tracks[f"bench{n}"] = track
    return tracks


def measure_wall(size: tuple[int, int]) -> dict:
    from benchmarks.frames import REDRAWS, TYPED, WHOLE_REDRAWS, Meter, probe_flips, result, timed_turn
    from escapebox.ui.festival.wall import WallScreen, wall_app
    hub = StandInHub(group_tracks())
    now = [NOW]
    app = wall_app(hub, "K7M2QX", "192.168.1.20:1883", beamer=size[0] >= 1920, fullscreen=False, window=size,
                   language="nl")
    app.stack.replace(WallScreen(app, hub, "K7M2QX", "192.168.1.20:1883", clock=lambda: now[0]))
    app.bench_flips = probe_flips(app)
    meter = Meter(app)
    try:
        meter.settle()
        ticks = []
        for _ in range(REDRAWS):
            now[0] += 1.0                          # a new second: the wall lays out and draws its rows again
            ticks.append(timed_turn(app))
        meter.frames["festival-wall"] = ticks
        meter.redraws["festival-wall"] = [_redraw(app, timed_turn) for _ in range(WHOLE_REDRAWS)]
        app.stack.top.focus.focus_key("message")
        meter.typing["festival-wall"] = meter._type()[:2 * TYPED]
    finally:
        app.close()
        pygame.quit()
    return result(meter, Path("festival-wall"), size)


def _redraw(app, timed_turn) -> tuple[float, float]:
    app.invalidate()
    return timed_turn(app)
