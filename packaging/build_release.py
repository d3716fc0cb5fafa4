"""Build the release bundle of this platform and try it, as .github/workflows/bundle.yml does.

Run with the Python of an environment where ``pip install ".[build]"`` was done::

    python packaging/build_release.py            # dist/Escapebox-<platform>/ and its .zip

The folder is built by ``escapebox bundle`` (escapebox/bundle/), then started the way a
trainer's laptop starts it: with no Python on PATH and no PYTHONHOME/PYTHONPATH, headless (SDL's
dummy drivers), playing the tutorial to its end and checking a scenario. Exit code 0 only
when both worked; the sizes are printed (the budget is in benchmarks/bundle.py).
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PLATFORMS = {"win32": "windows", "darwin": "macos"}


def target() -> Path:
    system = PLATFORMS.get(sys.platform, "linux")
    return REPO / "dist" / f"Escapebox-{system}-{platform.machine().lower()}"


def laptop_env(data: Path) -> dict[str, str]:
    """The system's own PATH without the folder of this Python (the one a frozen app must not need)."""
    own = {str(Path(sys.executable).parent), str(Path(sys.prefix) / "Scripts"), str(Path(sys.prefix) / "bin")}
    path = os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep) if p and p not in own)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONHOME", "PYTHONPATH", "VIRTUAL_ENV")}
    env.update(PATH=path, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", ESCAPEBOX_DATA_DIR=str(data))
    return env


def main() -> int:
    out = target()
    subprocess.run([sys.executable, "-m", "escapebox", "bundle", "-o", str(out), "--zip"], check=True)
    launcher = out / ("Escapebox.exe" if sys.platform == "win32" else "Escapebox")
    with tempfile.TemporaryDirectory() as data:
        env = laptop_env(Path(data))
        for args in (["play", "tutorial", "--autoplay"], ["validate", "tutorial"]):
            done = subprocess.run([str(launcher), *args], env=env, cwd=data, capture_output=True, text=True,
                                  timeout=600)
            print(done.stdout, done.stderr, sep="\n")
            if done.returncode != 0:
                return done.returncode
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"{out.name}: folder {size / 1e6:.1f} MB, zip {out.with_suffix('.zip').stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
