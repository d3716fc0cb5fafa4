"""Privacy (AVG/GDPR): keep what groups typed only as long as the debrief needs it.

Reflections may describe real students or clients, however often we ask
groups not to.  So saved sessions live only in the user's own data folder,
are deleted automatically after a retention period (``apply_retention``,
called when ``escapebox play`` starts), deleting really overwrites the text
(the store uses ``secure_delete`` and checkpoints its WAL), and no log or
error message ever contains reflection text.

The retention period is, first found wins: the environment variable
``ESCAPEBOX_RETENTION_DAYS`` (for a shared or managed laptop), the key
``retention_days`` in ``settings.toml`` in the data folder, or 30 days.
A value that is not a whole number from 1 to 3650 is ignored, so a typo
never keeps data forever or deletes today's games.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from escapebox.paths import data_dir

DEFAULT_RETENTION_DAYS = 30
SETTINGS_FILE = "settings.toml"
ENV_RETENTION = "ESCAPEBOX_RETENTION_DAYS"
_LIMITS = (1, 3650)


def retention_days(folder: Path | None = None) -> int:
    """How many days sessions are kept, from the environment, the settings file, or the default."""
    for value in (os.environ.get(ENV_RETENTION), _setting(folder or data_dir())):
        days = _valid(value)
        if days is not None:
            return days
    return DEFAULT_RETENTION_DAYS


def _setting(folder: Path):
    try:
        data = tomllib.loads((Path(folder) / SETTINGS_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
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
    session's last activity, so a game resumed yesterday is not lost.
    """
    return store.delete_older_than(retention_days(store.folder))


def privacy_notice(tr, folder: Path | None = None) -> str:
    """The one-sentence notice for the start screen: what is kept, where, for how long."""
    return tr("sessions.privacy_notice", days=retention_days(folder))
