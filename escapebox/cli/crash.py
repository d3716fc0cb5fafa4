"""Turn an unexpected crash into a short message and a crash log on disk.

Users never see a traceback; the trainer can send the log file to us.  The
log holds the traceback only — no reflection text, which may describe a
real student (the exception message is left out for that reason).
"""

from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path

from escapebox.i18n import Translator
from escapebox.paths import log_dir


def crash_folder() -> Path:
    return log_dir()


def report_crash(exc: BaseException, tr: Translator) -> str:
    try:
        folder = crash_folder()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S}.log"
        frames = traceback.format_tb(exc.__traceback__)
        path.write_text(f"{type(exc).__name__}\n{''.join(frames)}", encoding="utf-8")
        return tr("cli.crash", path=str(path))
    except OSError:
        return tr("cli.crash_no_log")
