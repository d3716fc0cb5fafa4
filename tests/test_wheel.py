"""``pip wheel .``: a wheel that, installed anywhere, finds its own assets and bundled scenarios.

The wheel is built from a copy of the source tree (a build writes ``build/`` next to the
sources, which must not happen in a working tree others share), installed into a brand-new
virtual environment, and played from a folder that is not the checkout, so nothing can be
found by accident in the source tree. Behind the ``bundle`` marker: the install alone takes
half a minute on two cores. ``pip install --target`` is checked too: its layout has no
``<prefix>/share``, so only files inside the package survive it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.bundle

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = sorted(p.parent.name for p in (ROOT / "scenarios").glob("*/scenario.yaml"))
#: What a source checkout has that a wheel must not need.
_NOT_SOURCES = shutil.ignore_patterns(".git", "build", "dist", "*.egg-info", "__pycache__", ".*cache", ".hypothesis",
                                      "tests", "*.pyc")


def run(command: list[str], cwd: Path, env: dict | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(command)}:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    return done


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=_NOT_SOURCES)
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"), str(source)], work)
    (found,) = (work / "dist").glob("escapebox-*.whl")
    return found


@pytest.fixture(scope="session")
def fresh_venv(wheel, tmp_path_factory) -> Path:
    venv = tmp_path_factory.mktemp("venv") / "v"
    run([sys.executable, "-m", "venv", str(venv)], venv.parent)
    run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)], venv.parent, timeout=900)
    return venv


def elsewhere(tmp_path: Path) -> tuple[Path, dict]:
    """A working folder far from the checkout, and an environment that knows nothing of it."""
    folder = tmp_path / "ergens"
    folder.mkdir()
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", ESCAPEBOX_DATA_DIR=str(tmp_path / "data"))
    return folder, env


def where_things_are(python: Path, cwd: Path, env: dict) -> list[str]:
    code = "import escapebox.paths as p; print(p.PACKAGE); print(p.assets_dir()); print(p.bundled_scenarios_dir())"
    return run([str(python), "-c", code], cwd, env).stdout.split()


@pytest.mark.parametrize("scenario", BUNDLED)
def test_the_installed_wheel_plays_every_bundled_scenario(fresh_venv, tmp_path, scenario):
    cwd, env = elsewhere(tmp_path)
    played = run([str(fresh_venv / "bin" / "escapebox"), "play", scenario, "--autoplay"], cwd, env)
    assert "ending" in played.stdout
    assert "default font" not in played.stderr


def test_the_installed_wheel_reads_its_files_from_the_package(fresh_venv, tmp_path):
    cwd, env = elsewhere(tmp_path)
    package, assets, scenarios = map(Path, where_things_are(fresh_venv / "bin" / "python", cwd, env))
    assert package.is_relative_to(fresh_venv) and not package.is_relative_to(ROOT)
    assert assets == package / "data" / "assets" and (assets / "fonts").is_dir()
    assert sorted(p.parent.name for p in scenarios.glob("*/scenario.yaml")) == BUNDLED


def test_a_target_install_without_a_share_folder_still_plays(wheel, fresh_venv, tmp_path):
    target = tmp_path / "target"
    run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)], tmp_path)
    cwd, env = elsewhere(tmp_path)
    env["PYTHONPATH"] = str(target)  # the fresh venv gives the dependencies, the target the game
    python = fresh_venv / "bin" / "python"
    assert Path(where_things_are(python, cwd, env)[1]) == target / "escapebox" / "data" / "assets"
    played = run([str(python), "-m", "escapebox", "play", "tutorial", "--autoplay"], cwd, env)
    assert "ending 'klaar'" in played.stdout
