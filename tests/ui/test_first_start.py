"""The first start of a new or changed file: intro first, check after (escapebox/ui/firststart.py, issue #21).

The intro drawn from the unchecked head must be the intro the checked scenario gives, pixel for
pixel; input given before the check has run must reach the checked game; and a file that fails
the check must never be played and must print the messages a start that checks first prints.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from escapebox.cli import main as cli_main
from escapebox.scenario.loader import load_scenario
from escapebox.scenario.provisional import read_head
from escapebox.ui.main import PlayOptions, build_app
from escapebox.ui.pilot import Pilot, key_events

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = sorted(p.parent for p in (ROOT / "scenarios").glob("*/scenario.yaml"))
SIZE = (1280, 720)


def _app(tmp_path, **options):
    return build_app(PlayOptions(window=SIZE, language="nl", sound=False, fast=True, scripted=True,
                                 data_dir=tmp_path / "data", **options))


def _close(app):
    app.services.launcher.close()
    app.close()


def _pixels(app) -> bytes:
    return pygame.image.tobytes(app.window, "RGB")


@pytest.mark.parametrize("folder", BUNDLED, ids=lambda p: p.name)
def test_the_unchecked_intro_is_the_checked_intro_pixel_for_pixel(folder, tmp_path):
    checked = _app(tmp_path, loaded=load_scenario(folder))
    checked.draw()
    expected = _pixels(checked)
    _close(checked)

    provisional = read_head(folder / "scenario.yaml")
    app = _app(tmp_path, provisional=provisional, check=lambda: load_scenario(folder))
    app.draw()                                   # the first frame, before the check
    assert _pixels(app) == expected
    app._run_first_check()
    assert not app.dirty                         # the same intro: nothing to draw again
    assert app.stack.top.loaded is app_loaded(app)
    app.draw()
    assert _pixels(app) == expected
    _close(app)


def app_loaded(app):
    """The checked scenario behind the intro (not the unchecked head)."""
    loaded = app.stack.top.loaded
    assert loaded.__class__.__name__ == "LoadedScenario"
    return loaded


def test_keys_given_before_the_check_go_to_the_checked_game(tmp_path):
    folder = ROOT / "scenarios" / "tutorial"
    checks = []

    def check():
        checks.append(pygame.event.peek(pygame.KEYDOWN))    # the key is still waiting when the check runs
        return load_scenario(folder)
    app = _app(tmp_path, provisional=read_head(folder / "scenario.yaml"), check=check)
    for event in key_events("return"):                      # "Start", pressed while the file is checked
        pygame.event.post(event)
    Pilot(app).run()
    assert checks == [True]
    screen = app.stack.top
    assert type(screen).__name__ == "GroupNameScreen"
    assert screen.loaded.__class__.__name__ == "LoadedScenario"
    _close(app)


@pytest.fixture
def broken(tmp_path):
    """A file whose head reads well but which fails the check: a key the format does not know, at its end."""
    folder = tmp_path / "kapot"
    shutil.copytree(ROOT / "scenarios" / "tutorial", folder)
    file = folder / "scenario.yaml"
    file.write_text(file.read_text(encoding="utf-8") + "\nzolder: 1\n", encoding="utf-8")
    assert read_head(file) is not None
    return folder


def test_a_file_that_fails_the_check_is_not_played_and_says_the_same_as_before(broken, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ESCAPEBOX_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ESCAPEBOX_FIRST_FRAME_EXIT", "1")
    played = []
    monkeypatch.setattr("escapebox.ui.launch.Launcher.start", lambda *a, **k: played.append(a))
    assert cli_main(["play", str(broken)]) == 1
    first = capsys.readouterr()
    assert "escapebox-first-frame" in first.out and "escapebox-ready" not in first.out   # it did draw the intro
    assert cli_main(["play", str(broken), "--resume"]) == 1                               # checks before a window
    before = capsys.readouterr()
    assert "escapebox-first-frame" not in before.out
    assert first.err == before.err and "zolder" in first.err
    assert played == []


def test_a_checked_file_starts_as_before(tmp_path, monkeypatch):
    folder = tmp_path / "casus"
    shutil.copytree(ROOT / "scenarios" / "minimaal", folder)
    monkeypatch.setenv("ESCAPEBOX_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ESCAPEBOX_NO_CACHE", raising=False)
    load_scenario(folder)                                   # checked once: in the cache
    read = []
    monkeypatch.setattr("escapebox.scenario.provisional.read_head", lambda file: read.append(file))
    monkeypatch.setenv("ESCAPEBOX_FIRST_FRAME_EXIT", "1")
    assert cli_main(["play", str(folder)]) == 0
    assert read == []


def test_a_real_first_start_draws_before_it_is_checked_and_ready(tmp_path):
    folder = tmp_path / "casus"
    shutil.copytree(ROOT / "scenarios" / "tutorial", folder)
    env = {**os.environ, "ESCAPEBOX_DATA_DIR": str(tmp_path / "data"), "ESCAPEBOX_FIRST_FRAME_EXIT": "1",
           "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    env.pop("ESCAPEBOX_NO_CACHE", None)
    done = subprocess.run([sys.executable, "-m", "escapebox", "play", str(folder)], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    moments = dict(line.split()[:2] for line in done.stdout.splitlines() if line.startswith("escapebox-"))
    assert float(moments["escapebox-first-frame"]) < float(moments["escapebox-ready"])
    assert subprocess.run([sys.executable, "-c", f"from escapebox.scenario.loader import is_checked; "
                           f"raise SystemExit(0 if is_checked({str(folder)!r}) else 1)"], env=env).returncode == 0
