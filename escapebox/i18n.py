"""User-facing text in Dutch (default) and English, from gettext-style catalogues.

Catalogues are TOML files under ``escapebox/locales/<lang>/<area>.toml``; a key
``validate.unknown_id`` lives in ``validate.toml`` as ``unknown_id = "..."``.
Each area of the program owns its own file, so text can be added without
touching a shared list, and a test checks that every language has every key.
Messages are formatted with ``str.format`` placeholders such as ``{name}``.
"""

from __future__ import annotations

import tomllib
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

    A start needs a handful of the two dozen files; parsing them all took a
    noticeable part of the start-up time (docs/performance.md).
    """
    try:
        text = (LOCALES / lang / f"{area}.toml").read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return {}
    return {f"{area}.{key}": value for key, value in _flatten(tomllib.loads(text))}


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
