"""Freeze the installed Escapebox into a one-folder app with PyInstaller.

Everything the game reads at run time is staged into one ``escapebox`` tree first: the
package's own data files (catalogues, the starter scenario of ``escapebox new``) at their place
beside the modules, and ``assets/`` and ``scenarios/`` under ``escapebox/data/``, where
:mod:`escapebox.paths` looks first.  They are found through :mod:`escapebox.paths`, so a build
works from a checkout and from an installed wheel alike.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from escapebox import paths
from escapebox.bundle.edition import EditionRequest, stage_edition, write_readme
from escapebox.problems import EscapeboxError, Problem

LAUNCHER = "Escapebox"
ENTRY = Path(__file__).resolve().parent / "entry.py"
#: Files in the shipped folders that the game never reads: compiled caches, a validator's
#: expected output next to a test scenario, and the script that generated the sounds.
_NOT_SHIPPED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.expected", "*.py")
#: Never imported by the game. Tcl/Tk alone is about 15 MB of a frozen Python; the developer
#: tools are pulled in through pydantic's optional mypy and hypothesis plugins whenever they are
#: installed beside it (a bundle built from the test venv measured 72.8 MB with them, 69.9 MB
#: without: benchmarks/bundle.py).
_EXCLUDED_MODULES = ("tkinter", "unittest", "pydoc_data", "mypy", "hypothesis", "pytest", "_pytest")


@dataclass
class BundleRequest:
    out: Path
    edition: EditionRequest = field(default_factory=EditionRequest)
    zip: bool = False
    #: PyInstaller's own work folder; kept between builds it makes the next one faster
    work: Path | None = None


@dataclass(frozen=True)
class BundleResult:
    folder: Path
    launcher: Path
    zip: Path | None
    warnings: list[Problem]


def launcher_name() -> str:
    return LAUNCHER + (".exe" if sys.platform == "win32" else "")


def build_bundle(request: BundleRequest, before_freeze=lambda: None) -> BundleResult:
    """Build the folder (and the zip); raises :class:`EscapeboxError` before any long work when the
    request cannot succeed (PyInstaller missing, the output folder taken, a theme that fails);
    ``before_freeze`` is called once those checks passed, before the minutes of freezing."""
    out = request.out.resolve()
    if out.exists() and not _is_replaceable(out):
        raise EscapeboxError([Problem("bundle.out_taken", {"folder": str(out)})])
    with tempfile.TemporaryDirectory(prefix="escapebox-bundle-") as temp:
        stage = Path(temp) / "escapebox"
        warnings = stage_edition(request.edition, stage / "data" / "edition")  # a failing theme stops here
        if importlib.util.find_spec("PyInstaller") is None:
            raise EscapeboxError([Problem("bundle.no_pyinstaller")])
        _stage_package(stage)
        work = request.work or Path(temp) / "work"
        dist = Path(temp) / "dist"
        before_freeze()
        _run_pyinstaller(stage, dist, work)
        _replace(out, dist / LAUNCHER)
    write_readme(out, request.edition, launcher_name())
    archive = _zip(out) if request.zip else None
    return BundleResult(out, out / launcher_name(), archive, warnings)


def _is_replaceable(out: Path) -> bool:
    """An empty folder, or an earlier bundle (its launcher and ``_internal``), may be overwritten;
    anything else is someone's files."""
    if not out.is_dir():
        return False
    entries = {entry.name for entry in out.iterdir()}
    return not entries or (launcher_name() in entries and "_internal" in entries)


def _stage_package(stage: Path) -> None:
    """The package's data files beside its modules, and the shipped folders under ``data/``."""
    for source in paths.PACKAGE.rglob("*"):
        relative = source.relative_to(paths.PACKAGE)
        if source.is_file() and relative.parts[0] != "data" and "__pycache__" not in relative.parts \
                and source.suffix not in (".py", ".pyc"):
            target = stage / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    shutil.copytree(paths.assets_dir(), stage / "data" / "assets", ignore=_NOT_SHIPPED)
    shutil.copytree(paths.bundled_scenarios_dir(), stage / "data" / "scenarios", ignore=_NOT_SHIPPED)


def pyinstaller_command(stage: Path, dist: Path, work: Path) -> list[str]:
    command = [
        sys.executable, "-m", "PyInstaller", str(ENTRY), "--name", LAUNCHER, "--onedir", "--noconfirm",
        "--distpath", str(dist), "--workpath", str(work / "build"), "--specpath", str(work),
        "--add-data", f"{stage}{os.pathsep}escapebox",
        # The subcommands and puzzle kinds are imported by name (importlib): list them all.
        "--collect-submodules", "escapebox", "--log-level", "WARN",
    ]
    for module in _EXCLUDED_MODULES:
        command += ["--exclude-module", module]
    if sys.platform != "win32":
        # A Python built with debug information (pyenv's default) freezes to 89 MB; stripped,
        # the same folder measured 60 MB (benchmarks/bundle.py). Windows has no strip tool.
        command.append("--strip")
    return command


def _run_pyinstaller(stage: Path, dist: Path, work: Path) -> None:
    done = subprocess.run(pyinstaller_command(stage, dist, work), capture_output=True, text=True)
    if done.returncode != 0 or not (dist / LAUNCHER / launcher_name()).is_file():
        tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-15:])
        raise EscapeboxError([Problem("bundle.pyinstaller_failed", {"output": tail})])


def _replace(out: Path, built: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(built), str(out))


def _zip(out: Path) -> Path:
    """``DIR.zip`` with the folder itself inside, so unpacking gives one folder, not a heap of files."""
    archive = shutil.make_archive(str(out), "zip", root_dir=out.parent, base_dir=out.name)
    return Path(archive)
