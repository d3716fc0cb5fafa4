"""The same guarantees against Mosquitto, the broker of a permanent setup (skipped where it is not installed)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from escapebox.core.autoplayer import branch_plan
from escapebox.festival.broker import free_port
from escapebox.festival.hub import Hub
from escapebox.festival.hub_store import HubStore
from tests.festival.conftest import CODE, TIMEOUT, Laptop, wait_until
from tests.festival.test_sync import play

MOSQUITTO = shutil.which("mosquitto") or next(
    (path for path in ("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto") if shutil.which(path)), None)


class Mosquitto:
    """Mosquitto on 127.0.0.1 and a free port, started and stopped like the embedded broker."""

    def __init__(self, folder):
        self.host, self.port = "127.0.0.1", free_port()
        self.config = folder / "mosquitto.conf"
        self.config.write_text(f"listener {self.port} 127.0.0.1\nallow_anonymous true\n", encoding="utf-8")
        self.process: subprocess.Popen | None = None

    def start(self) -> "Mosquitto":
        self.process = subprocess.Popen([MOSQUITTO, "-c", str(self.config)], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        return self

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(TIMEOUT)
            self.process = None


@pytest.mark.skipif(MOSQUITTO is None, reason="Mosquitto is not installed here (apt install mosquitto)")
def test_a_game_through_mosquitto_with_a_restart_loses_and_doubles_nothing(tmp_path):
    broker = Mosquitto(tmp_path).start()
    store = HubStore(tmp_path / "hub")
    hub = Hub(broker.host, broker.port, CODE, store).start()
    laptop = Laptop(tmp_path / "laptop", broker)
    try:
        assert hub.wait_connected(TIMEOUT)
        laptop.publisher.start()
        plan = branch_plan(laptop.session)
        play(laptop, plan[:len(plan) // 2])
        broker.stop()
        play(laptop, plan[len(plan) // 2:])
        broker.start()
        session = laptop.session.session_id
        assert wait_until(lambda: hub.store.upto(session) == laptop.rows()[-1][0])
        assert hub.store.events(session) == laptop.rows()
    finally:
        laptop.close()
        hub.close()
        store.close()
        broker.stop()
