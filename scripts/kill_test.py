"""Kill the game with SIGKILL at random instants; every confirmed action must survive.

A child process plays the all-mechanics fixture with random commands
through ``GameSession.apply`` and the SQLite store, printing how many
events were confirmed after each command returns.  The parent kills it at
a random moment, reopens the store, resumes the session, and checks that
every confirmed event is there and replays cleanly.

Run: ``python scripts/kill_test.py [ROUNDS]`` (default 200).  Prints one line
per failure and a summary; exits 1 when any round lost data.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHILD = r"""
import random, sys
sys.path.insert(0, {root!r})
from escapebox.core import commands as C
from escapebox.core.clock import MonotonicClock
from escapebox.core.session import GameSession
from escapebox.core.store import SessionStore
from escapebox.scenario.loader import load_scenario
loaded = load_scenario({fixture!r})
store = SessionStore({data!r})
session = GameSession.start(loaded, MonotonicClock(), store=store, group="Kill")
print("SESSION", session.session_id, flush=True)
s = loaded.scenario
rng = random.Random({seed})
objects = [o for r in s.rooms.values() for o in r.objects]
while True:
    pick = rng.randrange(6)
    if pick == 0: cmd = C.Inspect(rng.choice(objects))
    elif pick == 1: cmd = C.EnterRoom(rng.choice(list(s.rooms)))
    elif pick == 2: cmd = C.TryAnswer(rng.choice(list(s.puzzles)), rng.choice(["0412", "zorg", "x", "4z"]))
    elif pick == 3: cmd = C.TakeHint(rng.choice(list(s.puzzles)))
    elif pick == 4 and session.current_reflection():
        cmd = C.AnswerReflection(session.current_reflection(), "antwoord %d" % rng.randrange(1000))
    else: cmd = C.TakeItem(rng.choice(list(s.items)))
    session.apply(cmd)
    if session.state.ended:
        session = GameSession.start(loaded, MonotonicClock(), store=store, group="Kill")
        print("SESSION", session.session_id, flush=True)
    print("CONFIRMED", session.session_id, len(session.state.events), flush=True)
"""


def one_round(seed: int) -> str | None:
    from escapebox.core.clock import ManualClock
    from escapebox.core.resume import resume_session
    from escapebox.core.store import SessionStore
    from escapebox.scenario.loader import load_scenario

    data = tempfile.mkdtemp(prefix="escapebox-kill-")
    fixture = str(ROOT / "tests" / "fixtures" / "alles")
    code = CHILD.format(root=str(ROOT), fixture=fixture, data=data, seed=seed)
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    first = ""
    while not first.rstrip("\n").split("\n")[-1].startswith("CONFIRMED"):  # wait until play has begun
        line = child.stdout.readline()
        if not line:
            break
        first += line
    time.sleep(random.Random(seed).uniform(0.0, 1.0))
    child.send_signal(signal.SIGKILL)
    output, _ = child.communicate()
    output = first + output
    confirmed: dict[str, int] = {}
    for line in output.split("\n")[:-1]:  # the last piece may be cut off by the kill
        parts = line.split()
        if parts and parts[0] == "CONFIRMED":
            confirmed[parts[1]] = int(parts[2])
    store = SessionStore(data)
    loaded = load_scenario(fixture)
    for session_id, count in confirmed.items():
        stored = store.events(session_id)
        if len(stored) < count:
            return f"seed {seed}: session {session_id} has {len(stored)} events, {count} were confirmed"
        session, _ = resume_session(loaded, store, session_id, ManualClock())
        if len(session.state.events) != len(stored):
            return f"seed {seed}: resume of {session_id} replayed {len(session.state.events)} of {len(stored)}"
    store.close()
    return None if confirmed else f"seed {seed}: the child confirmed nothing before it was killed"


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    failures = [f for f in (one_round(seed) for seed in range(rounds)) if f]
    for failure in failures:
        print(failure)
    print(f"kill test: {rounds - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
