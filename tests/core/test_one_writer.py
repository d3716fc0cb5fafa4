"""One game, two windows: a session is written by one process at a time.

The first tests are real processes (the store's lock lives in the database,
so a thread would prove nothing): two windows on one game, a crashed
holder, a second window that takes over.  The others check the lock's rules
in one process: a stale heartbeat, a damaged lock row, the write refused
inside its own transaction.
"""

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from escapebox.core import commands as C
from escapebox.core.clock import ManualClock
from escapebox.core.resume import resume_session
from escapebox.core.store import STALE_AFTER, LockLost, SessionBusy, SessionStore
from escapebox.i18n import Translator

from tests.core.helpers import FIXTURE, fixture_scenario, new_session

ROOT = Path(__file__).parents[2]

# A window in a child process, driven line by line from stdin; it answers with one JSON line each.
WINDOW = r"""
import json, sys
sys.path.insert(0, {root!r})
from escapebox.core import commands as C
from escapebox.core.clock import MonotonicClock
from escapebox.core.resume import resume_session
from escapebox.core.store import SessionBusy, SessionStore
from escapebox.scenario.loader import load_scenario
loaded = load_scenario({fixture!r})
store = SessionStore({data!r})
session = None
for line in sys.stdin:
    word, *rest = line.split()
    if word == "resume":
        try:
            session, _ = resume_session(loaded, store, {sid!r}, MonotonicClock(),
                                        take_over="take_over" in rest, read_only="read_only" in rest)
            reply = {{"resumed": True, "events": len(session.state.events), "read_only": session.read_only}}
        except SessionBusy as busy:
            reply = {{"busy": True, "pid": busy.holder.pid, "host": busy.holder.host}}
    elif word == "answer":
        refused = 0
        for n in range(int(rest[0])):
            events = session.apply(C.TryAnswer("kastcode", rest[1] + str(n)))
            refused += any(e.type == "CommandRefused" for e in events)
        reply = {{"refused": refused, "unsaved": len(session.unsaved), "lost": session.lost}}
    elif word == "beat":
        session.checkpoint()
        reply = {{"lost": session.lost}}
    elif word == "close":
        reply = {{"saved": session.close()}}
    print(json.dumps(reply), flush=True)
"""


class Window:
    def __init__(self, data: Path, session_id: str):
        code = WINDOW.format(root=str(ROOT), fixture=str(FIXTURE), data=str(data), sid=session_id)
        self.process = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)

    def ask(self, line: str) -> dict:
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        assert answer, f"the window died on {line!r}"
        return json.loads(answer)

    def end(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            self.process.wait(timeout=30)


@pytest.fixture
def saved_game(tmp_path):
    store = SessionStore(tmp_path)
    session, _ = new_session(store, group="Groep 4")
    session.apply(C.Inspect("prikbord"))
    session.close()
    store.close()
    return tmp_path, session.session_id


def stored_answers(data: Path, session_id: str) -> list[str]:
    db = sqlite3.connect(data / "sessions.sqlite3")
    rows = db.execute("SELECT seq, data FROM events WHERE session_id=? ORDER BY seq", (session_id,)).fetchall()
    db.close()
    assert [seq for seq, _ in rows] == list(range(len(rows)))          # no gaps, no doubles
    return [json.loads(d)["shown"] for _, d in rows if json.loads(d)["type"] == "WrongAnswer"]


def test_two_processes_on_one_game_never_write_over_each_other(saved_game):
    """The issue's case: both windows resumed the same game, and one lost 28 of its 30 answers silently."""
    data, session_id = saved_game
    first, second = Window(data, session_id), Window(data, session_id)
    try:
        assert first.ask("resume")["resumed"]
        busy = second.ask("resume")                                   # the second window is told, and by whom
        assert busy["busy"] and busy["pid"] == first.process.pid and busy["host"] == socket.gethostname()
        view = second.ask("resume read_only")
        assert view["resumed"] and view["read_only"]
        assert second.ask("answer 2 b") == {"refused": 2, "unsaved": 0, "lost": False}   # a view changes nothing
        assert first.ask("answer 30 a") == {"refused": 0, "unsaved": 0, "lost": False}
        assert stored_answers(data, session_id) == [f"a{n}" for n in range(30)]

        assert second.ask("resume take_over")["resumed"]              # the trainer chose to take over
        assert second.ask("answer 3 b") == {"refused": 0, "unsaved": 0, "lost": False}
        late = first.ask("answer 1 a")                                # the first window finds out, and writes nothing
        assert late == {"refused": 1, "unsaved": 0, "lost": True}
        assert first.ask("beat") == {"lost": True}
        assert second.ask("close") == {"saved": True}
    finally:
        first.end()
        second.end()
    assert stored_answers(data, session_id) == [f"a{n}" for n in range(30)] + ["b0", "b1", "b2"]
    store = SessionStore(data)
    resumed, _ = resume_session(fixture_scenario(), store, session_id, ManualClock())   # and the log follows the rules
    assert resumed.state.wrong["kastcode"][-1] == "b2"
    store.close()


def test_a_crashed_window_does_not_lock_the_game(saved_game):
    data, session_id = saved_game
    crashed = Window(data, session_id)
    assert crashed.ask("resume")["resumed"]
    assert crashed.ask("answer 2 a")["unsaved"] == 0
    crashed.process.send_signal(signal.SIGKILL)
    crashed.process.wait(timeout=30)
    again = Window(data, session_id)
    try:
        assert again.ask("resume")["resumed"]                         # its process is gone: no question asked
        assert again.ask("answer 1 b")["refused"] == 0
    finally:
        again.end()
    assert stored_answers(data, session_id) == ["a0", "a1", "b0"]


def test_closing_gives_the_game_free(saved_game):
    data, session_id = saved_game
    window = Window(data, session_id)
    try:
        assert window.ask("resume")["resumed"]
        assert window.ask("close") == {"saved": True}
        store = SessionStore(data)
        assert store.holder(session_id) is None
        resume_session(fixture_scenario(), store, session_id, ManualClock())
        store.close()
    finally:
        window.end()


def put_lock(data: Path, session_id: str, pid: int, host: str, heartbeat: float) -> None:
    db = sqlite3.connect(data / "sessions.sqlite3")
    db.execute("INSERT OR REPLACE INTO locks VALUES (?, 'elders', ?, ?, ?, '2026-11-23T10:00:00+01:00')",
               (session_id, pid, host, heartbeat))
    db.commit()
    db.close()


def test_a_lock_from_another_computer_is_stale_only_after_its_heartbeat_stops(saved_game):
    data, session_id = saved_game
    put_lock(data, session_id, 4242, "andere-laptop", time.time())
    store = SessionStore(data)
    with pytest.raises(SessionBusy) as caught:
        resume_session(fixture_scenario(), store, session_id, ManualClock())
    assert caught.value.holder.host == "andere-laptop"
    message = caught.value.problems[0].message(Translator("nl"))
    assert "andere-laptop" in message and session_id in message and "Groep 4" in message
    put_lock(data, session_id, 4242, "andere-laptop", time.time() - STALE_AFTER - 1)
    resume_session(fixture_scenario(), store, session_id, ManualClock())   # switched off an hour ago: taken
    assert store.holder(session_id).pid == os.getpid()
    store.close()


def test_a_damaged_lock_row_counts_as_stale(saved_game):
    data, session_id = saved_game
    db = sqlite3.connect(data / "sessions.sqlite3")
    db.execute("INSERT INTO locks VALUES (?, 'x', 'geen pid', 'h', 'nooit', 's')", (session_id,))
    db.commit()
    db.close()
    store = SessionStore(data)
    resume_session(fixture_scenario(), store, session_id, ManualClock())
    store.close()


def test_the_write_itself_refuses_when_the_game_was_taken(tmp_path):
    """Also between the check before a command and its write: the transaction checks again."""
    store = SessionStore(tmp_path)
    session, _ = new_session(store)
    other = SessionStore(tmp_path)
    other._held.clear()
    other.acquire(session.session_id, take_over=True)
    store.still_held = lambda session_id: None                      # as if the check ran just before
    before = len(store.events(session.session_id))
    session.apply(C.Inspect("prikbord"))
    assert session.lost and session.read_only and session.unsaved
    assert len(store.events(session.session_id)) == before
    with pytest.raises(LockLost):
        store.append(session.session_id, session.unsaved)
    assert session.apply(C.Inspect("la"))[0].reason == "store.read_only_refused"
    other.close()
    store.close()
