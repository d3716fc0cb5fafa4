"""Refuse a hostile or damaged pack from its table of contents, before reading or writing anything.

A pack can come from anywhere (e-mail, a USB stick), and zip files can
lie: names such as ``../../start.bat`` or ``C:\\Windows\\x``, symbolic
links, the same name twice, thousands of entries, or a few kilobytes that
unpack to gigabytes.  Each check names the entry it refuses.  The sizes
declared here are checked again against the real bytes while reading
(:mod:`escapebox.pack.reader`).
"""

from __future__ import annotations

import stat
import unicodedata
import zipfile
from pathlib import Path

from escapebox.pack import layout as L
from escapebox.problems import EscapeboxError, Problem

_ALLOWED_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
# Names Windows treats as devices, whatever the extension: "assets/CON.svg" is not a file there.
_DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)),
                      *(f"LPT{n}" for n in range(1, 10))})


def refuse(path: Path, code: str, **params) -> EscapeboxError:
    """One pack problem, located at the pack file; ``entry`` names the zip entry if any."""
    return EscapeboxError([Problem(f"authoring.pack.{code}", params, file=str(path))])


def check_directory(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Everything the table of contents can tell, cheapest and most specific checks first."""
    if len(infos) > L.MAX_ENTRIES:
        raise refuse(path, "too_many_entries", count=len(infos), limit=L.MAX_ENTRIES)
    seen: set[str] = set()
    for info in infos:
        _check_kind(path, info)
        check_name(path, info.filename)
        _check_unique(path, info.filename, seen)
        if info.file_size > L.MAX_ENTRY_BYTES:
            raise refuse(path, "entry_too_big", entry=info.filename, size=L.mib(info.file_size),
                         limit=L.mib(L.MAX_ENTRY_BYTES))
    total = 0
    for info in infos:
        total += info.file_size
        if total > L.MAX_TOTAL_BYTES:
            raise refuse(path, "total_too_big", entry=info.filename, limit=L.mib(L.MAX_TOTAL_BYTES))
    for info in infos:
        if L.too_compressed(info.file_size, info.compress_size):
            raise refuse(path, "ratio", entry=info.filename, ratio=info.file_size // max(info.compress_size, 1),
                         limit=L.MAX_RATIO)


def check_name(path: Path, name: str) -> None:
    """Names must be plain relative paths that stay inside the folder on every system."""
    if not name or len(name) > L.MAX_NAME_CHARS or any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise refuse(path, "bad_name", entry=name)
    if name.startswith("/"):
        raise refuse(path, "absolute_name", entry=name)
    if "\\" in name:
        raise refuse(path, "backslash_name", entry=name)
    if ":" in name:
        raise refuse(path, "drive_name", entry=name)
    parts = name.split("/")
    if ".." in parts:
        raise refuse(path, "parent_name", entry=name)
    if any(part in ("", ".") or part[-1] in ". " or part.split(".")[0].upper() in _DEVICES for part in parts):
        raise refuse(path, "bad_name", entry=name)


def _check_kind(path: Path, info: zipfile.ZipInfo) -> None:
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise refuse(path, "symlink", entry=info.filename)
    if info.filename.endswith("/") or (stat.S_IFMT(mode) and not stat.S_ISREG(mode)):
        raise refuse(path, "not_a_file", entry=info.filename)
    if info.flag_bits & 0x1:
        raise refuse(path, "encrypted", entry=info.filename)
    if info.compress_type not in _ALLOWED_METHODS:
        raise refuse(path, "unknown_method", entry=info.filename)


def _check_unique(path: Path, name: str, seen: set[str]) -> None:
    """Also case-insensitively: on Windows and macOS ``A.png`` and ``a.png`` are one file."""
    key = unicodedata.normalize("NFC", name).casefold()
    if key in seen:
        raise refuse(path, "duplicate", entry=name)
    seen.add(key)
