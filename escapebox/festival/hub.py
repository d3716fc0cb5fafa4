"""The trainer's side: take in every group's events, confirm them, and send the trainer's commands.

The hub is one MQTT client (paho, its own thread) on the festival's broker.
It announces the festival on the retained ``hub`` topic (a laptop with a
wrong code never sees it), stores each group's events in the
:class:`~escapebox.festival.hub_store.HubStore` once each, and answers every
batch with the group's confirmed number on its retained ``ack`` topic.  A
message that is not what the protocol says is refused and logged
(:attr:`Hub.refusals`, for the wall's log line), never raised.

The wall reads :meth:`Hub.tracks`: one :class:`~escapebox.festival.wall.Track`
per group, kept up to date as events come in.
"""

from __future__ import annotations

import collections
import logging
import threading
import time

from escapebox.core import events as E
from escapebox.festival import protocol as P
from escapebox.festival.protocol import HUB_USER
from escapebox.festival.hub_store import HubStore
from escapebox.festival.wall import Track

log = logging.getLogger(__name__)

#: refusals kept for the wall's log (the newest); older ones are only in the log file
KEEP_REFUSALS = 50


class Hub:
    def __init__(self, host: str, port: int, code: str, store: HubStore, name: str = "", client_factory=None,
                 secret: str = ""):
        self.host, self.port, self.code, self.store, self.name = host, port, code, store, name
        self._lock = threading.Lock()
        self._tracks: dict[str, Track] = {}
        self.refusals: collections.deque[tuple[float, str, dict]] = collections.deque(maxlen=KEEP_REFUSALS)
        #: replies of the groups to commands: command id -> {session: (ok, detail)}
        self.replies: dict[str, dict[str, tuple[bool, str]]] = {}
        self.connected = False
        #: grows with every change the wall should show (a new event, a status, a reply, a refusal)
        self.version = 0
        #: called on the network thread after each change, with the session and the event numbers
        #: that were new (none for a status or a reply): the wall wakes its loop, the benchmark times it
        self.listeners: list = []
        self._new: list[int] = []
        self._client = (client_factory or _paho_client)(f"escapebox-hub-{code}")
        self._client.on_connect = self._on_connect
        self._client.on_disconnect = self._on_disconnect
        self._client.on_message = self._on_message
        self._client.reconnect_delay_set(min_delay=1, max_delay=4)
        if secret:       # the embedded broker's hub login (escapebox.festival.access); a broker of one's own: none
            self._client.username_pw_set(HUB_USER, secret)
        self._load()

    def _load(self) -> None:
        """The groups of this festival already in the store (the wall was restarted)."""
        for group in self.store.groups(self.code):
            track = Track.from_hello(group["hello"])
            for number, data in self.store.events(group["session"]):
                track.add(number, data)
            self._tracks[group["session"]] = track

    # ----- running --------------------------------------------------------------------------------
    def start(self) -> "Hub":
        self._client.connect_async(self.host, self.port, keepalive=10)
        self._client.loop_start()
        return self

    def wait_connected(self, timeout: float) -> bool:
        end = time.monotonic() + timeout
        while not self.connected and time.monotonic() < end:
            time.sleep(0.02)
        return self.connected

    def close(self) -> None:
        self._client.disconnect()
        self._client.loop_stop()

    def tracks(self) -> dict[str, Track]:
        """A copy for the wall: session -> track (each track is the hub's own; read, never change it)."""
        with self._lock:
            return dict(self._tracks)

    def send(self, action: str, session: str | None = None, **fields) -> str:
        """A command to one group (``session``) or to all (None); returns its id."""
        payload = P.command(action, **fields)
        topic = P.all_topic(self.code) if session is None else P.group_topic(self.code, session, "command")
        self._client.publish(topic, payload, qos=1)
        return P.decode(payload, "command")["id"]

    # ----- the network ---------------------------------------------------------------------------------
    def _on_connect(self, client, userdata, flags, reason, properties=None) -> None:
        if getattr(reason, "is_failure", False):
            self._refuse("festival.hub.refused", reason=str(reason))
            return
        self.connected = True
        client.subscribe(f"{P.PREFIX}/{self.code}/group/+/+", qos=1)
        client.publish(P.hub_topic(self.code), P.encode("festival", name=self.name), qos=1, retain=True)

    def _on_disconnect(self, client, userdata, flags, reason, properties=None) -> None:
        self.connected = False

    def _on_message(self, client, userdata, message) -> None:
        where = P.parse_group_topic(self.code, message.topic)
        if where is None:
            return
        session, part = where
        handler = {"hello": self._hello, "events": self._events, "status": self._status,
                   "reply": self._reply}.get(part)
        if handler is None:      # our own ack and command topics come back to us: not for the hub
            return
        try:
            payload = P.decode(message.payload, part)
            if payload["session"] != session:
                raise P.BadMessage("festival.bad.other_session", session=str(payload["session"])[:40])
            self._new = []
            handler(session, payload)
            self.version += 1
            for listener in list(self.listeners):
                listener(session, self._new)
        except P.BadMessage as bad:
            self._refuse(bad.reason, topic=message.topic[:120], **bad.params)

    def _refuse(self, reason: str, **params) -> None:
        log.warning("festival hub: refused %s %s", reason, params)
        self.refusals.append((time.time(), reason, params))
        self.version += 1

    def _hello(self, session: str, hello: dict) -> None:
        self.store.greet(self.code, session, hello)
        with self._lock:
            track = self._tracks.get(session)
            if track is None:
                self._tracks[session] = Track.from_hello(hello)
            else:
                track.set_hello(hello)
        self._ack(session, self.store.upto(session))

    def _events(self, session: str, batch: dict) -> None:
        if not self.store.known(session):
            raise P.BadMessage("festival.bad.unknown_session", session=session)
        rows = [(entry["n"], *_checked(entry["event"])) for entry in batch["events"]]
        new, upto = self.store.add(session, rows)
        self._new = new
        with self._lock:
            track = self._tracks.get(session)
            if track is not None:
                for number, _kind, data in rows:
                    if number in new:
                        track.add(number, data)
        self._ack(session, upto)

    def _ack(self, session: str, upto: int) -> None:
        self._client.publish(P.group_topic(self.code, session, "ack"),
                             P.encode("ack", session=session, upto=upto), qos=1, retain=True)

    def _status(self, session: str, status: dict) -> None:
        with self._lock:
            track = self._tracks.get(session)
            if track is not None:
                track.note_status(status, time.monotonic())

    def _reply(self, session: str, reply: dict) -> None:
        with self._lock:
            self.replies.setdefault(reply["id"], {})[session] = (reply["ok"], reply["detail"])


def _checked(data: dict) -> tuple[str, dict]:
    """The event's type and data; an event of ours that does not read back is kept as ``damaged``,
    so its number is not a gap that stops the confirmations, and the wall never folds it."""
    try:
        event = E.event_from_dict(data)
    except (E.BadEvent, TypeError, ValueError):
        log.warning("festival hub: a damaged event %s", str(data)[:120])
        return "damaged", {"type": "damaged"}
    return event.type, data


def _paho_client(client_id: str):
    import paho.mqtt.client as mqtt
    return mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=client_id, clean_session=False)
