"""A real broker on 127.0.0.1 (a free port each test), a hub on it, and laptops with real stores."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from escapebox.core.clock import ManualClock
from escapebox.core.session import GameSession
from escapebox.core.store import SessionStore
from escapebox.festival.broker import EmbeddedBroker, free_port
from escapebox.festival.hub import Hub
from escapebox.festival.hub_store import HubStore
from escapebox.festival.publisher import Publisher, scenario_facts
from escapebox.scenario.loader import load_scenario

ROOT = Path(__file__).parents[2]
CODE = "FEST23"
#: the hub's login on the test broker (a festival makes a new one each run)
SECRET = "test-secret"
#: every wait in these tests ends after this many seconds: a loopback round trip takes milliseconds,
#: a reconnection after a broker restart 1 to 2 s (paho's first reconnect delay is 1 s)
TIMEOUT = 15.0
_scenarios: dict[str, object] = {}


def scenario(name: str = "tutorial"):
    if name not in _scenarios:
        _scenarios[name] = load_scenario(ROOT / "scenarios" / name)
    return _scenarios[name]


def wait_until(condition, timeout: float = TIMEOUT, step: float = 0.02) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(step)
    return condition()


@pytest.fixture
def broker():
    server = EmbeddedBroker("127.0.0.1", free_port(), code=CODE, hub_secret=SECRET).start()
    yield server
    server.stop()


@pytest.fixture
def hub(broker, tmp_path):
    store = HubStore(tmp_path / "hub")
    hub = Hub(broker.host, broker.port, CODE, store, name="Test", secret=SECRET).start()
    assert hub.wait_connected(TIMEOUT)
    yield hub
    hub.close()
    store.close()


class Laptop:
    """One group's laptop: a real store, a real session and its publisher."""

    def __init__(self, folder: Path, broker, name: str = "tutorial", group: str = "Groep 1", code: str = CODE):
        self.loaded = scenario(name)
        self.store = SessionStore(folder)
        self.clock = ManualClock()
        self.session = GameSession.start(self.loaded, self.clock, store=self.store, group=group)
        self.publisher = Publisher(broker.host, broker.port, code, self.session.session_id, self.store.path,
                                   {"group": group, "scenario": scenario_facts(self.loaded)})

    def status(self) -> None:
        timer = self.session.timer()
        self.publisher.note_status(self.clock.now(), timer.remaining, timer.paused, self.session.state.ended)
        self.publisher.wake()

    def rows(self) -> list[tuple[int, dict]]:
        import json
        return [(seq, json.loads(data)) for seq, data in self.store.db.execute(
            "SELECT seq, data FROM events WHERE session_id=? ORDER BY seq", (self.session.session_id,))]

    def close(self) -> None:
        self.publisher.close()
        self.session.close()
        self.store.close()


@pytest.fixture
def laptops(tmp_path, broker):
    made: list[Laptop] = []

    def make(**kwargs) -> Laptop:
        laptop = Laptop(tmp_path / f"laptop{len(made)}", broker, **kwargs)
        made.append(laptop)
        return laptop
    yield make
    for laptop in made:
        laptop.close()
