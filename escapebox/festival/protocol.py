"""Topics and messages of a festival: JSON objects with a version, checked on arrival.

Every topic starts with ``escapebox/v1/<CODE>/``; the festival code scopes
them, so two festivals on one broker never see each other.  Per group
(``<session>`` is the laptop's own session id):

====================================  ===========  =========================================
topic                                 from → to    what
====================================  ===========  =========================================
``hub``                               hub → all    retained: the festival exists (its name)
``group/<session>/hello``             group → hub  retained: group name and the scenario's facts
``group/<session>/events``            group → hub  QoS 1: a batch of numbered events of the log
``group/<session>/status``            group → hub  retained: clock, time left, paused; the last
                                                   will says ``online: false``
``group/<session>/ack``               hub → group  retained: every event up to ``upto`` is stored
``group/<session>/command``           hub → group  QoS 1: one trainer command, with its ``id``
``all/command``                       hub → all    QoS 1: a command for every group
``group/<session>/reply``             group → hub  QoS 1: what the command did
====================================  ===========  =========================================

A message that is not JSON, too big, of another version, of the wrong kind
or with a wrong field raises :class:`BadMessage`, whose ``reason`` is a
catalogue key (``festival.bad.*``): the receiver logs it and goes on.
"""

from __future__ import annotations

import json
import re
import secrets
from typing import Any

VERSION = 1
PREFIX = "escapebox/v1"
#: the largest message accepted: a batch of BATCH events of a long reflection each stays far below
#: it (a 2000-character answer is about 4 KiB as JSON); anything bigger is refused unread
MAX_BYTES = 256 * 1024
#: events per ``events`` message: 50 keeps a resend after a long offline game to a few dozen
#: messages while each stays small
BATCH = 50
MAX_TEXT = 200
#: code letters without look-alikes (no 0/O, 1/I/L) so a code read off a beamer is typed right
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
#: the hub's user name on a festival's broker; a group's is its session id (escapebox.festival.access)
HUB_USER = "hub"
ACTIONS = ("pause", "resume", "time", "hint", "message", "end")
_SESSION = re.compile(r"[0-9a-zA-Z_-]{1,40}\Z")
_ID = re.compile(r"[0-9a-f]{8,40}\Z")


class BadMessage(ValueError):
    def __init__(self, reason: str, **params: Any):
        super().__init__(reason)
        self.reason = reason
        self.params = params


# ----- the festival code ---------------------------------------------------------------------------
def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normal_code(text: str) -> str | None:
    """The code as typed (spaces, dashes, lower case allowed), or None when it cannot be one."""
    code = re.sub(r"[\s-]", "", text or "").upper()
    if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
        return None
    return code


# ----- topics ----------------------------------------------------------------------------------------
def hub_topic(code: str) -> str:
    return f"{PREFIX}/{code}/hub"


def group_topic(code: str, session: str, part: str) -> str:
    return f"{PREFIX}/{code}/group/{session}/{part}"


def all_topic(code: str) -> str:
    return f"{PREFIX}/{code}/all/command"


def parse_group_topic(code: str, topic: str) -> tuple[str, str] | None:
    """``(session, part)`` of a group topic of this festival, else None."""
    head = f"{PREFIX}/{code}/group/"
    if not topic.startswith(head):
        return None
    rest = topic[len(head):].split("/")
    if len(rest) != 2 or not _SESSION.match(rest[0]):
        return None
    return rest[0], rest[1]


# ----- encoding and checking ---------------------------------------------------------------------------
def encode(kind: str, **fields: Any) -> bytes:
    return json.dumps({"v": VERSION, "kind": kind, **fields}, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def decode(payload: bytes, kind: str) -> dict:
    """The message as a dict, checked for its kind; :class:`BadMessage` otherwise."""
    if len(payload) > MAX_BYTES:
        raise BadMessage("festival.bad.too_big", size=len(payload), limit=MAX_BYTES)
    try:
        message = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BadMessage("festival.bad.not_json") from None
    if not isinstance(message, dict):
        raise BadMessage("festival.bad.not_json")
    if message.get("v") != VERSION:
        raise BadMessage("festival.bad.version", found=str(message.get("v"))[:20], known=VERSION)
    if message.get("kind") != kind:
        raise BadMessage("festival.bad.kind", found=str(message.get("kind"))[:20], expected=kind)
    _CHECKS[kind](message)
    return message


def _need(message: dict, name: str, types, optional: bool = False) -> Any:
    value = message.get(name)
    if value is None and optional:
        return None
    if not isinstance(value, types) or isinstance(value, bool) and bool not in _as_tuple(types):
        raise BadMessage("festival.bad.field", field=name)
    return value


def _as_tuple(types) -> tuple:
    return types if isinstance(types, tuple) else (types,)


def _session(message: dict) -> None:
    if not _SESSION.match(str(_need(message, "session", str))):
        raise BadMessage("festival.bad.field", field="session")


def _check_festival(message: dict) -> None:
    _need(message, "name", str)


def _check_hello(message: dict) -> None:
    _session(message)
    _need(message, "group", str)
    scenario = _need(message, "scenario", dict)
    _need(scenario, "title", str)
    _need(scenario, "locks", int)
    _need(scenario, "time_limit", (int, float), optional=True)
    for name in ("rooms", "puzzles"):
        _need(scenario, name, dict)
    for puzzle in scenario["puzzles"].values():
        if not isinstance(puzzle, dict):
            raise BadMessage("festival.bad.field", field="puzzles")
        _need(puzzle, "title", str)
        _need(puzzle, "hints", int)
        _need(puzzle, "rooms", list)


def _check_events(message: dict) -> None:
    _session(message)
    events = _need(message, "events", list)
    if len(events) > BATCH:
        raise BadMessage("festival.bad.field", field="events")
    for entry in events:
        if not isinstance(entry, dict):
            raise BadMessage("festival.bad.field", field="events")
        number = _need(entry, "n", int)
        if number < 0:
            raise BadMessage("festival.bad.field", field="n")
        _need(entry, "event", dict)


def _check_status(message: dict) -> None:
    _session(message)
    _need(message, "online", bool)
    if message["online"]:
        _need(message, "clock", (int, float))
        _need(message, "remaining", (int, float), optional=True)
        _need(message, "paused", bool)
        _need(message, "ended", bool)


def _check_ack(message: dict) -> None:
    _session(message)
    _need(message, "upto", int)


def _check_command(message: dict) -> None:
    if not _ID.match(str(_need(message, "id", str))):
        raise BadMessage("festival.bad.field", field="id")
    action = _need(message, "action", str)
    if action not in ACTIONS:
        raise BadMessage("festival.bad.field", field="action")
    if action == "time":
        seconds = _need(message, "seconds", int)
        if not -3600 <= seconds <= 3600 or seconds == 0:
            raise BadMessage("festival.bad.field", field="seconds")
    if action == "hint":
        _need(message, "puzzle", str, optional=True)
    if action == "message":
        text = _need(message, "text", str)
        if not text.strip() or len(text) > MAX_TEXT:
            raise BadMessage("festival.bad.field", field="text")


def _check_reply(message: dict) -> None:
    _session(message)
    _need(message, "id", str)
    _need(message, "ok", bool)
    _need(message, "detail", str)


_CHECKS = {"festival": _check_festival, "hello": _check_hello, "events": _check_events,
           "status": _check_status, "ack": _check_ack, "command": _check_command, "reply": _check_reply}


def new_id() -> str:
    return secrets.token_hex(8)


def command(action: str, **fields: Any) -> bytes:
    """A trainer's command, with a fresh id (checked as a receiver would, so a bad one fails here)."""
    payload = encode("command", id=new_id(), action=action, **fields)
    decode(payload, "command")
    return payload


DEFAULT_PORT = 1883


def parse_address(text: str) -> tuple[str, int] | None:
    """``HOST:PORT``, ``HOST`` (port 1883) or ``[v6]:PORT``; None when it is none of these."""
    text = (text or "").strip()
    match = re.fullmatch(r"\[([0-9a-fA-F:.]+)\](?::(\d{1,5}))?|([^\s:\[\]/]+)(?::(\d{1,5}))?", text)
    if not match:
        return None
    host = match.group(1) or match.group(3)
    port = int(match.group(2) or match.group(4) or DEFAULT_PORT)
    return (host, port) if 0 < port < 65536 else None
