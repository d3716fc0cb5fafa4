"""Saved sessions in SQLite: every applied command is committed before it is shown.

One database file in the user's data folder, owner-only, in WAL mode with
``synchronous=FULL`` (a pulled plug loses nothing that was confirmed) and
``secure_delete=ON`` (a deleted session's reflections are overwritten, not
just unlinked).  Events are stored as JSON rows — no pickle — so a newer
program can read an older file, and an older program refuses a newer one
with a message instead of guessing.

A session is written by one process at a time: :meth:`SessionStore.acquire`
takes the session's row in ``locks`` (holder id, pid, host, heartbeat), and
every write checks, in its own transaction, that no one else holds it.  A
lock is stale when its process is gone (same host) or its heartbeat is older
than :data:`STALE_AFTER`; then it may be taken without asking.

Everything read back is checked: a session row with a damaged value, an
event row that is not an event of ours, a gap in the event numbers, a
session without events.  Such a session is reported by name
(:class:`Damage`) and the rest of the file stays usable.

The event classes are imported where events are written or read, not at the
top: opening the store (to offer "continue") is part of drawing the title
screen, and defining the event classes is not needed for that.
"""

from __future__ import annotations

import json
import math
import os
import platform
import sqlite3
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from escapebox.paths import data_dir
from escapebox.problems import EscapeboxError, Problem

if TYPE_CHECKING:  # the event classes load after the first frame (docs/performance.md)
    from escapebox.core import events as E

SCHEMA_VERSION = 3
DB_NAME = "sessions.sqlite3"
#: a holder writes its heartbeat this often (seconds) ...
HEARTBEAT_EVERY = 5.0
#: ... and a lock whose heartbeat is older than this is stale (a crashed or switched-off computer)
STALE_AFTER = 60.0

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
    clock REAL NOT NULL DEFAULT 0,
    checked INTEGER NOT NULL DEFAULT 0
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
CREATE TABLE IF NOT EXISTS locks (
    session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    holder TEXT NOT NULL,
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    heartbeat REAL NOT NULL,
    since TEXT NOT NULL
);
"""
_TABLES = ("meta", "sessions", "events", "drafts", "locks")

# Migrations from version N to N+1, each a list of SQL statements; tests/fixtures/saves has a file per version.
MIGRATIONS: dict[int, list[str]] = {
    # 2: the clock checkpoint, so a resume never turns time back.
    1: ["ALTER TABLE sessions ADD COLUMN clock REAL NOT NULL DEFAULT 0"],
    # 3: one writer per session (the locks table, created with the schema above), and ``checked``:
    # the session's log is replayed through the rules (sessions from before keep the old, looser replay).
    2: ["ALTER TABLE sessions ADD COLUMN checked INTEGER NOT NULL DEFAULT 0"],
}


@dataclass(frozen=True)
class Holder:
    """Who holds a session: the process that may write it."""

    holder: str
    pid: int
    host: str
    heartbeat: float
    since: str

    def is_stale(self, now: float | None = None) -> bool:
        if self.host == _HOST and self.pid != os.getpid() and not _pid_alive(self.pid):
            return True                                   # crashed on this computer
        return (now if now is not None else time.time()) - self.heartbeat > STALE_AFTER

    def is_this_process(self) -> bool:
        return self.host == _HOST and self.pid == os.getpid()

    def params(self, session: dict | None = None) -> dict:
        return {"host": self.host, "pid": self.pid, "since": _when(self.since),
                "seconds": max(0, round(time.time() - self.heartbeat)),
                "session": (session or {}).get("id", ""), "group": (session or {}).get("group_name") or "?"}


class SessionBusy(EscapeboxError):
    """Another live process holds the session: open it read-only, or take it over."""

    def __init__(self, problem: Problem, holder: Holder):
        super().__init__([problem])
        self.holder = holder


class LockLost(Exception):
    """Raised by a write when another process took the session over; nothing was written."""

    def __init__(self, holder: Holder | None):
        super().__init__("session taken over")
        self.holder = holder


class Damage(EscapeboxError):
    """A session whose saved values cannot be used as they are; ``problems`` name it and what is wrong."""


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
        #: damage to the file as a whole (a missing table, an unreadable version), found on opening
        self.problems: list[Problem] = []
        self._prepare_schema()
        #: sessions this process holds: session id -> holder id
        self._held: dict[str, str] = {}

    def close(self) -> None:
        for session_id in list(self._held):
            try:
                self.release(session_id)
            except (OSError, sqlite3.Error):
                pass
        self.db.close()

    # ----- schema -------------------------------------------------------------------
    def _prepare_schema(self) -> None:
        present = {row[0] for row in self.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "meta" in present:      # a file we wrote before: a table of ours that is gone is damage, said once
            for table in _TABLES:
                if table not in present and not (table == "locks" and self._version_text() in ("1", "2")):
                    self.problems.append(Problem("store.table_missing", {"table": table}, file=str(self.path)))
        self.db.executescript(_SCHEMA)
        row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is None:
            self.db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            return
        version = _int(row[0])
        if version is None or version < 1:
            version = self._version_from_tables()
            self.problems.append(Problem("store.bad_version", {"value": str(row[0])[:40], "version": version},
                                         file=str(self.path)))
            self.db.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(version),))
        if version > SCHEMA_VERSION:
            raise EscapeboxError([Problem("store.newer_version", {"found": version, "known": SCHEMA_VERSION},
                                          file=str(self.path))])
        while version < SCHEMA_VERSION:
            with self._transaction():
                for statement in MIGRATIONS[version]:
                    self.db.execute(statement)
                version += 1
                self.db.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(version),))

    def _version_text(self) -> str:
        row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        return str(row[0]) if row else ""

    def _version_from_tables(self) -> int:
        """What the tables say when the version number itself is damaged."""
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(sessions)")}
        return 3 if "checked" in columns else 2 if "clock" in columns else 1

    def _transaction(self):
        return _Transaction(self.db)

    # ----- sessions -------------------------------------------------------------------
    def create_session(self, loaded, events: list[E.Event] | None = None) -> str:
        """A new session with its first events, held by this process: all in one transaction,
        so a crash never leaves a session without its start."""
        session_id = uuid.uuid4().hex[:12]
        now = _now()
        snapshot = scenario_snapshot(loaded)
        holder = uuid.uuid4().hex
        try:
            with self._transaction():
                self.db.execute(
                    "INSERT INTO sessions (id, scenario_id, scenario_title, scenario_path, digest, snapshot,"
                    " created, updated, checked) VALUES (?,?,?,?,?,?,?,?,1)",
                    (session_id, loaded.scenario.id, loaded.scenario.title, str(loaded.source),
                     loaded.digest, snapshot, now, now))
                self.db.execute("INSERT INTO locks VALUES (?,?,?,?,?,?)",
                                (session_id, holder, os.getpid(), _HOST, time.time(), now))
                self._insert(session_id, list(events or []))
        except sqlite3.Error as exc:
            raise OSError(str(exc)) from None
        self._held[session_id] = holder
        return session_id

    def append(self, session_id: str, events: list[E.Event]) -> None:
        """Write events in one transaction.

        Raises ``OSError`` when the disk refuses, and :class:`LockLost` (writing
        nothing) when another process holds the session now.
        """
        try:
            with self._transaction():
                self._check_holder(session_id)
                self._insert(session_id, events)
        except sqlite3.Error as exc:
            raise OSError(str(exc)) from None

    def _insert(self, session_id: str, events: list[E.Event]) -> None:
        """Inside a write transaction: the next numbers are read under the write lock, so two
        writers can never be given the same one."""
        from escapebox.core import events as E
        if not events:
            return
        seq = self.db.execute("SELECT COALESCE(MAX(seq) + 1, 0) FROM events WHERE session_id=?",
                              (session_id,)).fetchone()[0]
        group = next((e.name for e in reversed(events) if isinstance(e, E.GroupNamed)), None)
        finished = any(isinstance(e, (E.Escaped, E.GameEnded)) for e in events)
        self.db.executemany(
            "INSERT INTO events (session_id, seq, type, data) VALUES (?,?,?,?)",
            [(session_id, seq + n, e.type, json.dumps(e.to_dict(), ensure_ascii=False))
             for n, e in enumerate(events)])
        self.db.execute("UPDATE sessions SET updated=?, finished=MAX(finished, ?),"
                        " group_name=COALESCE(?, group_name) WHERE id=?",
                        (_now(), int(finished), group, session_id))

    def events(self, session_id: str) -> list[E.Event]:
        """The session's log; :class:`Damage` (naming the session and the step) if any of it is unusable."""
        events, problems = self.read_events(session_id)
        if problems:
            raise Damage(problems)
        return events

    def read_events(self, session_id: str) -> tuple[list[E.Event], list[Problem]]:
        """Every event that can be read, and a problem for each one that cannot (for reports)."""
        from escapebox.core import events as E
        info = self.session(session_id) or {"id": session_id}
        rows = self.db.execute("SELECT seq, type, data FROM events WHERE session_id=? ORDER BY seq",
                               (session_id,)).fetchall()
        loaded: list[E.Event] = []
        problems: list[Problem] = []

        def damaged(number, reason: str, **params) -> None:
            problems.append(Problem("store.damaged_event", {
                "session": session_id, "group": info.get("group_name") or "?", "number": number,
                "reason": f"@{reason}|", **params}, file=str(self.path)))

        expected = 0
        for seq, kind, data in rows:
            if not isinstance(seq, int) or isinstance(seq, bool):
                damaged(expected + 1, "store.event.bad_number", value=repr(seq)[:40])
                continue
            if seq != expected:
                damaged(seq + 1, "store.event.gap", first=expected + 1, last=seq)
            expected = seq + 1
            try:
                event = E.event_from_dict(json.loads(data) if isinstance(data, str) else None)
            except E.BadEvent as exc:
                damaged(seq + 1, exc.reason, field=exc.field, type=exc.kind)
                continue
            except (ValueError, RecursionError):
                damaged(seq + 1, "store.event.not_json")
                continue
            if kind != event.type:
                damaged(seq + 1, "store.event.type_column", type=event.type, field=str(kind)[:40])
                continue
            loaded.append(event)
        if not rows:
            problems.append(Problem("store.no_events", {"session": session_id, "group": info.get("group_name") or "?"},
                                    file=str(self.path)))
        return loaded, problems

    def session(self, session_id: str) -> dict | None:
        """The session's row, its values checked: ``info["damage"]`` lists what had to be replaced."""
        row = self.db.execute("SELECT * FROM sessions WHERE id=?", (session_id,)).fetchone()
        return _clean(_row_dict(self.db, row), str(self.path)) if row else None

    def sessions(self) -> list[dict]:
        """Every session, newest first; ``autoplayed`` says the auto-player played it (its first event)."""
        cursor = self.db.execute("SELECT * FROM sessions ORDER BY created DESC")
        found = [_clean(_row_dict(self.db, row, cursor), str(self.path)) for row in cursor.fetchall()]
        for info in found:
            info["autoplayed"] = self._autoplayed(info["id"])
        return found

    def _autoplayed(self, session_id: str) -> bool:
        row = self.db.execute("SELECT data FROM events WHERE session_id=? ORDER BY seq LIMIT 1",
                              (session_id,)).fetchone()
        try:
            data = json.loads(row[0]) if row else {}
        except (TypeError, ValueError):
            return False      # a damaged first event: the report names the damage, the list stays readable
        return isinstance(data, dict) and data.get("autoplayed") is True

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
        """Sessions whose last activity is older; one whose dates are both unreadable is kept."""
        limit = datetime.now().astimezone().timestamp() - days * 86400
        old = [s["id"] for s in self.sessions()
               if (_timestamp(s["updated"]) or _timestamp(s["created"]) or limit) < limit]
        for session_id in old:
            self.delete(session_id)
        return len(old)

    def checkpoint(self, session_id: str, clock: float) -> None:
        """Remember how far the clock got, so a resume never turns time back (a damaged value is replaced)."""
        try:
            self.db.execute("UPDATE sessions SET clock=CASE WHEN typeof(clock) IN ('real', 'integer')"
                            " AND clock >= 0 THEN MAX(clock, ?) ELSE ? END WHERE id=?", (clock, clock, session_id))
        except sqlite3.Error as exc:
            raise OSError(str(exc)) from None

    # ----- one writer per session --------------------------------------------------------
    def acquire(self, session_id: str, take_over: bool = False) -> None:
        """Hold the session for this process; :class:`SessionBusy` if another live one holds it.

        A stale lock (its process gone, or no heartbeat for :data:`STALE_AFTER`)
        is taken without asking; ``take_over`` takes a live one too (its
        holder then finds, at its next write, that it lost the session).
        """
        holder = uuid.uuid4().hex
        try:
            with self._transaction():
                current = self.holder(session_id)
                if current is not None and not (take_over or current.is_stale() or current.is_this_process()):
                    raise SessionBusy(Problem("store.session_busy", current.params(self.session(session_id)),
                                              file=str(self.path)), current)
                self.db.execute("INSERT OR REPLACE INTO locks VALUES (?,?,?,?,?,?)",
                                (session_id, holder, os.getpid(), _HOST, time.time(), _now()))
        except sqlite3.Error as exc:
            raise OSError(str(exc)) from None
        self._held[session_id] = holder

    def release(self, session_id: str) -> None:
        holder = self._held.pop(session_id, None)
        if holder is None:
            return
        try:
            self.db.execute("DELETE FROM locks WHERE session_id=? AND holder=?", (session_id, holder))
        except sqlite3.Error as exc:
            raise OSError(str(exc)) from None

    def heartbeat(self, session_id: str) -> None:
        """Say this process is still here; :class:`LockLost` if the session was taken over meanwhile."""
        if session_id not in self._held:
            return
        try:
            cursor = self.db.execute("UPDATE locks SET heartbeat=? WHERE session_id=? AND holder=?",
                                     (time.time(), session_id, self._held[session_id]))
        except sqlite3.Error as exc:
            raise OSError(str(exc)) from None
        if cursor.rowcount != 1:
            self._held.pop(session_id, None)
            raise LockLost(self.holder(session_id))

    def holder(self, session_id: str) -> Holder | None:
        row = self.db.execute("SELECT holder, pid, host, heartbeat, since FROM locks WHERE session_id=?",
                              (session_id,)).fetchone()
        if row is None:
            return None
        holder, pid, host, beat, since = row
        # a damaged lock row is a stale one (pid 0 never runs a game, heartbeat 0 is long ago)
        return Holder(str(holder), pid if isinstance(pid, int) else 0, str(host),
                      float(beat) if isinstance(beat, (int, float)) and math.isfinite(beat) else 0.0, str(since))

    def holds(self, session_id: str) -> bool:
        return session_id in self._held

    def still_held(self, session_id: str) -> None:
        """:class:`LockLost` if another process holds the session now (a read: asked before every command)."""
        self._check_holder(session_id)

    def _check_holder(self, session_id: str) -> None:
        """Refuse when another process holds the session (or took it and left); in a write transaction
        this is the guarantee, outside one a cheap early answer."""
        current = self.holder(session_id)
        mine = self._held.get(session_id)
        if (current is None and mine is not None) or (current is not None and current.holder != mine):
            self._held.pop(session_id, None)
            raise LockLost(current)

    # ----- drafts --------------------------------------------------------------------------
    def save_draft(self, session_id: str, reflection: str, text: str) -> None:
        try:
            with self._transaction():
                self._check_holder(session_id)
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


def scenario_snapshot(loaded) -> str:
    """The scenario text as it was loaded, to say later what changed and to replay the rules it had.

    The very bytes that were loaded (so its SHA-256 is the scenario's digest;
    not re-read from disk, which may have changed since).  Packs are not kept:
    they are binary, can be large, and hide their answers.
    """
    if loaded.source.suffix == ".escapebox":
        return ""
    raw = getattr(loaded, "raw", b"")
    if raw:
        return raw.decode("utf-8", errors="replace")
    try:
        return loaded.source.read_text(encoding="utf-8", errors="replace") if loaded.source.is_file() else ""
    except OSError:
        return ""


def _row_dict(db, row, cursor=None) -> dict:
    cursor = cursor or db.execute("SELECT * FROM sessions LIMIT 0")
    return {d[0]: v for d, v in zip(cursor.description, row)}


_TEXT_FIELDS = ("id", "scenario_id", "scenario_title", "scenario_path", "digest", "snapshot", "group_name",
                "created", "updated")


def _clean(info: dict, file: str) -> dict:
    """Replace values of the wrong kind (a hand-edited or damaged file) and say which, naming the session."""
    damage: list[Problem] = []

    def bad(key: str, value: Any, replacement: Any) -> None:
        damage.append(Problem("store.bad_value", {"session": str(info.get("id")), "group": "?", "field": key,
                                                  "value": repr(value)[:40]}, file=file))
        info[key] = replacement

    for key in _TEXT_FIELDS:
        value = info.get(key, "")
        if not isinstance(value, str):
            bad(key, value, value.decode("utf-8", "replace") if isinstance(value, bytes) else
                "" if value is None else str(value))
    finished = info.get("finished", 0)
    if finished not in (0, 1) or isinstance(finished, float):
        bad("finished", finished, 0)
    clock = info.get("clock", 0.0)
    if isinstance(clock, bool) or not isinstance(clock, (int, float)) or not math.isfinite(clock) or clock < 0:
        bad("clock", clock, 0.0)
    checked = info.get("checked", 0)
    if checked not in (0, 1) or isinstance(checked, float):
        bad("checked", checked, 1)        # when in doubt, check the rules
    for problem in damage:
        problem.params["group"] = info["group_name"] or "?"
    info["damage"] = damage
    return info


def _int(text) -> int | None:
    try:
        return int(str(text).strip())
    except ValueError:
        return None


def _pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer (a live lock's owner)."""
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill(pid, 0) would end the process on Windows
        import ctypes
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)        # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() == 5                  # access denied: it exists
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259                                 # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    try:                                       # Linux: a killed process its parent has not reaped yet
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[-1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


#: the host name as ``socket.gethostname()`` gives it, without importing socket (10 ms of start-up, pyinstrument)
_HOST = platform.node()


def _owner_only(path: Path, mode: int) -> None:
    try:
        os.chmod(path, mode)
    except OSError:
        pass


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _timestamp(text: str) -> float | None:
    try:
        return datetime.fromisoformat(text).timestamp()
    except (TypeError, ValueError):
        return None


def _when(text: str) -> str:
    try:
        return datetime.fromisoformat(text).strftime("%H:%M")
    except (TypeError, ValueError):
        return text


def open_store(folder: Path | None = None) -> tuple[SessionStore | None, Problem | None]:
    """Open the saves, or explain why not: play must go on even when the disk says no."""
    try:
        return SessionStore(folder), None
    except EscapeboxError as exc:
        return None, exc.problems[0]
    except (OSError, sqlite3.Error) as exc:
        where = str(folder or data_dir())
        return None, Problem("store.unavailable", {"folder": where, "reason": type(exc).__name__}, file=where)
