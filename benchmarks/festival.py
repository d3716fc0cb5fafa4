"""The leerfestival's budgets: 30 groups on loopback against one hub, with dropped connections.

Two processes, like a real festival: the hub (the embedded amqtt broker and
the hub's client and store, what runs on the trainer's laptop; the wall's
window is not part of it) and the groups (real ``GameSession``s with real
SQLite saves and publishers, driven by the auto-player's plans).  Each group
plays one command every 1.5 to 4.5 s, faster than a real group (one every
10 to 30 s), so the hub carries several festivals' worth of traffic.

* first half, no faults: time from a group's commit to the hub having
  stored it (p95 ≤ 250 ms; the wall's loop is woken by the hub at once, so
  the wall adds one frame), and the hub process's CPU (≤ 10 % of one core);
* second half: 20 sockets cut at random moments and one broker restart;
  afterwards every laptop's log must be in the hub's store, nothing lost
  and nothing doubled (0 and 0).

Run::

    python benchmarks/festival.py            # the table
    python benchmarks/festival.py --check    # exit code 1 when a budget is missed
    python benchmarks/festival.py --json
    python benchmarks/festival.py --quick    # 10 groups, 20 s (a smoke test)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")


LATENCY_P95_MS = 250.0
CPU_PERCENT = 10.0
CODE = "BENCH2"
SECRET = "benchmark-hub"
SCENARIOS = ("student-met-rugzak", "zij-instromer", "hele-team-leert", "voorbeeld-compleet", "tutorial")
DISCONNECTS = 20
#: seconds the groups get after the run to send what waits (a reconnect takes 1 to 4 s)
SETTLE = 60.0


# ----- the hub's process ------------------------------------------------------------------------------------------
def hub_process(port: int, folder: Path, restart_at: float, out: Path) -> None:
    from escapebox.festival.broker import EmbeddedBroker
    from escapebox.festival.hub import Hub
    from escapebox.festival.hub_store import HubStore
    broker = EmbeddedBroker("127.0.0.1", port, code=CODE, hub_secret=SECRET).start()
    store = HubStore(folder)
    hub = Hub("127.0.0.1", port, CODE, store, secret=SECRET).start()
    hub.wait_connected(10)
    received: dict[str, float] = {}
    hub.listeners.append(lambda session, numbers: received.update({f"{session}:{n}": time.time() for n in numbers}))
    print("ready", flush=True)
    started, cpu_start = time.monotonic(), _cpu()
    sys.stdin.readline()                               # "go": the groups start playing
    started, cpu_start = time.monotonic(), _cpu()
    time.sleep(max(0.0, restart_at - (time.monotonic() - started)))
    clean = {"seconds": time.monotonic() - started, "cpu": _cpu() - cpu_start}
    broker.stop()
    time.sleep(1.0)
    broker.start()
    sys.stdin.readline()                               # "stop"
    hub.close()
    store.close()
    broker.stop()
    out.write_text(json.dumps({"received": received, "clean": clean,
                               "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


# ----- the groups' process --------------------------------------------------------------------------------------
class Group:
    def __init__(self, folder: Path, port: int, name: str, number: int, loaded):
        from escapebox.core.autoplayer import branch_plan
        from escapebox.core.clock import MonotonicClock
        from escapebox.core.session import GameSession
        from escapebox.core.store import SessionStore
        from escapebox.festival.publisher import Publisher, scenario_facts
        self.store = SessionStore(folder)
        self.session = GameSession.start(loaded, MonotonicClock(), store=self.store, group=f"Groep {number}")
        self.plan = list(branch_plan(self.session))
        self.publisher = Publisher("127.0.0.1", port, CODE, self.session.session_id, self.store.path,
                                   {"group": f"Groep {number}", "scenario": scenario_facts(loaded)}).start()
        self.committed: dict[int, float] = {}
        self.due = time.monotonic() + random.uniform(0, 3)

    def step(self) -> None:
        from escapebox.core.autoplayer import reflection_answer
        session, before = self.session, len(self.session.state.events)
        if session.current_reflection() is not None:
            session.apply(reflection_answer(session, session.current_reflection()))
        elif self.plan and not session.state.ended:
            session.apply(self.plan.pop(0).command)
        now = time.time()
        for number in range(before, len(session.state.events)):
            self.committed[number] = now
        timer = session.timer()
        self.publisher.note_status(session.clock.now(), timer.remaining, timer.paused, session.state.ended)
        self.publisher.wake()
        self.due = time.monotonic() + random.uniform(1.5, 4.5)

    def cut(self) -> None:
        sock = self.publisher._client.socket()
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def rows(self) -> list[tuple[int, dict]]:
        return [(seq, json.loads(data)) for seq, data in self.store.db.execute(
            "SELECT seq, data FROM events WHERE session_id=? ORDER BY seq", (self.session.session_id,))]


def measure(groups: int, seconds: float) -> dict:
    from escapebox.festival.broker import free_port
    from escapebox.festival.hub_store import HubStore
    from escapebox.pack.open import open_scenario
    tmp = Path(tempfile.mkdtemp(prefix="escapebox-festival-bench-"))
    port, out = free_port(), tmp / "hub.json"
    hub = subprocess.Popen([sys.executable, __file__, "--hub-process", str(port), str(tmp / "hub"), str(seconds / 2),
                            str(out)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert hub.stdout.readline().strip() == "ready"
    scenarios = {name: open_scenario(name) for name in SCENARIOS}
    made = [Group(tmp / f"g{n}", port, SCENARIOS[n % len(SCENARIOS)], n + 1, scenarios[SCENARIOS[n % len(SCENARIOS)]])
            for n in range(groups)]
    hub.stdin.write("go\n")
    hub.stdin.flush()
    started = time.monotonic()
    cuts = sorted(random.uniform(seconds / 2 + 2, seconds - 1) for _ in range(DISCONNECTS))
    half_commits: set[tuple[str, int]] = set()
    while time.monotonic() - started < seconds:
        now = time.monotonic()
        for group in made:
            if group.due <= now:
                group.step()
        while cuts and now - started >= cuts[0]:
            cuts.pop(0)
            random.choice(made).cut()
        if now - started < seconds / 2 - 1:       # what was committed in the clean half (and 1 s to arrive)
            half_commits = {(g.session.session_id, n) for g in made for n in g.committed}
        time.sleep(0.01)
    store = HubStore(tmp / "hub")
    end = time.monotonic() + SETTLE
    while time.monotonic() < end and not all(store.upto(g.session.session_id) == len(g.rows()) - 1 for g in made):
        time.sleep(0.2)
    lost = doubled = 0
    for group in made:
        held = dict(store.events(group.session.session_id))
        rows = group.rows()
        lost += sum(1 for n, _data in rows if n not in held)
        doubled += sum(1 for n, data in rows if n in held and held[n] != data) + max(0, len(held) - len(rows))
    store.close()
    hub.stdin.write("stop\n")
    hub.stdin.flush()
    hub.wait(30)
    report = json.loads(out.read_text())
    latencies = sorted((report["received"][f"{sid}:{n}"] - g.committed[n]) * 1000
                       for g in made for sid in [g.session.session_id] for n in g.committed
                       if (sid, n) in half_commits and f"{sid}:{n}" in report["received"])
    for group in made:
        group.publisher.close()
        group.session.close()
        group.store.close()
    clean = report["clean"]
    return {"groups": groups, "seconds": seconds, "events": sum(len(g.committed) for g in made),
            "latency_p50_ms": latencies[len(latencies) // 2] if latencies else float("nan"),
            "latency_p95_ms": latencies[int(len(latencies) * 0.95)] if latencies else float("nan"),
            "hub_cpu_percent": 100 * clean["cpu"] / clean["seconds"], "hub_max_rss_mb": report["max_rss_mb"],
            "disconnects": DISCONNECTS, "broker_restarts": 1, "lost": lost, "doubled": doubled}


def verdicts(result: dict) -> list[tuple[str, float, float | None]]:
    return [("latency_p95_ms", result["latency_p95_ms"], LATENCY_P95_MS),
            ("latency_p50_ms", result["latency_p50_ms"], None),
            ("hub_cpu_percent", result["hub_cpu_percent"], CPU_PERCENT),
            ("hub_max_rss_mb", result["hub_max_rss_mb"], None),
            ("lost", result["lost"], 0), ("doubled", result["doubled"], 0)]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--hub-process"]:
        hub_process(int(argv[1]), Path(argv[2]), float(argv[3]), Path(argv[4]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.quick:
        args.groups, args.seconds = 10, 20.0
    result = measure(args.groups, args.seconds)
    failed = [name for name, value, budget in verdicts(result) if budget is not None and not value <= budget]
    if args.json:
        print(json.dumps({**result, "failed": failed}))
    else:
        print(f"{result['groups']} groups, {result['seconds']:.0f} s, {result['events']} events, "
              f"{DISCONNECTS} cut connections and 1 broker restart in the second half")
        for name, value, budget in verdicts(result):
            verdict = "-" if budget is None else ("PASS" if value <= budget else "FAIL")
            print(f"  {name:18} {value:10.1f}   budget {'-' if budget is None else budget:>6}   {verdict}")
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
