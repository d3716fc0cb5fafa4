"""Open what a trainer names: a scenario folder, its YAML file, a ``.escapebox`` pack, or the bare
name of a bundled scenario (``escapebox play tutorial``).

This sits above both the scenario loader and the pack reader, so the scenario format never has
to know that packs exist.  Every command and screen that takes a path from a person uses it.
"""

from __future__ import annotations

from pathlib import Path

from escapebox.pack.layout import SUFFIX
from escapebox.scenario.loader import LoadedScenario, bundled_by_name, load_scenario


def open_scenario(path: Path | str) -> LoadedScenario:
    path = bundled_by_name(Path(path))
    if path.suffix == SUFFIX:
        from escapebox.pack.reader import load_pack  # zip and zlib only when a pack is opened
        return load_pack(path)
    return load_scenario(path)
