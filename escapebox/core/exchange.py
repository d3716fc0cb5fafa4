"""One JSON file per session, to move sessions between laptops and into reports.

The file is versioned like the database: an older file is upgraded on
import, a newer one is refused with a message.  Importing never overwrites
a session that exists already (same id): it is kept under a new id.
"""

from __future__ import annotations

import json
import math
import uuid
from pathlib import Path

from escapebox.core import events as E
from escapebox.core.store import SessionStore
from escapebox.problems import EscapeboxError, Problem

EXPORT_FORMAT = "escapebox-session"
EXPORT_VERSION = 1
MAX_IMPORT_BYTES = 20 * 1024 * 1024
_SESSION_FIELDS = ("scenario_id", "scenario_title", "scenario_path", "digest", "snapshot", "group_name",
                   "created", "updated", "finished", "clock", "checked")
_NUMBERS = ("finished", "clock", "checked")


def export_session(store: SessionStore, session_id: str) -> dict:
    info = store.session(session_id)
    if info is None:
        raise EscapeboxError([Problem("exchange.no_session", {"id": session_id})])
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "id": session_id,
        "session": {k: info[k] for k in _SESSION_FIELDS},
        "events": [e.to_dict() for e in store.events(session_id)],
        "drafts": store.drafts(session_id),
    }


def write_export(store: SessionStore, session_id: str, path: Path) -> None:
    data = export_session(store, session_id)
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def read_export(path: Path) -> dict:
    name = str(path)
    try:
        raw = Path(path).read_bytes()[: MAX_IMPORT_BYTES + 1]
    except OSError as exc:
        raise EscapeboxError([Problem("exchange.unreadable", {"reason": exc.strerror or str(exc)},
                                      file=name)]) from None
    if len(raw) > MAX_IMPORT_BYTES:
        raise EscapeboxError([Problem("exchange.too_big", {}, file=name)])
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        line = getattr(exc, "lineno", None)
        raise EscapeboxError([Problem("exchange.not_json", {}, file=name, line=line)]) from None
    return _checked(data, name)


def _checked(data, name: str) -> dict:
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise EscapeboxError([Problem("exchange.not_a_session", {}, file=name)])
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise EscapeboxError([Problem("exchange.not_a_session", {}, file=name)])
    if version > EXPORT_VERSION:
        raise EscapeboxError([Problem("exchange.newer", {"found": version, "known": EXPORT_VERSION}, file=name)])
    session, events, drafts = data.get("session"), data.get("events"), data.get("drafts", {})
    if not isinstance(session, dict) or not isinstance(events, list) or not isinstance(drafts, dict):
        raise EscapeboxError([Problem("exchange.not_a_session", {}, file=name)])
    parsed = []
    for number, event in enumerate(events):
        try:
            parsed.append(E.event_from_dict(event))
        except (ValueError, TypeError, AttributeError):
            raise EscapeboxError([Problem("exchange.bad_event", {"number": number + 1}, file=name)]) from None
    for key in ("scenario_id", "scenario_title"):
        if not isinstance(session.get(key), str):
            raise EscapeboxError([Problem("exchange.not_a_session", {}, file=name)])
    for key in _SESSION_FIELDS:
        value = session.get(key)
        wrong = (not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value)
                 or value < 0) if key in _NUMBERS else not isinstance(value, str)
        if value is not None and wrong:
            raise EscapeboxError([Problem("exchange.bad_value", {"field": key, "value": repr(value)[:40]},
                                          file=name)])
    return {"id": str(data.get("id", "")), "session": session, "events": parsed,
            "drafts": {str(k): str(v) for k, v in drafts.items()}}


def import_session(store: SessionStore, data: dict) -> str:
    """Store an exported session; returns its id (a new one if the id is taken)."""
    session_id = data["id"] if data["id"] and store.session(data["id"]) is None else uuid.uuid4().hex[:12]
    info = data["session"]
    # an export from before rule checks (no "checked") is replayed the old, looser way
    values = [str(info.get(k, "")) if k not in _NUMBERS else int(bool(info.get(k))) if k != "clock"
              else float(info.get(k) or 0) for k in _SESSION_FIELDS]
    with store._transaction():
        store.db.execute(f"INSERT INTO sessions (id, {', '.join(_SESSION_FIELDS)}) VALUES (?{', ?' * len(_SESSION_FIELDS)})",
                         [session_id, *values])
    store.append(session_id, data["events"])
    for reflection, text in data["drafts"].items():
        store.save_draft(session_id, reflection, text)
    return session_id
