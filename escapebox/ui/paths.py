"""Where the game finds its assets and scenarios, in the repository and when installed.

In a checkout, ``assets/`` and ``scenarios/`` sit next to the ``escapebox``
package.  An installed copy may carry them inside the package or in
``<sys.prefix>/share/escapebox``.  The trainer's own scenarios live in
``Documents/Escapebox`` or the user data folder.
"""

from __future__ import annotations

from pathlib import Path

from escapebox.paths import resource_candidates as _candidates


def assets_dir() -> Path | None:
    """The folder with ``fonts/``, ``icons/`` and ``sounds/``, or None if it is missing."""
    for folder in _candidates("assets"):
        if (folder / "fonts").is_dir() or (folder / "icons").is_dir():
            return folder
    return None


def bundled_scenario_dirs() -> list[Path]:
    return [folder for folder in _candidates("scenarios") if folder.is_dir()]


def user_scenario_dirs() -> list[Path]:
    """The trainer's own folders (they need not exist yet)."""
    try:
        from platformdirs import user_data_dir, user_documents_dir
    except ImportError:  # pragma: no cover - platformdirs is a dependency
        return []
    return [Path(user_documents_dir()) / "Escapebox", Path(user_data_dir("escapebox", appauthor=False)) / "scenarios"]


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
    paths = []
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name.lower())
    except OSError:
        return []
    for entry in entries:
        if entry.is_dir() and (entry / "scenario.yaml").is_file():
            paths.append(entry)
        elif entry.is_file() and entry.suffix in {".escapebox"}:
            paths.append(entry)
    return paths
