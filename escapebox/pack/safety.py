"""Refuse a hostile or damaged pack from its table of contents, before reading or writing anything.

A pack can come from anywhere (e-mail, a USB stick), and zip files can
lie: names such as ``../../start.bat`` or ``C:\\Windows\\x``, symbolic
links, the same name twice, thousands of entries, or a few kilobytes that
unpack to gigabytes.  Names that Windows reserves (``CON``, ``COM1``,
``CONIN$``, … with or without an extension, names ending in a space or a dot,
``<>"|?*``) cannot be written there, and names with bidirectional control
characters (``bild\u202egnp.exe`` shows as ``bildexe.png``) lie about
themselves: both are refused too, when a pack is made from a scenario's file
names and when one is opened.  Each check names the entry it refuses.  The sizes
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
# Names Windows treats as devices, whatever the extension: "assets/CON.svg" is not a file there
# (COM¹-COM³ and LPT¹-LPT³ too: Windows counts the superscript digits as digits).
_DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
                      *(f"{port}{n}" for port in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³"))})
#: Characters no Windows file name may hold (the colon and backslash have their own messages).
_WINDOWS_FORBIDDEN = frozenset('<>"|?*')
#: Bidirectional controls: embeddings, overrides, isolates and the marks (they reorder what is shown).
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


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
    if any(c in _BIDI for c in name):
        raise refuse(path, "bidi_name", entry=_visible(name))
    parts = name.split("/")
    if ".." in parts:
        raise refuse(path, "parent_name", entry=name)
    if any(part in ("", ".") for part in parts):
        raise refuse(path, "bad_name", entry=name)
    if any(_windows_reserved(part) for part in parts):
        raise refuse(path, "windows_name", entry=name)


def _windows_reserved(part: str) -> bool:
    """A device name (``CON``, ``com1.png``, ``NUL .txt``), a name ending in a space or a dot, or a forbidden sign."""
    stem = part.split(".")[0].rstrip(" ").upper()
    return part[-1] in ". " or stem in _DEVICES or any(c in _WINDOWS_FORBIDDEN for c in part)


def _visible(name: str) -> str:
    """The name with its direction controls written out, so the message shows what is really there."""
    return "".join(f"<U+{ord(c):04X}>" if c in _BIDI else c for c in name)


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
