"""Turn an unexpected crash into a short message and a crash log on disk.

Users never see a traceback; the trainer can send the log file to us.  The
log holds the traceback only — no reflection text, which may describe a
real student (the exception message is left out for that reason).  Even so it is
written for its owner only and deleted like the sessions (``escapebox.privacy``).
"""

from __future__ import annotations

import traceback
from pathlib import Path

from escapebox.i18n import Translator
from escapebox.paths import log_dir
from escapebox.privacy import write_crash_log


def crash_folder() -> Path:
    return log_dir()


def report_crash(exc: BaseException, tr: Translator) -> str:
    try:
        frames = traceback.format_tb(exc.__traceback__)
        path = write_crash_log(f"{type(exc).__name__}\n{''.join(frames)}", crash_folder())
        return tr("cli.crash", path=str(path))
    except OSError:
        return tr("cli.crash_no_log")
