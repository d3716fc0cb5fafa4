"""CI: every bundled scenario, every dilemma branch, played to its end through the real screens.

Twice: by keys alone and by mouse alone; each ends in the same state as
the command auto-player (``escapebox.core.autoplayer``) on that branch.
"""

import asyncio
import os
import subprocess
import sys
import time

import pytest

from escapebox.core.autoplayer import autoplay
from escapebox.core.clock import ManualClock
from escapebox.core.session import GameSession
from escapebox.scenario.index import ScenarioIndex
from escapebox.scenario.loader import load_scenario
from escapebox.scenario.solver import solve
from escapebox.ui.main import PlayOptions, build_app, play
from ui_helpers import FIXTURE, REPO, SCENARIOS


def bundled():
    return sorted(p for p in SCENARIOS.iterdir() if (p / "scenario.yaml").is_file()) + [FIXTURE]


def branch_count(loaded) -> int:
    return max(1, len(solve(loaded.scenario, ScenarioIndex(loaded.scenario)).branches))


#: What a game leaves behind that does not depend on how fast it was played.  ``inspected`` is compared
#: apart: on screen, a lock on an object is reached by opening the object (an Inspect the command plan
#: does not need), so the screens may have inspected more, never less.
OUTCOME = ("visited", "clues", "inventory", "taken", "hidden_revealed", "opened", "choices", "hints",
           "wrong", "revealed", "reflections", "skipped_reflections", "ended", "ending")


def outcome(state) -> dict:
    return {name: getattr(state, name) for name in OUTCOME} | {"inspected": set(state.inspected)}


def by_commands(loaded, branch: int) -> dict:
    session = GameSession.start(loaded, ManualClock(), group="Autoplay")
    autoplay(session, branch)
    return outcome(session.state)


def by_screens(loaded, branch: int, mode: str, data_dir) -> tuple[int, str, dict]:
    options = PlayOptions(loaded=loaded, autoplay=True, autoplay_input=mode, fast=True, branch=branch, save=False,
                          sound=False, data_dir=data_dir)
    app = build_app(options)
    try:
        code = asyncio.run(app.run())
        state = outcome(app.game.session.state)
    finally:
        app.services.launcher.close()
        app.close()
    pilot = app.autopilot
    finished = pilot.finished() and not pilot.problems
    return (code if finished else code or 1), app.summary or pilot.summary(), state


@pytest.mark.parametrize("mode", ["keys", "mouse"])
@pytest.mark.parametrize("folder", bundled(), ids=lambda p: p.name)
def test_autoplay_every_branch(folder, mode, tmp_path):
    loaded = load_scenario(folder)
    for branch in range(branch_count(loaded)):
        started = time.perf_counter()
        code, summary, state = by_screens(loaded, branch, mode, tmp_path)
        assert code == 0, summary
        assert "result=ok" in summary and f"input={mode}" in summary and "ending=" in summary, summary
        words = "met het toetsenbord" if mode == "keys" else "met de muis"     # the line is in the UI's Dutch
        assert summary.startswith(f"Autoplay {loaded.scenario.id}, tak {branch} van ") and words in summary
        expected = by_commands(loaded, branch)
        assert state["inspected"] >= expected.pop("inspected"), summary
        state.pop("inspected")
        assert state == expected, summary
        assert time.perf_counter() - started < 15, f"autoplay too slow: {summary}"


def test_keys_and_mouse_say_how_much_input_they_used(tmp_path):
    loaded = load_scenario(FIXTURE)
    _, keys, _ = by_screens(loaded, 0, "keys", tmp_path)
    _, mouse, _ = by_screens(loaded, 0, "mouse", tmp_path)
    assert " toetsaanslagen en " in keys and "klikken" not in keys and " presses=" in keys
    assert " klikken en " in mouse and "toetsaanslagen" not in mouse and "input=mouse" in mouse


def test_autoplay_from_the_command_line(tmp_path):
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "ESCAPEBOX_DATA_DIR": str(tmp_path)}
    shots = tmp_path / "shots"
    result = subprocess.run([sys.executable, "-m", "escapebox", "play", str(FIXTURE), "--autoplay", "--branch", "1",
                             "--screenshot-dir", str(shots)], capture_output=True, text=True, env=env, cwd=REPO,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and "einde 'anders'" in lines[0] and "ending=anders" in lines[0]
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
    assert code == 1 and "branches=2" in summary and "result=failed" in summary
    assert "dit scenario heeft 2 tak(ken), 0 tot en met 1" in summary
