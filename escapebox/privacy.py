"""Privacy (AVG/GDPR): keep what groups typed only as long as the debrief needs it.

Reflections may describe real students or clients, however often we ask
groups not to.  So saved sessions live only in the user's own data folder,
are deleted automatically after a retention period (``apply_retention``,
called when ``escapebox play`` starts), deleting really overwrites the text
(the store uses ``secure_delete`` and checkpoints its WAL), and no log or
error message ever contains reflection text.

Crash logs (``escapebox/cli/crash.py``) live in the user log folder, which is another folder
than the data folder (``escapebox/paths.py``; the same one only with ``ESCAPEBOX_DATA_DIR``).
They hold only a traceback, but a traceback may still quote something a group typed, so they
are treated like the sessions: written for their owner only (folder 0700, file 0600,
:func:`write_crash_log`), deleted with ``escapebox sessions delete --all`` and, after the same
retention period, by ``apply_retention`` (:func:`delete_crash_logs`).

The retention period is, first found wins: the environment variable
``ESCAPEBOX_RETENTION_DAYS`` (for a shared or managed laptop), the key
``retention_days`` in ``settings.toml`` in the data folder, or 30 days.
A value that is not a whole number from 1 to 3650 is ignored, so a typo
never keeps data forever or deletes today's games.
"""

from __future__ import annotations

import os
import time
from datetime import datetime
from pathlib import Path

from escapebox.paths import SETTINGS_FILE, data_dir, log_dir

DEFAULT_RETENTION_DAYS = 30
ENV_RETENTION = "ESCAPEBOX_RETENTION_DAYS"
_LIMITS = (1, 3650)
#: How crash logs are named in the log folder (``crash-20261123-142501.log``).
CRASH_PREFIX, CRASH_SUFFIX = "crash-", ".log"


def retention_days(folder: Path | None = None) -> int:
    """How many days sessions are kept, from the environment, the settings file, or the default."""
    for value in (os.environ.get(ENV_RETENTION), _setting(folder or data_dir())):
        days = _valid(value)
        if days is not None:
            return days
    return DEFAULT_RETENTION_DAYS


def _setting(folder: Path):
    try:
        text = (Path(folder) / SETTINGS_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    import tomllib  # only when there is a settings file: importing it cost every start 3-4 ms (docs/performance.md)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None
    return data.get("retention_days")


def _valid(value) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        days = int(str(value).strip())
    except ValueError:
        return None
    return days if _LIMITS[0] <= days <= _LIMITS[1] else None


def apply_retention(store) -> int:
    """Delete sessions not touched for longer than the retention period; returns how many.

    Call once at start-up (``escapebox play``).  Age is counted from the
    session's last activity, so a game resumed yesterday is not lost.  Crash logs older
    than the same period go too (:func:`delete_crash_logs`).
    """
    days = retention_days(store.folder)
    deleted = store.delete_older_than(days)
    delete_crash_logs(older_than_days=days)
    return deleted


# ----- crash logs ---------------------------------------------------------------------------
def crash_logs(folder: Path | None = None) -> list[Path]:
    """The crash logs in the log folder (``folder`` or :func:`escapebox.paths.log_dir`), oldest first."""
    folder = Path(folder) if folder is not None else log_dir()
    try:
        found = [p for p in folder.iterdir()
                 if p.name.startswith(CRASH_PREFIX) and p.name.endswith(CRASH_SUFFIX) and p.is_file()
                 and not p.is_symlink()]
    except OSError:
        return []
    return sorted(found)


def write_crash_log(text: str, folder: Path | None = None) -> Path:
    """Write a new crash log that only its owner can read; raises ``OSError`` when it cannot.

    The folder is made (or made private again) 0700 and the file is created 0600 in one
    step, so there is no moment at which another user could read it.  Two crashes in the
    same second get two files.
    """
    folder = Path(folder) if folder is not None else log_dir()
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.mkdir(mode=0o700, exist_ok=True)
    _owner_only(folder, 0o700)
    stamp = f"{CRASH_PREFIX}{datetime.now():%Y%m%d-%H%M%S}"
    for number in range(1, 100):
        path = folder / (stamp + (f"-{number}" if number > 1 else "") + CRASH_SUFFIX)
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        except FileExistsError:
            continue
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        _owner_only(path, 0o600)  # whatever the umask
        return path
    raise FileExistsError(str(folder / stamp))


def delete_crash_logs(older_than_days: int | None = None, folder: Path | None = None) -> int:
    """Delete crash logs (all, or those last written more than ``older_than_days`` ago); returns how many.

    Each is overwritten with zeros before it is unlinked, like the store's ``secure_delete``
    (on an SSD or a copy-on-write file system the old blocks may still exist until reused).
    Never raises: a log that cannot be deleted is left for the next time.
    """
    limit = None if older_than_days is None else time.time() - older_than_days * 86400
    deleted = 0
    for path in crash_logs(folder):
        try:
            if limit is not None and path.stat().st_mtime >= limit:
                continue
            _overwrite(path)
            path.unlink()
            deleted += 1
        except OSError:
            continue
    return deleted


def _overwrite(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.write(b"\0" * size)
        handle.flush()
        os.fsync(handle.fileno())


def _owner_only(path: Path, mode: int) -> None:
    try:
        os.chmod(path, mode)
    except OSError:  # a file system without permissions (FAT on a USB stick, Windows)
        pass


def privacy_notice(tr, folder: Path | None = None) -> str:
    """The one-sentence notice for the start screen: what is kept, where, for how long."""
    return tr("sessions.privacy_notice", days=retention_days(folder))
