"""The hub's own SQLite store: every group's events, kept once each by (session, number).

The laptops' logs stay the source of truth; this is the trainer's copy, so
the wall and the group comparison need no files carried around.  An event
that arrives twice (a resend after a dropped connection, a replayed
message) is stored once: ``INSERT OR IGNORE`` on the primary key.  What is
confirmed to a laptop is :meth:`HubStore.upto`, the last number before the
first gap, so a laptop resends from there and nothing in a gap is skipped.

Like the laptops' store it is owner-only, and sessions older than
:data:`KEEP_DAYS` days are removed when it opens.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from pathlib import Path

from escapebox.paths import data_dir

DB_NAME = "festival.sqlite3"
#: the same 30 days the rest of Escapebox keeps sessions (docs/reports.md)
KEEP_DAYS = 30

_SCHEMA = """
CREATE TABLE IF NOT EXISTS groups (
    session TEXT PRIMARY KEY,
    festival TEXT NOT NULL,
    hello TEXT NOT NULL,
    upto INTEGER NOT NULL DEFAULT -1,
    first_seen REAL NOT NULL,
    last_seen REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    session TEXT NOT NULL REFERENCES groups(session) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (session, seq)
);
"""


class HubStore:
    """Thread-safe: the hub's network thread writes, the wall reads."""

    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder) if folder else data_dir()
        self.folder.mkdir(parents=True, exist_ok=True)
        _owner_only(self.folder, 0o700)
        self.path = self.folder / DB_NAME
        self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        _owner_only(self.path, 0o600)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.executescript(_SCHEMA)
        self._lock = threading.Lock()
        self.delete_older_than(KEEP_DAYS)

    def close(self) -> None:
        with self._lock:
            self.db.close()

    def greet(self, festival: str, session: str, hello: dict) -> None:
        """A group said hello (again): remember its facts; its events so far stay."""
        now = time.time()
        with self._lock:
            self.db.execute(
                "INSERT INTO groups (session, festival, hello, first_seen, last_seen) VALUES (?,?,?,?,?)"
                " ON CONFLICT(session) DO UPDATE SET hello=excluded.hello, festival=excluded.festival,"
                " last_seen=excluded.last_seen",
                (session, festival, json.dumps(hello, ensure_ascii=False), now, now))

    def known(self, session: str) -> bool:
        with self._lock:
            return self.db.execute("SELECT 1 FROM groups WHERE session=?", (session,)).fetchone() is not None

    def add(self, session: str, events: list[tuple[int, str, dict]]) -> tuple[list[int], int]:
        """Store ``(number, type, data)`` events of a known session; returns the numbers that were
        new and the confirmed number (:meth:`upto`) after them."""
        with self._lock, self.db:
            self.db.execute("BEGIN IMMEDIATE")
            new = [number for number, kind, data in events
                   if self.db.execute("INSERT OR IGNORE INTO events VALUES (?,?,?,?)",
                                      (session, number, kind, json.dumps(data, ensure_ascii=False))).rowcount]
            upto = self._advance(session)
        return new, upto

    def _advance(self, session: str) -> int:
        """Move ``upto`` over every number now present without a gap (inside the write transaction)."""
        upto = self.db.execute("SELECT upto FROM groups WHERE session=?", (session,)).fetchone()[0]
        numbers = self.db.execute("SELECT seq FROM events WHERE session=? AND seq>? ORDER BY seq",
                                  (session, upto)).fetchall()
        for (seq,) in numbers:
            if seq != upto + 1:
                break
            upto = seq
        self.db.execute("UPDATE groups SET upto=?, last_seen=? WHERE session=?", (upto, time.time(), session))
        return upto

    def upto(self, session: str) -> int:
        with self._lock:
            row = self.db.execute("SELECT upto FROM groups WHERE session=?", (session,)).fetchone()
        return -1 if row is None else row[0]

    def events(self, session: str) -> list[tuple[int, dict]]:
        with self._lock:
            rows = self.db.execute("SELECT seq, data FROM events WHERE session=? ORDER BY seq",
                                   (session,)).fetchall()
        return [(seq, json.loads(data)) for seq, data in rows]

    def groups(self, festival: str | None = None) -> list[dict]:
        """``session``, ``festival``, ``hello`` (a dict) and ``upto`` of every group, oldest first."""
        query = "SELECT session, festival, hello, upto FROM groups"
        args: tuple = ()
        if festival is not None:
            query, args = query + " WHERE festival=?", (festival,)
        with self._lock:
            rows = self.db.execute(query + " ORDER BY first_seen", args).fetchall()
        return [{"session": s, "festival": f, "hello": json.loads(h), "upto": u} for s, f, h, u in rows]

    def delete_older_than(self, days: int) -> int:
        limit = time.time() - days * 86400
        with self._lock:
            cursor = self.db.execute("DELETE FROM groups WHERE last_seen < ?", (limit,))
        return cursor.rowcount


def _owner_only(path: Path, mode: int) -> None:
    try:
        os.chmod(path, mode)
    except OSError:     # a file system without modes (a FAT stick): the folder's own rights hold
        pass
