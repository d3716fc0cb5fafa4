"""The group's side: publish the laptop's own event log to the festival, and take in commands.

The game never waits for the network.  The paho client runs its own thread,
and a worker thread (``festival-publisher``) reads new rows from the
laptop's SQLite log through a read-only connection of its own and publishes
them, numbered as they are in the log, with QoS 1.  The pygame loop only
calls :meth:`Publisher.wake` (new events are there), :meth:`note_status`
(a few numbers about the clock) and reads :attr:`Publisher.commands` and
:meth:`Publisher.notices`, both queues.

Nothing is lost and nothing doubled: the hub confirms on a retained topic
up to which number it holds everything, and after every (re)connection —
or when :data:`RESEND_AFTER` seconds pass without that number moving —
the publisher goes back to it and sends on from there.  A laptop that was
offline for the whole game is synced the same way when it joins again
(:func:`sync`).  The last will on the status topic says ``online: false``,
so the wall shows a lost laptop within the keep-alive time.
"""

from __future__ import annotations

import json
import logging
import queue
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from escapebox.festival import protocol as P

log = logging.getLogger(__name__)

#: the broker declares a silent laptop gone after 1.5 keep-alives: 4 s keep-alive shows it
#: "offline" on the wall within 6 s, at one small ping each 4 s per laptop
KEEPALIVE = 4
#: seconds without the confirmed number moving while events wait: then send again from it
RESEND_AFTER = 3.0
#: how long after connecting the hub's retained announcement must have arrived, else the code
#: is wrong: a retained message arrives with the subscription's answer, well under a second on a LAN
JOIN_TIMEOUT = 5.0
#: the worker looks at the log this often when nobody wakes it (a game always wakes it)
POLL = 0.5
#: the status is sent again at least this often, so the wall's clock never drifts far
STATUS_EVERY = 5.0


@dataclass(frozen=True)
class Notice:
    """Something the group's screen should say: a catalogue key and its values."""

    key: str
    params: dict


def scenario_facts(loaded, index=None) -> dict:
    """What the wall needs to know of the scenario, sent once in the hello."""
    scenario = loaded.scenario
    index = index or loaded.index
    minutes = scenario.timer.minutes
    return {
        "id": scenario.id, "title": scenario.title, "locks": len(scenario.puzzles),
        "time_limit": minutes * 60 if minutes else None,
        "rooms": {rid: room.name for rid, room in scenario.rooms.items()},
        "puzzles": {pid: {"title": puzzle.title, "hints": len(puzzle.hints),
                          "rooms": list(index.puzzle_rooms.get(pid, []))}
                    for pid, puzzle in scenario.puzzles.items()},
    }


class LogReader:
    """Rows of one session's log from the laptop's SQLite file, on a connection of its own."""

    def __init__(self, path: Path, session: str):
        self.path, self.session = Path(path), session
        self._db: sqlite3.Connection | None = None

    def after(self, number: int, limit: int = P.BATCH) -> list[dict]:
        if self._db is None:
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        rows = self._db.execute("SELECT seq, data FROM events WHERE session_id=? AND seq>? ORDER BY seq LIMIT ?",
                                (self.session, number, limit)).fetchall()
        out = []
        for seq, data in rows:
            try:
                out.append({"n": seq, "event": json.loads(data)})
            except ValueError:   # a damaged row: the laptop's own resume reports it; send the rest
                out.append({"n": seq, "event": {"type": "damaged"}})
        return out

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


class Publisher:
    def __init__(self, host: str, port: int, code: str, session: str, log_path: Path, hello: dict,
                 client_factory=None):
        self.host, self.port, self.code, self.session = host, port, code, session
        self.hello = {"session": session, **hello}
        self.reader = LogReader(log_path, session)
        #: commands from the trainer, each once (by id), for the game loop
        self.commands: queue.Queue[dict] = queue.Queue()
        self._notices: queue.Queue[Notice] = queue.Queue()
        self._seen: set[str] = set()
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        #: the hub holds every event up to this number
        self.confirmed = -1
        #: events up to this number were published since the last going back
        self.sent = -1
        self.joined = False
        self.connected = False
        self._connected_at: float | None = None
        self._said_wrong_code = False
        self._said_unreachable = False
        self._started = time.monotonic()
        self._last_progress = time.monotonic()
        self._status: dict | None = None
        self._status_sent = 0.0
        self._status_changed = False
        self._client = (client_factory or _paho_client)(f"escapebox-{session}")
        self._setup_client()
        self._worker = threading.Thread(target=self._work, name="festival-publisher", daemon=True)

    # ----- the game thread's side -------------------------------------------------------------------
    def start(self) -> "Publisher":
        self._started = time.monotonic()
        try:
            self._client.connect_async(self.host, self.port, keepalive=KEEPALIVE)
        except (OSError, ValueError) as exc:    # a host name that cannot be looked up
            self._notify("festival.join.unreachable", address=f"{self.host}:{self.port}", reason=str(exc))
        self._client.loop_start()
        self._worker.start()
        return self

    def wake(self) -> None:
        self._wake.set()

    def note_status(self, clock: float, remaining: float | None, paused: bool, ended: bool) -> None:
        status = {"clock": round(clock, 1), "remaining": None if remaining is None else round(remaining, 1),
                  "paused": paused, "ended": ended}
        with self._lock:
            if self._status is None or {k: v for k, v in status.items() if k != "clock"} != \
                    {k: v for k, v in self._status.items() if k != "clock"}:
                self._status_changed = True
            self._status = status

    def notices(self) -> list[Notice]:
        out = []
        while True:
            try:
                out.append(self._notices.get_nowait())
            except queue.Empty:
                return out

    def reply(self, command_id: str, ok: bool, detail: str = "") -> None:
        self._client.publish(P.group_topic(self.code, self.session, "reply"),
                             P.encode("reply", session=self.session, id=command_id, ok=ok, detail=detail[:P.MAX_TEXT]),
                             qos=1)

    def close(self, timeout: float = 2.0) -> None:
        """Say goodbye (the wall shows "offline" at once, not after the keep-alive) and stop."""
        self._stop.set()
        self._wake.set()
        if self._worker.is_alive():
            self._worker.join(timeout)
        if self.connected:
            info = self._client.publish(P.group_topic(self.code, self.session, "status"),
                                        P.encode("status", session=self.session, online=False), qos=1, retain=True)
            try:
                info.wait_for_publish(timeout)
            except (RuntimeError, ValueError):   # the connection went in the meantime: the will says it
                pass
        self._client.disconnect()
        self._client.loop_stop()
        self.reader.close()

    def in_flight(self) -> int:
        """Messages the broker has not acknowledged yet (paho keeps and resends them itself; it has no
        public count, so this reads its queue)."""
        return len(self._client._out_messages)

    def caught_up(self) -> bool:
        """The hub holds every event of the log (for ``festival sync`` and the tests)."""
        return not self.reader.after(self.confirmed, 1)

    # ----- the network's side -------------------------------------------------------------------------
    def _setup_client(self) -> None:
        client = self._client
        client.will_set(P.group_topic(self.code, self.session, "status"),
                        P.encode("status", session=self.session, online=False), qos=1, retain=True)
        client.reconnect_delay_set(min_delay=1, max_delay=4)
        # the festival's login: this game's id and the festival code (escapebox.festival.access)
        client.username_pw_set(self.session, self.code)
        client.on_connect = self._on_connect
        client.on_disconnect = self._on_disconnect
        client.on_message = self._on_message

    def _on_connect(self, client, userdata, flags, reason, properties=None) -> None:
        if getattr(reason, "is_failure", False):
            if not self._said_wrong_code:       # paho tries again every few seconds: say it once
                self._said_wrong_code = True
                self._notify("festival.join.no_festival", code=self.code, address=f"{self.host}:{self.port}")
            return
        self.connected = True
        self._connected_at = time.monotonic()
        client.subscribe([(P.hub_topic(self.code), 1),
                          (P.group_topic(self.code, self.session, "ack"), 1),
                          (P.group_topic(self.code, self.session, "command"), 1),
                          (P.all_topic(self.code), 1)])
        with self._lock:
            self.sent = self.confirmed          # whatever was in flight may be lost: resend from the hub's word
            self._status_changed = True
        if self.joined:
            self._say_hello()
        self._wake.set()

    def _on_disconnect(self, client, userdata, flags, reason, properties=None) -> None:
        was = self.connected
        self.connected = False
        if was and not self._stop.is_set():
            self._notify("festival.join.dropped")

    def _on_message(self, client, userdata, message) -> None:
        try:
            self._dispatch(message.topic, message.payload)
        except P.BadMessage as bad:
            log.warning("festival: refused a message on %s: %s %s", message.topic, bad.reason, bad.params)

    def _dispatch(self, topic: str, payload: bytes) -> None:
        if topic == P.hub_topic(self.code):
            P.decode(payload, "festival")
            if not self.joined:
                self.joined = True
                self._say_hello()
                self._notify("festival.join.joined", code=self.code)
            self._wake.set()
        elif topic == P.group_topic(self.code, self.session, "ack"):
            ack = P.decode(payload, "ack")
            if ack["session"] == self.session:
                self._confirm(ack["upto"])
        elif topic in (P.group_topic(self.code, self.session, "command"), P.all_topic(self.code)):
            command = P.decode(payload, "command")
            with self._lock:
                if command["id"] in self._seen:
                    return
                self._seen.add(command["id"])
            self.commands.put(command)

    def _confirm(self, upto: int) -> None:
        with self._lock:
            if upto > self.confirmed:
                self.confirmed = upto
                self._last_progress = time.monotonic()
            if upto < self.confirmed:
                # the hub lost what it had confirmed (a new hub store): start again from its word
                self.confirmed = self.sent = upto
        self._wake.set()

    def _say_hello(self) -> None:
        self._client.publish(P.group_topic(self.code, self.session, "hello"), P.encode("hello", **self.hello),
                             qos=1, retain=True)

    def _notify(self, key: str, **params) -> None:
        self._notices.put(Notice(key, params))

    # ----- the worker --------------------------------------------------------------------------------
    def _work(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(POLL)
            self._wake.clear()
            try:
                self._step()
            except sqlite3.Error as exc:     # the log is being written or moved: try again next turn
                log.warning("festival: could not read the log: %s", exc)

    def _step(self) -> None:
        if not self.connected:
            self._check_reachable()
            return
        if not self.joined:
            self._check_code()
            return
        self._send_status()
        now = time.monotonic()
        with self._lock:
            if self.sent > self.confirmed and now - self._last_progress > RESEND_AFTER:
                self.sent = self.confirmed       # sent but never confirmed: the hub missed it
                self._last_progress = now
            after = self.sent
        while not self._stop.is_set():
            batch = self.reader.after(after)
            if not batch:
                return
            self._client.publish(P.group_topic(self.code, self.session, "events"),
                                 P.encode("events", session=self.session, events=batch), qos=1)
            after = batch[-1]["n"]
            with self._lock:
                if self.sent < after:
                    if self.sent == self.confirmed:
                        self._last_progress = now
                    self.sent = after

    def _check_reachable(self) -> None:
        """Never connected within :data:`JOIN_TIMEOUT`: say so once (paho keeps trying by itself)."""
        if self._connected_at is None and not self._said_unreachable and \
                time.monotonic() - self._started > JOIN_TIMEOUT:
            self._said_unreachable = True
            self._notify("festival.join.no_answer", address=f"{self.host}:{self.port}")

    def _check_code(self) -> None:
        if self._connected_at is None or self._said_wrong_code:
            return
        if time.monotonic() - self._connected_at > JOIN_TIMEOUT:
            self._said_wrong_code = True
            self._notify("festival.join.no_festival", code=self.code, address=f"{self.host}:{self.port}")

    def _send_status(self) -> None:
        with self._lock:
            status = self._status
            due = self._status_changed or time.monotonic() - self._status_sent > STATUS_EVERY
            if status is None or not due:
                return
            self._status_changed = False
            self._status_sent = time.monotonic()
        self._client.publish(P.group_topic(self.code, self.session, "status"),
                             P.encode("status", session=self.session, online=True, **status), qos=1, retain=True)


def _paho_client(client_id: str):
    import paho.mqtt.client as mqtt
    # a persistent session (clean_session False): commands sent while the laptop was away are kept
    # by the broker and delivered when it comes back
    return mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=client_id, clean_session=False)
