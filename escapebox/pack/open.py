"""Open what a trainer names: a scenario folder, its YAML file, a ``.escapebox`` pack, or the bare
name of a bundled scenario (``escapebox play tutorial``).

This sits above both the scenario loader and the pack reader, so the scenario format never has
to know that packs exist.  Every command and screen that takes a path from a person uses it.
"""

from __future__ import annotations

from pathlib import Path

from escapebox.pack.layout import SUFFIX
from escapebox.scenario.loader import LoadedScenario, bundled_by_name, load_scenario


def open_scenario(path: Path | str, password: str | None = None) -> LoadedScenario:
    """``password`` opens a pack's trainer view (the answers); a folder or YAML file needs none and ignores it."""
    path = bundled_by_name(Path(path))
    if path.suffix == SUFFIX:
        from escapebox.pack.reader import load_pack  # zip and zlib only when a pack is opened
        return load_pack(path, password)
    return load_scenario(path)


def has_answers(loaded: LoadedScenario) -> bool:
    """Whether the trainer's view of the answers is there: a folder, or a pack opened with its password."""
    return not any(puzzle.sealed for puzzle in loaded.scenario.puzzles.values())
