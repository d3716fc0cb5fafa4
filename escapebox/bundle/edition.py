"""An organisation's own edition: its name, house style and scenarios, checked at bundling.

The files go to ``escapebox/data/edition`` inside the frozen app, described by ``edition.json``,
which :func:`escapebox.paths.edition` reads at start.  A theme that fails its checks (the
contrast check among them) or a scenario with errors refuses the whole bundle with the same
messages ``escapebox validate`` gives: a bundle handed out to seven organisations must not
carry a house style nobody can read.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from escapebox import paths
from escapebox.problems import EscapeboxError, Problem, errors

THEME_FOLDER = "theme"
SCENARIO_FOLDER = "scenarios"
README = "LEESMIJ.txt"
_TEMPLATE = Path(__file__).resolve().parent / "readme_nl.txt"


@dataclass
class EditionRequest:
    name: str | None = None
    theme: Path | None = None
    scenarios: list[Path] = field(default_factory=list)


def stage_edition(request: EditionRequest, folder: Path) -> list[Problem]:
    """Check and copy the edition's files into ``folder``; returns the warnings (errors raise)."""
    warnings = _stage_theme(request.theme, folder) if request.theme else []
    warnings += _stage_scenarios(request.scenarios, folder / SCENARIO_FOLDER)
    description = {"name": request.name,
                   "theme": f"{THEME_FOLDER}/{request.theme.name}" if request.theme else None,
                   "scenarios": SCENARIO_FOLDER if request.scenarios else None,
                   "replaces": sorted({Path(source).name for source in request.scenarios})}
    folder.mkdir(parents=True, exist_ok=True)
    (folder / paths.EDITION_FILE).write_text(json.dumps(description, ensure_ascii=False, indent=2), "utf-8")
    return warnings


def _stage_theme(theme: Path, folder: Path) -> list[Problem]:
    """The theme file with its folder (its logo, background and fonts must be inside it)."""
    from escapebox.themes import load_theme_file
    loaded = load_theme_file(theme)  # a file it cannot read raises EscapeboxError itself
    if not loaded.ok:
        raise EscapeboxError(loaded.problems)
    shutil.copytree(theme.parent, folder / THEME_FOLDER, ignore=shutil.ignore_patterns("__pycache__"))
    return list(loaded.problems)


def _stage_scenarios(sources: list[Path], folder: Path) -> list[Problem]:
    """Each scenario checked like ``escapebox validate``, then copied under a number, so the picker
    (which sorts by file name) shows them in the order the command line gave."""
    from escapebox.authoring.checks import all_problems
    from escapebox.pack.open import open_scenario
    found: list[Problem] = []
    for number, source in enumerate(sources, start=1):
        source = Path(source)
        problems = all_problems(open_scenario(source))  # unreadable: EscapeboxError
        if errors(problems):
            raise EscapeboxError(problems)
        found += problems
        target = folder / f"{number:02d}-{source.name}"
        folder.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.expected"))
        else:
            shutil.copy2(source, target)
    return found


def write_readme(out: Path, request: EditionRequest, launcher: str) -> Path:
    """A ``LEESMIJ.txt`` for the trainer who unpacks the folder: how to start, where saves are
    kept, how to remove them (docs/distribution.md has the same in more words)."""
    name = request.name or "Escapebox"
    text = _TEMPLATE.read_text(encoding="utf-8").format(
        name=name, underline="=" * len(name), launcher=launcher, portable_folder=paths.PORTABLE_FOLDER,
        portable_marker=paths.PORTABLE_MARKER)
    path = out / README
    path.write_text(text, encoding="utf-8")
    return path
