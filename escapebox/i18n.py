"""User-facing text in Dutch (default) and English, from gettext-style catalogues.

Catalogues are TOML files under ``escapebox/locales/<lang>/<area>.toml``; a key
``validate.unknown_id`` lives in ``validate.toml`` as ``unknown_id = "..."``.
Each area of the program owns its own file, so text can be added without
touching a shared list, and a test checks that every language has every key.
Messages are formatted with ``str.format`` placeholders such as ``{name}``.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
LOCALES = Path(__file__).resolve().parent / "locales"


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, str]:
    """All messages of one language, keyed ``area.key``."""
    messages: dict[str, str] = {}
    for entry in sorted((LOCALES / lang).glob("*.toml")):
        messages.update(area_messages(lang, entry.stem))
    return messages


@lru_cache(maxsize=None)
def area_messages(lang: str, area: str) -> dict[str, str]:
    """The messages of one area (one file), read the first time one of them is needed.

    They come from the language's compiled catalogue (:func:`compiled`) when the cache
    folder has one for these very files, else from the TOML file itself.
    """
    areas = compiled(lang)
    if areas is not None:
        return areas.get(area, {})
    return _parse_area(LOCALES / lang / f"{area}.toml", area)


def _parse_area(path: Path, area: str) -> dict[str, str]:
    import tomllib  # only when the compiled catalogue is missing or stale: its import and parser cost 10-25 ms
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return {}
    return {f"{area}.{key}": value for key, value in _flatten(tomllib.loads(text))}


@lru_cache(maxsize=None)
def compiled(lang: str) -> dict[str, dict[str, str]] | None:
    """Every area of one language, from one JSON file in the cache folder, keyed by the TOML files' sizes and times.

    A start needs eight of the two dozen files; importing ``tomllib`` and parsing those
    took 10-25 ms before the first frame on the development machine, reading the JSON of
    all of them 0.6 ms (docs/performance.md).  A changed, added or removed TOML file is a
    miss: the language is parsed again and the file rewritten.  None without a cache folder
    (``ESCAPEBOX_NO_CACHE=1``); a folder that cannot be written only costs the parsing.
    """
    if os.environ.get("ESCAPEBOX_NO_CACHE"):  # the same opt-out as the checked files' cache
        return None
    files = _toml_files(LOCALES / lang)
    if not files:
        return None
    from escapebox.paths import cache_dir
    folder = cache_dir()
    key = "|".join([str(LOCALES / lang), *(f"{name}:{size}:{mtime}" for name, size, mtime in files)])
    path = folder / f"catalogue-{lang}.messages"
    areas = _read_compiled(path, key)
    if areas is None:
        areas = {name[:-5]: _parse_area(LOCALES / lang / name, name[:-5]) for name, _, _ in files}
        _write_compiled(path, key, areas)
    return areas


def _toml_files(folder: Path) -> list[tuple[str, int, int]]:
    try:
        with os.scandir(folder) as entries:
            found = [(e.name, e.stat()) for e in entries if e.name.endswith(".toml") and e.is_file()]
    except OSError:
        return []
    return sorted((name, stat.st_size, stat.st_mtime_ns) for name, stat in found)


def _read_compiled(path: Path, key: str) -> dict | None:
    try:
        entry = json.loads(path.read_bytes())
        areas = entry["areas"] if entry["key"] == key else None
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing, damaged or foreign: parse the TOML files again
    if not isinstance(areas, dict) or not all(isinstance(v, dict) for v in areas.values()):
        return None
    return areas


def _write_compiled(path: Path, key: str, areas: dict) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".new-", suffix=".part")
    except OSError:
        return  # no right to write: the next start parses again
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"key": key, "areas": areas}, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(temp, path)  # whole or not at all: another process may read it now
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)  # a full disk: the next start parses again


def lookup(lang: str, key: str) -> str | None:
    return area_messages(lang, key.partition(".")[0]).get(key)


def _flatten(data: dict, prefix: str = ""):
    for key, value in data.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", str(value)


class Translator:
    """Looks up and formats messages in one language, falling back to Dutch."""

    def __init__(self, lang: str = DEFAULT_LANGUAGE):
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE

    def __call__(self, key: str, /, **params) -> str:
        text = lookup(self.lang, key) or lookup(DEFAULT_LANGUAGE, key)
        if text is None:
            return key
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text

    def has(self, key: str) -> bool:
        return lookup(self.lang, key) is not None
