"""CI: every bundled scenario, every dilemma branch, played to its end through the real screens."""

import asyncio
import os
import subprocess
import sys
import time

import pytest

from escapebox.scenario.index import ScenarioIndex
from escapebox.scenario.loader import load_scenario
from escapebox.scenario.solver import solve
from escapebox.ui.main import PlayOptions, play
from ui_helpers import FIXTURE, REPO, SCENARIOS


def bundled():
    return sorted(p for p in SCENARIOS.iterdir() if (p / "scenario.yaml").is_file()) + [FIXTURE]


def branch_count(loaded) -> int:
    return max(1, len(solve(loaded.scenario, ScenarioIndex(loaded.scenario)).branches))


@pytest.mark.parametrize("folder", bundled(), ids=lambda p: p.name)
def test_autoplay_every_branch(folder, tmp_path):
    loaded = load_scenario(folder)
    for branch in range(branch_count(loaded)):
        started = time.perf_counter()
        options = PlayOptions(loaded=loaded, autoplay=True, fast=True, branch=branch, save=False, sound=False,
                              data_dir=tmp_path)
        code, summary = asyncio.run(play(options))
        assert code == 0, summary
        assert "ending" in summary and "FAILED" not in summary
        assert time.perf_counter() - started < 15, f"autoplay too slow: {summary}"


def test_autoplay_from_the_command_line(tmp_path):
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "ESCAPEBOX_DATA_DIR": str(tmp_path)}
    shots = tmp_path / "shots"
    result = subprocess.run([sys.executable, "-m", "escapebox", "play", str(FIXTURE), "--autoplay", "--branch", "1",
                             "--screenshot-dir", str(shots)], capture_output=True, text=True, env=env, cwd=REPO,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and "ending 'anders'" in lines[0]
    assert result.stderr == ""
    names = sorted(p.name for p in shots.iterdir())
    assert names[0].endswith("-intro.png") and names[-1].endswith("-debrief.png")
    assert any("puzzle-meta" in n for n in names) and any("puzzle-dilemma" in n for n in names)


def test_autoplay_needs_a_scenario(tmp_path):
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    result = subprocess.run([sys.executable, "-m", "escapebox", "play", "--autoplay"], capture_output=True,
                            text=True, env=env, cwd=REPO, timeout=60)
    assert result.returncode == 2
    assert "--autoplay" in result.stderr


def test_autoplay_refuses_a_branch_that_does_not_exist(tmp_path):
    options = PlayOptions(loaded=load_scenario(FIXTURE), autoplay=True, fast=True, branch=7, save=False, sound=False,
                          data_dir=tmp_path)
    code, summary = asyncio.run(play(options))
    assert code == 1 and "2 branch" in summary
