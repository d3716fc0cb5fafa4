"""Saved sessions in SQLite: every applied command is committed before it is shown.

One database file in the user's data folder, owner-only, in WAL mode with
``synchronous=FULL`` (a pulled plug loses nothing that was confirmed) and
``secure_delete=ON`` (a deleted session's reflections are overwritten, not
just unlinked).  Events are stored as JSON rows — no pickle — so a newer
program can read an older file, and an older program refuses a newer one
with a message instead of guessing.

The event classes are imported where events are written or read, not at the
top: opening the store (to offer "continue") is part of drawing the title
screen, and defining the event classes is not needed for that.
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from escapebox.paths import data_dir
from escapebox.problems import EscapeboxError, Problem

if TYPE_CHECKING:  # the event classes load after the first frame (docs/performance.md)
    from escapebox.core import events as E

SCHEMA_VERSION = 2
DB_NAME = "sessions.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    scenario_id TEXT NOT NULL,
    scenario_title TEXT NOT NULL,
    scenario_path TEXT NOT NULL,
    digest TEXT NOT NULL,
    snapshot TEXT NOT NULL,
    group_name TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    finished INTEGER NOT NULL DEFAULT 0,
    clock REAL NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS events (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
);
CREATE TABLE IF NOT EXISTS drafts (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    reflection TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (session_id, reflection)
);
"""

# Migrations from version N to N+1, each a list of SQL statements; tests/fixtures/saves has a file per version.
MIGRATIONS: dict[int, list[str]] = {
    # 2: the clock checkpoint, so a resume never turns time back.
    1: ["ALTER TABLE sessions ADD COLUMN clock REAL NOT NULL DEFAULT 0"],
}


class SessionStore:
    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder) if folder else data_dir()
        self.path = self.folder / DB_NAME
        self.folder.mkdir(parents=True, exist_ok=True)
        _owner_only(self.folder, 0o700)
        self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        _owner_only(self.path, 0o600)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute("PRAGMA secure_delete=ON")
        self.db.execute("PRAGMA foreign_keys=ON")
        self._prepare_schema()
        self._seq: dict[str, int] = {}

    def close(self) -> None:
        self.db.close()

    # ----- schema -------------------------------------------------------------------
    def _prepare_schema(self) -> None:
        self.db.executescript(_SCHEMA)
        row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is None:
            self.db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            return
        version = int(row[0])
        if version > SCHEMA_VERSION:
            raise EscapeboxError([Problem("store.newer_version", {"found": version, "known": SCHEMA_VERSION},
                                          file=str(self.path))])
        while version < SCHEMA_VERSION:
            with self._transaction():
                for statement in MIGRATIONS[version]:
                    self.db.execute(statement)
                version += 1
                self.db.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(version),))

    def _transaction(self):
        return _Transaction(self.db)

    # ----- sessions -------------------------------------------------------------------
    def create_session(self, loaded) -> str:
        session_id = uuid.uuid4().hex[:12]
        now = _now()
        snapshot = _snapshot(loaded.source)
        with self._transaction():
            self.db.execute(
                "INSERT INTO sessions (id, scenario_id, scenario_title, scenario_path, digest, snapshot,"
                " created, updated) VALUES (?,?,?,?,?,?,?,?)",
                (session_id, loaded.scenario.id, loaded.scenario.title, str(loaded.source),
                 loaded.digest, snapshot, now, now))
        self._seq[session_id] = 0
        return session_id

    def append(self, session_id: str, events: list[E.Event]) -> None:
        """Write events in one transaction; raises ``OSError`` when the disk refuses."""
        from escapebox.core import events as E
        seq = self._next_seq(session_id)
        group = next((e.name for e in reversed(events) if isinstance(e, E.GroupNamed)), None)
        finished = any(isinstance(e, (E.Escaped, E.GameEnded)) for e in events)
        try:
            with self._transaction():
                self.db.executemany(
                    "INSERT INTO events (session_id, seq, type, data) VALUES (?,?,?,?)",
                    [(session_id, seq + n, e.type, json.dumps(e.to_dict(), ensure_ascii=False))
                     for n, e in enumerate(events)])
                self.db.execute("UPDATE sessions SET updated=?, finished=MAX(finished, ?),"
                                " group_name=COALESCE(?, group_name) WHERE id=?",
                                (_now(), int(finished), group, session_id))
        except sqlite3.Error as exc:
            raise OSError(str(exc)) from None
        self._seq[session_id] = seq + len(events)

    def _next_seq(self, session_id: str) -> int:
        if session_id not in self._seq:
            row = self.db.execute("SELECT COALESCE(MAX(seq) + 1, 0) FROM events WHERE session_id=?",
                                  (session_id,)).fetchone()
            self._seq[session_id] = row[0]
        return self._seq[session_id]

    def events(self, session_id: str) -> list[E.Event]:
        from escapebox.core import events as E
        rows = self.db.execute("SELECT data FROM events WHERE session_id=? ORDER BY seq", (session_id,))
        loaded = []
        for (data,) in rows:
            try:
                loaded.append(E.event_from_dict(json.loads(data)))
            except (ValueError, TypeError):
                continue  # an event type from a newer version: skip it rather than lose the session
        return loaded

    def session(self, session_id: str) -> dict | None:
        row = self.db.execute("SELECT * FROM sessions WHERE id=?", (session_id,)).fetchone()
        return _row_dict(self.db, row) if row else None

    def sessions(self) -> list[dict]:
        cursor = self.db.execute("SELECT * FROM sessions ORDER BY created DESC")
        return [_row_dict(self.db, row, cursor) for row in cursor.fetchall()]

    def latest_unfinished(self, scenario_id: str | None = None) -> dict | None:
        for info in self.sessions():
            if not info["finished"] and (scenario_id is None or info["scenario_id"] == scenario_id):
                return info
        return None

    def delete(self, session_id: str) -> bool:
        with self._transaction():
            cursor = self.db.execute("DELETE FROM sessions WHERE id=?", (session_id,))
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return cursor.rowcount > 0

    def delete_older_than(self, days: int) -> int:
        limit = datetime.now().astimezone().timestamp() - days * 86400
        old = [s["id"] for s in self.sessions() if _timestamp(s["updated"]) < limit]
        for session_id in old:
            self.delete(session_id)
        return len(old)

    def checkpoint(self, session_id: str, clock: float) -> None:
        """Remember how far the clock got, so a resume never turns time back."""
        try:
            self.db.execute("UPDATE sessions SET clock=MAX(clock, ?) WHERE id=?", (clock, session_id))
        except sqlite3.Error as exc:
            raise OSError(str(exc)) from None

    # ----- drafts --------------------------------------------------------------------------
    def save_draft(self, session_id: str, reflection: str, text: str) -> None:
        try:
            with self._transaction():
                self.db.execute("INSERT INTO drafts VALUES (?,?,?) ON CONFLICT(session_id, reflection)"
                                " DO UPDATE SET text=excluded.text", (session_id, reflection, text))
        except sqlite3.Error as exc:
            raise OSError(str(exc)) from None

    def draft(self, session_id: str, reflection: str) -> str | None:
        row = self.db.execute("SELECT text FROM drafts WHERE session_id=? AND reflection=?",
                              (session_id, reflection)).fetchone()
        return row[0] if row else None

    def drafts(self, session_id: str) -> dict[str, str]:
        rows = self.db.execute("SELECT reflection, text FROM drafts WHERE session_id=?", (session_id,))
        return dict(rows.fetchall())


class _Transaction:
    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, kind, value, tb):
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")
        return False


def _snapshot(source: Path) -> str:
    """The scenario text as it was at the start, to say later what changed.

    Packs are not kept: they are binary, can be large, and hide their answers.
    """
    if source.suffix == ".escapebox" or not source.is_file():
        return ""
    try:
        return source.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _row_dict(db, row, cursor=None) -> dict:
    cursor = cursor or db.execute("SELECT * FROM sessions LIMIT 0")
    return {d[0]: v for d, v in zip(cursor.description, row)}


def _owner_only(path: Path, mode: int) -> None:
    try:
        os.chmod(path, mode)
    except OSError:
        pass


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _timestamp(text: str) -> float:
    try:
        return datetime.fromisoformat(text).timestamp()
    except ValueError:
        return 0.0


def open_store(folder: Path | None = None) -> tuple[SessionStore | None, Problem | None]:
    """Open the saves, or explain why not: play must go on even when the disk says no."""
    try:
        return SessionStore(folder), None
    except EscapeboxError as exc:
        return None, exc.problems[0]
    except (OSError, sqlite3.Error) as exc:
        where = str(folder or data_dir())
        return None, Problem("store.unavailable", {"folder": where, "reason": type(exc).__name__}, file=where)
