"""Notice that the trainer saved a scenario file, by polling modification times.

Polling once a second from the main loop needs no threads and no extra
dependency, works on every file system (network drives, OneDrive folders)
and keeps the main loop in charge.  A scenario folder holds a YAML file
and a few dozen pictures, so a second's worth of ``stat`` calls is cheap.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

INTERVAL_S = 1.0
#: files besides the scenario file whose change matters to the game
WATCHED_SUFFIXES = {".yaml", ".yml", ".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif", ".bmp", ".ogg", ".wav", ".mp3"}
MAX_FILES = 2000
MAX_ENTRIES = 5000
MAX_DEPTH = 2


class FileWatcher:
    """Remembers the modification times of a scenario's files and reports when they change."""

    def __init__(self, source: Path, folder: Path, clock=time.monotonic):
        self.source = Path(source)
        self.folder = Path(folder)
        self.clock = clock
        self.next_check = clock() + INTERVAL_S
        self.seen = self.snapshot()

    def snapshot(self) -> dict[str, int]:
        """mtime (ns) and size of every watched file; a vanished file simply drops out."""
        found: dict[str, int] = {}
        for path in [self.source, *self._assets()]:
            try:
                info = path.stat()
            except OSError:
                continue
            found[str(path)] = info.st_mtime_ns ^ (info.st_size << 1)
        return found

    def _assets(self) -> list[Path]:
        """Pictures and sounds near the scenario: at most two folders deep and a bounded number of
        entries, so a scenario file saved straight into a big Documents folder stays cheap to watch."""
        if self.source.suffix == ".escapebox" or not self.folder.is_dir():
            return []
        files: list[Path] = []
        visited = 0
        for root, dirs, names in os.walk(self.folder):
            depth = len(Path(root).relative_to(self.folder).parts)
            dirs[:] = [d for d in dirs if not d.startswith(".")] if depth < MAX_DEPTH else []
            visited += len(names) + len(dirs)
            files += [Path(root) / n for n in names if Path(n).suffix.lower() in WATCHED_SUFFIXES]
            if len(files) >= MAX_FILES or visited >= MAX_ENTRIES:
                break
        return files[:MAX_FILES]

    def poll(self) -> bool:
        """True once per change; checks at most once a second however often it is called."""
        now = self.clock()
        if now < self.next_check:
            return False
        self.next_check = now + INTERVAL_S
        current = self.snapshot()
        if current == self.seen:
            return False
        self.seen = current
        return True

    def forget(self) -> None:
        """Look again next time (the file was half-written when we read it)."""
        self.seen = {}
