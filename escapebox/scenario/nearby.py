"""The file a trainer most likely meant when the one named is not in the scenario folder.

The usual slips: other capitals (``images/Zorgplan.png``), the folder left out
(``zorgplan.png``) and Windows' backslash (``images\\zorgplan.png``).  Each has exactly
one file that fits, so the message can name it (issue #18).
"""

from __future__ import annotations

import difflib
from pathlib import Path, PurePosixPath

#: A scenario folder with more files than this is not searched (a mistaken folder, such as a home folder).
MAX_FILES = 2000


def closest_file(folder: Path, value: str) -> str | None:
    """The path (as the trainer would write it) of the one file in ``folder`` that ``value`` probably means."""
    files = _files(folder)
    if not files:
        return None
    wanted = value.strip().replace("\\", "/").lstrip("./")
    same = [f for f in files if f.lower() == wanted.lower()]
    if len(same) == 1:
        return same[0]
    name = PurePosixPath(wanted).name.lower()
    named = [f for f in files if PurePosixPath(f).name.lower() == name]
    if len(named) == 1:
        return named[0]
    # A near spelling only of the name, in the same folder: whole paths share their folder, which
    # made 'images/hal.svg' look close to 'images/leeg.svg'.
    folder_of = str(PurePosixPath(wanted).parent).lower()
    beside = {PurePosixPath(f).name.lower(): f for f in files if str(PurePosixPath(f).parent).lower() == folder_of}
    close = difflib.get_close_matches(name, list(beside), n=1, cutoff=0.8)
    return beside[close[0]] if close else None


def _files(folder: Path) -> list[str]:
    found: list[str] = []
    try:
        for path in folder.rglob("*"):
            if any(part.startswith(".") for part in path.relative_to(folder).parts):
                continue
            if path.is_file():
                found.append(path.relative_to(folder).as_posix())
                if len(found) > MAX_FILES:
                    return []
    except OSError:
        return []
    return sorted(found)
