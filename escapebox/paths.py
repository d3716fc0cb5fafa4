"""Where Escapebox finds its files and keeps its own: the one place that decides.

Shipped files: in a source checkout (or an editable install) ``assets/`` and ``scenarios/``
sit next to the package; a wheel (``pip install .``, ``pipx``) carries them inside the package
as ``escapebox/data/`` (setup.py), and so does a frozen app (``escapebox bundle``,
docs/distribution.md) in its ``_internal`` folder.  ``<prefix>/share/escapebox`` is where
installs before that put them.

Files Escapebox writes: saved sessions and settings in the user data folder, checked scenarios
in the user cache folder, crash logs in the user log folder.  ``ESCAPEBOX_DATA_DIR`` puts all
three in one folder of the caller's choice (tests, a USB stick, a kiosk account); it is read
here and nowhere else.  A frozen app in portable mode (``--portable``, or a ``portable.txt``
beside the launcher) keeps them, and the trainer's own scenarios, in ``Escapebox-gegevens``
beside the launcher, so a USB stick leaves nothing behind on a borrowed laptop.

The trainer's own scenarios live in ``Documents/Escapebox`` or the user data folder.

An organisation's edition (``escapebox bundle --name/--theme/--scenario``) is described by
``edition.json`` in the frozen app's data: :func:`edition` reads it for the layers above.
"""

from __future__ import annotations

import json
import os
import site
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

#: the player's settings, in the data folder (read by ui/settings.py and privacy.py)
SETTINGS_FILE = "settings.toml"

PACKAGE = Path(__file__).resolve().parent
DATA_DIR_VARIABLE = "ESCAPEBOX_DATA_DIR"
_APP = "escapebox"
#: Set to "1" by the frozen launcher's ``--portable`` (escapebox/bundle/entry.py).
PORTABLE_VARIABLE = "ESCAPEBOX_PORTABLE"
PORTABLE_MARKER = "portable.txt"
PORTABLE_FOLDER = "Escapebox-gegevens"
EDITION_FILE = "edition.json"

# What marks each shipped folder as the real one (an empty ``assets`` left by an old install
# must not win over the installed copy).
_MARKERS = {"assets": ("fonts", "icons"), "scenarios": ()}


def resource_candidates(name: str) -> list[Path]:
    """Every place ``assets`` or ``scenarios`` may be, most specific first."""
    return [
        PACKAGE / name,
        PACKAGE / "data" / name,
        PACKAGE.parent / name,
        Path(sys.prefix) / "share" / _APP / name,
        Path(site.getuserbase()) / "share" / _APP / name,
    ]


def _is_resource(folder: Path, name: str) -> bool:
    markers = _MARKERS.get(name, ())
    return folder.is_dir() and (not markers or any((folder / m).is_dir() for m in markers))


@lru_cache(maxsize=None)
def resource_dir(name: str) -> Path:
    """The first real ``assets`` or ``scenarios`` folder; the checkout's place when there is none,
    so that a missing file is reported at a path a developer recognises."""
    candidates = resource_candidates(name)
    for candidate in candidates:
        if _is_resource(candidate, name):
            return candidate
    return candidates[2]


def assets_dir() -> Path:
    """The folder with ``fonts/``, ``icons/``, ``sounds/`` and ``themes/``.

    It may be missing in a broken install; every reader of it then falls back (the game's
    fonts to pygame's, icons to a placeholder) and says so.
    """
    return resource_dir("assets")


def bundled_scenarios_dir() -> Path:
    return resource_dir("scenarios")


def bundled_scenario_dirs() -> list[Path]:
    """Every folder of bundled scenarios that exists (a checkout and an install can both be seen)."""
    return [folder for folder in resource_candidates("scenarios") if folder.is_dir()]


def app_dir() -> Path | None:
    """The folder of the frozen launcher (``Escapebox``/``Escapebox.exe``); None when run by Python."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def portable_dir() -> Path | None:
    """``Escapebox-gegevens`` beside the launcher in portable mode, else None."""
    app = app_dir()
    if app is None:
        return None
    if os.environ.get(PORTABLE_VARIABLE) == "1" or (app / PORTABLE_MARKER).is_file():
        return app / PORTABLE_FOLDER
    return None


def _own_folder() -> Path | None:
    """The one folder for everything Escapebox writes, when the caller or portable mode chose one."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    return Path(override) if override else portable_dir()


def data_dir() -> Path:
    """Saved sessions and settings (``ESCAPEBOX_DATA_DIR``, portable mode, else the user data folder)."""
    own = _own_folder()
    if own is not None:
        return own
    from platformdirs import user_data_dir
    return Path(user_data_dir(_APP, appauthor=False))


def cache_dir() -> Path:
    """Checked scenarios and themes (``<own folder>/cache``, else the user cache folder)."""
    own = _own_folder()
    if own is not None:
        return own / "cache"
    from platformdirs import user_cache_dir
    return Path(user_cache_dir(_APP, appauthor=False))


def log_dir() -> Path:
    """Crash logs (``<own folder>/logs``, else the user log folder)."""
    own = _own_folder()
    if own is not None:
        return own / "logs"
    from platformdirs import user_log_dir
    return Path(user_log_dir(_APP, appauthor=False))


def user_scenario_dirs() -> list[Path]:
    """The trainer's own folders (they need not exist yet); in portable mode only the one beside the app."""
    if portable_dir() is not None:
        return [added_scenarios_dir()]
    from platformdirs import user_documents_dir
    return [Path(user_documents_dir()) / "Escapebox", added_scenarios_dir()]


def added_scenarios_dir() -> Path:
    """Where a scenario a trainer adds in the game (dropped on the window) is copied: beside the
    saves, so ``ESCAPEBOX_DATA_DIR`` and portable mode take it along."""
    return data_dir() / "scenarios"


@dataclass(frozen=True)
class Edition:
    """An organisation's own edition of a frozen app: its name, house style and scenarios."""

    name: str | None = None
    theme: Path | None = None
    scenario_dir: Path | None = None
    #: bundled scenarios the edition ships its own copy of (by folder or file name): shown once
    replaces: frozenset[str] = frozenset()


def edition_dir() -> Path:
    """Where ``escapebox bundle`` puts an edition's files inside the frozen app."""
    return PACKAGE / "data" / "edition"


@lru_cache(maxsize=None)
def edition() -> Edition:
    """The edition this app was built as; a plain Escapebox (also any unfrozen run) has none.

    The file is written by ``escapebox bundle`` and not meant to be edited, but a damaged one
    must still leave a working game: it then counts as absent.
    """
    folder = edition_dir()
    try:
        data = json.loads((folder / EDITION_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Edition()
    if not isinstance(data, dict):
        return Edition()
    name, theme, scenarios = data.get("name"), data.get("theme"), data.get("scenarios")
    replaces = data.get("replaces")
    return Edition(name=name if isinstance(name, str) and name else None,
                   theme=folder / theme if isinstance(theme, str) and theme else None,
                   scenario_dir=folder / scenarios if isinstance(scenarios, str) and scenarios else None,
                   replaces=frozenset(n for n in replaces if isinstance(n, str)) if isinstance(replaces, list)
                   else frozenset())


def scenario_sources(extra: list[Path] | None = None) -> list[tuple[Path, bool]]:
    """Every scenario path found, with ``True`` when it is bundled with the game; an edition's
    own scenarios come first, so its picker opens on them."""
    found: list[tuple[Path, bool]] = []
    seen: set[Path] = set()
    ours = edition()
    groups = [(ours.scenario_dir, True)] if ours.scenario_dir is not None else []
    shipped = bundled_scenario_dirs()
    groups += [(d, True) for d in shipped] + [(d, False) for d in user_scenario_dirs()]
    groups += [(d, False) for d in (extra or [])]
    for folder, bundled in groups:
        for path in _scenarios_in(folder):
            resolved = path.resolve()
            if folder in shipped and path.name in ours.replaces:
                continue
            if resolved not in seen:
                seen.add(resolved)
                found.append((path, bundled))
    return found


def _scenarios_in(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name.lower())
    except OSError:
        return []
    return [entry for entry in entries
            if (entry.is_dir() and (entry / "scenario.yaml").is_file())
            or (entry.is_file() and entry.suffix == ".escapebox")]
