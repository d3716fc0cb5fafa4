"""``escapebox new``: a folder with a commented starter scenario that validates and plays at once.

The starter (``starter/scenario.yaml`` with its images) shows every puzzle
kind once, so a trainer learns the format by changing a working example
instead of starting from an empty file.  Only the id, the title and the
commands in the opening comment are filled in.
"""

from __future__ import annotations

import json
import re
import shutil
from importlib import resources
from pathlib import Path

from escapebox.authoring.schema_file import write_schema
from escapebox.problems import EscapeboxError, Problem
from escapebox.puzzles.matching import strip_accents
from escapebox.scenario.types import ID_PATTERN

FALLBACK_ID = "mijn-escapebox"


def starter_files():
    """The packaged starter folder (a Traversable: works from a wheel as well)."""
    return resources.files("escapebox.authoring") / "starter"


def create_starter(folder: Path, play_options: str = "") -> Path:
    """Make ``folder`` with the starter; refuses to touch anything that already exists.

    ``play_options`` (such as ``" --dev"``) is added to the play command in the opening comment.
    """
    try:
        folder.mkdir(parents=True, exist_ok=False)
    except FileExistsError:
        raise EscapeboxError([Problem("authoring.new.exists", {"folder": str(folder)}, file=str(folder))]) from None
    try:
        _fill(folder, play_options)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder / "scenario.yaml"


def _fill(folder: Path, play_options: str) -> None:
    source = starter_files()
    text = (source / "scenario.yaml").read_text(encoding="utf-8")
    (folder / "scenario.yaml").write_text(fill_template(text, folder, play_options), encoding="utf-8")
    images = folder / "images"
    images.mkdir()
    for entry in (source / "images").iterdir():
        if entry.name.endswith(".svg"):
            (images / entry.name).write_bytes(entry.read_bytes())
    write_schema(folder)


def fill_template(text: str, folder: Path, play_options: str = "") -> str:
    name = folder.name
    return (text.replace("__ID__", scenario_id(name))
                .replace("__TITLE__", json.dumps(scenario_title(name), ensure_ascii=False))
                .replace("__FOLDER__", "".join(c for c in quoted(folder) if c.isprintable()))
                .replace("__DEV__", play_options))


def quoted(path: Path) -> str:
    """Paths with spaces in quotes, so the printed commands can be copied as they are."""
    return f'"{path}"' if " " in str(path) else str(path)


def scenario_id(name: str) -> str:
    """An id from the folder name: ``De eerste dag`` → ``de-eerste-dag``."""
    text = re.sub(r"[^a-z0-9_-]+", "-", strip_accents(name).lower()).strip("-_")[:40].strip("-_")
    return text if re.fullmatch(ID_PATTERN, text) else FALLBACK_ID


def scenario_title(name: str) -> str:
    words = re.sub(r"[-_\s]+", " ", "".join(c for c in name if c.isprintable())).strip()[:200]
    return (words[:1].upper() + words[1:]) if words else "Mijn escapebox"
