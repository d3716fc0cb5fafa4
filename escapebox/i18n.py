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
from importlib import resources

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, str]:
    """All messages of one language, keyed ``area.key``."""
    messages: dict[str, str] = {}
    folder = resources.files("escapebox") / "locales" / lang
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        area = entry.name[: -len(".toml")]
        data = tomllib.loads(entry.read_text(encoding="utf-8"))
        for key, text in _flatten(data):
            messages[f"{area}.{key}"] = text
    return messages


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
        text = catalogue(self.lang).get(key) or catalogue(DEFAULT_LANGUAGE).get(key)
        if text is None:
            return key
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text

    def has(self, key: str) -> bool:
        return key in catalogue(self.lang)
