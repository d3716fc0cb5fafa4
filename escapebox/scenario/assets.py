"""Icons a scenario may name: the shared set in ``assets/icons`` or its own SVG/PNG files."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from escapebox.paths import assets_dir

IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".webp")


@lru_cache(maxsize=None)
def shared_icons() -> frozenset[str]:
    folder = assets_dir() / "icons"
    return frozenset(p.stem for p in folder.glob("*.svg")) if folder.is_dir() else frozenset()


def icon_path(name: str, scenario_folder: Path) -> Path | None:
    """The file for an icon name: a shared icon id, or a file in the scenario folder."""
    if name in shared_icons():
        return assets_dir() / "icons" / f"{name}.svg"
    if name.lower().endswith(IMAGE_SUFFIXES) and ".." not in Path(name).parts:
        candidate = scenario_folder / name
        if candidate.is_file():
            return candidate
    return None


def icon_exists(name: str, scenario_folder: Path) -> bool:
    return name in shared_icons() or icon_path(name, scenario_folder) is not None
