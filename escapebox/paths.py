"""Where Escapebox finds its files and keeps its own: the one place that decides.

Shipped files: in a source checkout (or an editable install) ``assets/`` and ``scenarios/``
sit next to the package; ``pip install .`` copies them to ``<prefix>/share/escapebox``.

Files Escapebox writes: saved sessions and settings in the user data folder, checked scenarios
in the user cache folder, crash logs in the user log folder.  ``ESCAPEBOX_DATA_DIR`` puts all
three in one folder of the caller's choice (tests, a USB stick, a kiosk account); it is read
here and nowhere else.

The trainer's own scenarios live in ``Documents/Escapebox`` or the user data folder.
"""

from __future__ import annotations

import os
import site
import sys
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
DATA_DIR_VARIABLE = "ESCAPEBOX_DATA_DIR"
_APP = "escapebox"

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


def data_dir() -> Path:
    """Saved sessions and settings (``ESCAPEBOX_DATA_DIR``, else the user data folder)."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override)
    from platformdirs import user_data_dir
    return Path(user_data_dir(_APP, appauthor=False))


def cache_dir() -> Path:
    """Checked scenarios and themes (``ESCAPEBOX_DATA_DIR/cache``, else the user cache folder)."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override) / "cache"
    from platformdirs import user_cache_dir
    return Path(user_cache_dir(_APP, appauthor=False))


def log_dir() -> Path:
    """Crash logs (``ESCAPEBOX_DATA_DIR/logs``, else the user log folder)."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override) / "logs"
    from platformdirs import user_log_dir
    return Path(user_log_dir(_APP, appauthor=False))


def user_scenario_dirs() -> list[Path]:
    """The trainer's own folders (they need not exist yet)."""
    from platformdirs import user_data_dir, user_documents_dir
    return [Path(user_documents_dir()) / "Escapebox", Path(user_data_dir(_APP, appauthor=False)) / "scenarios"]


def scenario_sources(extra: list[Path] | None = None) -> list[tuple[Path, bool]]:
    """Every scenario path found, with ``True`` when it is bundled with the game."""
    found: list[tuple[Path, bool]] = []
    seen: set[Path] = set()
    groups = [(d, True) for d in bundled_scenario_dirs()] + [(d, False) for d in user_scenario_dirs()]
    groups += [(d, False) for d in (extra or [])]
    for folder, bundled in groups:
        for path in _scenarios_in(folder):
            resolved = path.resolve()
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
