"""Player preferences that change how the game looks and sounds, not how it plays.

The settings screen (``screens/settings.py``) edits a :class:`Settings`; the
other screens only read it.  What a player chose is remembered per user in
``settings.toml`` in the data folder, read and written so that a broken or
unreadable file never stops a game: it gives a warning and the defaults.
Command-line flags override the saved choices for one run only.

``--beamer`` is a preset: fullscreen and large text, so body text is at
least 1/28 of the screen height (40 of 1080 logical px).
"""

from __future__ import annotations

import logging
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from escapebox.paths import SETTINGS_FILE

log = logging.getLogger(__name__)

TEXT_STEPS = {"small": 0.85, "normal": 1.0, "large": 1.18, "extra_large": 1.36}
LANGUAGE_CHOICES = ("nl", "en")
#: what the settings screen remembers; window and theme file are per run (command line)
REMEMBERED = ("text_size", "high_contrast", "reduced_motion", "sound", "timer_visible", "dyslexia", "language")


@dataclass(frozen=True)
class Settings:
    text_size: str = "normal"
    high_contrast: bool = False
    reduced_motion: bool = False
    sound: bool = True
    timer_visible: bool = True
    dyslexia: bool = False            # more letter, word and line spacing
    language: str | None = None       # None: the scenario's own language (else Dutch)
    theme: str = "default"            # a built-in theme name; ``theme_file`` (--theme) goes first
    theme_file: str | None = None
    fullscreen: bool = False

    @property
    def text_scale(self) -> float:
        return TEXT_STEPS.get(self.text_size, 1.0)

    def beamer(self) -> "Settings":
        """The beamer preset: large text and the full screen."""
        return replace(self, text_size="large", fullscreen=True)

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Settings":
        """Known keys with a value of the right kind; anything else is ignored (never a crash)."""
        defaults = cls()
        clean = {}
        for f in fields(cls):
            if f.name in data and _acceptable(f.name, data[f.name], getattr(defaults, f.name)):
                clean[f.name] = data[f.name]
        return cls(**clean)


def _acceptable(name: str, value, default) -> bool:
    if name == "text_size":
        return value in TEXT_STEPS
    if name == "language":
        return value in LANGUAGE_CHOICES
    if isinstance(default, bool):
        return isinstance(value, bool)
    return isinstance(value, str)


def settings_path(data_dir: Path | None = None) -> Path:
    from escapebox import paths
    return Path(data_dir or paths.data_dir()) / SETTINGS_FILE


def load_settings(path: Path) -> tuple[Settings, str | None]:
    """The saved settings and a warning (the reason) when the file was there but unusable."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings(), None
    except OSError as exc:
        return Settings(), exc.strerror or str(exc)
    import tomllib  # only for a file that is there: most starts have none, and the import cost 3-4 ms
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Settings(), str(exc)
    saved = data.get("settings", data)
    if not isinstance(saved, dict):
        return Settings(), "[settings]"
    return Settings.from_dict({k: v for k, v in saved.items() if k in REMEMBERED}), None


def save_settings(path: Path, settings: Settings) -> str | None:
    """Write the remembered settings atomically; returns the reason when that was impossible."""
    lines = ["# Escapebox: instellingen van deze gebruiker / this user's settings", "[settings]"]
    for name in REMEMBERED:
        value = getattr(settings, name)
        if value is None:
            continue
        lines.append(f"{name} = {_toml_value(value)}")
    temporary = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        log.warning("Escapebox: cannot save settings in %s: %s", path, exc)
        return exc.strerror or str(exc)
    return None


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def effective_language(settings: Settings, scenario_language: str | None = None) -> str:
    """The player's choice (--lang or saved), else the scenario's ``language``, else Dutch."""
    return settings.language or scenario_language or "nl"

