"""Turn the paths a trainer types into scenario files to check."""

from __future__ import annotations

from pathlib import Path

from escapebox.scenario.loader import SCENARIO_FILE


def expand(paths: list[str]) -> list[Path]:
    """A folder of scenario folders (like ``scenarios/``) stands for each scenario in it."""
    found: list[Path] = []
    for text in paths:
        path = Path(text)
        if path.is_dir() and not (path / SCENARIO_FILE).exists():
            children = sorted(p for p in path.iterdir() if (p / SCENARIO_FILE).exists())
            found.extend(children or [path])
        else:
            found.append(path)
    return found
