"""Golden screenshots of the trainer's wall (``escapebox festival``) at 1280×720 and, with the beamer's
large text, at 1920×1080: five groups of the bundled cases in every state the wall writes out.

The hub is a stand-in with fixed tracks and the wall's clock stands still, so the picture depends on
no network and no timing (tests/festival/test_wall_screen.py drives the wall with a real hub).
Run ``pytest tests/ui/test_goldens_wall.py --update-goldens`` after an intended change and look at
tests/ui/golden/*-wall.png.
"""

from __future__ import annotations

import pytest

from escapebox.core.autoplayer import branch_plan
from escapebox.core.clock import ManualClock
from escapebox.core.session import GameSession
from escapebox.festival.publisher import scenario_facts
from escapebox.festival.wall import Track
from escapebox.scenario.loader import load_scenario
from test_goldens import compare
from ui_helpers import SCENARIOS

#: the wall's clock: every group's last event lies before it
NOW = 2000.0
#: (group, case, steps of its plan played, seconds since its last event, online, paused)
GROUPS = (("Groep 1", "student-met-rugzak", 12, 20, True, False),
          ("Groep 2", "zij-instromer", 6, 7 * 60, True, False),       # stuck: seven minutes without progress
          ("Groep 3", "hele-team-leert", 9, 40, True, True),          # paused by the trainer
          ("Groep 4", "tutorial", 3, 30, False, False),               # its laptop closed
          ("Groep 5", "voorbeeld-compleet", 15, 10, True, False))


class StillHub:
    """What the wall reads of a hub: its name, its tracks, a version, whether it is connected."""

    name, connected, version = "Zorgcampus", True, 1

    def __init__(self, tracks: dict[str, Track]):
        self._tracks = tracks
        self.listeners: list = []

    def tracks(self) -> dict[str, Track]:
        return dict(self._tracks)


def track(number: int, group: str, case: str, steps: int, idle: float, online: bool, paused: bool) -> Track:
    """A group's track from the events its real session logged; its last status came ``idle`` game
    seconds after its last event (the wall's columns count on the game's clock, not the wall's)."""
    loaded = load_scenario(SCENARIOS / case)
    clock = ManualClock()
    session = GameSession.start(loaded, clock, group=group)
    for planned in branch_plan(session)[:steps]:
        clock.advance(20)
        session.apply(planned.command)
    made = Track.from_hello({"session": f"golden{number}", "group": group, "scenario": scenario_facts(loaded)})
    for n, event in enumerate(session.state.events):
        made.add(n, event.to_dict())
    clock.advance(idle)
    made.note_status({"online": True, "clock": clock.now(), "remaining": session.timer().remaining,
                      "paused": paused, "ended": False}, NOW)
    if not online:
        made.note_status({"online": False}, NOW)
    return made


@pytest.fixture(params=["1280", "beamer"])
def wall(request):
    from escapebox.ui.festival.wall import WallScreen, wall_app
    hub = StillHub({f"golden{n}": track(n, *group) for n, group in enumerate(GROUPS)})
    beamer = request.param == "beamer"
    app = wall_app(hub, "K7M2QX", "192.168.1.20:1883", beamer=beamer, fullscreen=False,
                   window=(1920, 1080) if beamer else (1280, 720), language="nl")
    app.stack.replace(WallScreen(app, hub, "K7M2QX", "192.168.1.20:1883", clock=lambda: NOW))
    yield app, request.param
    app.close()


def test_wall(wall, update_goldens):
    app, size = wall
    app.frame(block=False)
    app.toasts.clear()
    compare(app, f"{size}-wall", update_goldens)
