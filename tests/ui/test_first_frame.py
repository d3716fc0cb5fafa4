"""The kept first frame (escapebox/ui/firstframe.py, issue #21): shown before the game loads, never wrong for long.

A start of a checked scenario shows the picture its last start drew first as soon as pygame has a
window; the game then draws its own first frame, which is compared with what was shown and kept
when it differs.  These tests check that the picture shown is the game's own first frame pixel for
pixel, that every part of the key matters, that a damaged file or ``ESCAPEBOX_NO_CACHE`` only costs
the early picture, and that a key pressed while the game was still loading reaches it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from escapebox.scenario.loader import load_scenario
from escapebox.ui import firstframe
from escapebox.ui.firstframe import FirstFrame, start_key
from escapebox.ui.main import PlayOptions, build_app
from escapebox.ui.pilot import Pilot, key_events

ROOT = Path(__file__).resolve().parents[2]
MINIMAAL = ROOT / "scenarios" / "minimaal"
SIZE = (1280, 720)


@pytest.fixture
def data(tmp_path, monkeypatch):
    from escapebox import paths
    monkeypatch.setenv(paths.DATA_DIR_VARIABLE, str(tmp_path / "data"))
    monkeypatch.delenv("ESCAPEBOX_NO_CACHE", raising=False)
    return tmp_path / "data"


@pytest.fixture
def scenario(tmp_path):
    folder = tmp_path / "minimaal"
    shutil.copytree(MINIMAAL, folder)
    return folder


def _play(loaded, data, slot, frames=1):
    app = build_app(PlayOptions(loaded=loaded, window=SIZE, language="nl", sound=False, fast=True,
                                scripted=True, data_dir=data, first_frame=slot))
    Pilot(app).run(frames)
    return app


def _close(app):
    app.services.launcher.close()
    app.close()


def _window_pixels() -> bytes:
    return pygame.image.tobytes(pygame.display.get_surface(), "RGB")


def test_the_next_start_shows_the_game_s_own_first_frame_and_keeps_it_unchanged(data, scenario, monkeypatch):
    loaded = load_scenario(scenario)
    file = data / "cache" / firstframe.FOLDER / "k.frame"
    _close(_play(loaded, data, FirstFrame(file)))     # its first idle moment keeps the first frame
    drawn = file.read_bytes().partition(b"\n")[2]
    assert len(drawn) == SIZE[0] * SIZE[1] * 3

    slot = FirstFrame(file)
    assert slot.show()
    assert _window_pixels() == drawn == slot.shown
    writes = []
    monkeypatch.setattr(FirstFrame, "_write", lambda self, data: writes.append(data))
    opened = []
    set_mode = pygame.display.set_mode
    monkeypatch.setattr(pygame.display, "set_mode", lambda *a, **k: opened.append(a) or set_mode(*a, **k))
    again = _play(loaded, data, slot)
    assert opened == []                                 # not opened again: on X11 that blanks it until our frame
    _close(again)
    assert writes == []           # the game's own first frame is the picture shown: nothing to keep
    assert slot.was_shown and slot.shown is None       # and the compared pixels are not kept all game


def test_no_picture_with_a_group_s_name_is_kept_and_an_older_one_is_forgotten(data, scenario):
    loaded = load_scenario(scenario)
    file = data / "cache" / firstframe.FOLDER / "k.frame"
    app = _play(loaded, data, FirstFrame(file))
    assert file.is_file()
    pilot = Pilot(app)
    pilot.press("return")                               # Start: a group name, then the game is saved
    pilot.type("Groep Zonnebloem")
    pilot.press("return")
    assert app.game is not None
    _close(app)
    again = _play(loaded, data, FirstFrame(file))       # the intro now offers "Verder met Groep Zonnebloem"
    assert again.stack.top.saved is not None
    _close(again)
    assert not file.exists()


def test_a_start_that_ends_before_its_first_idle_moment_keeps_its_frame_too(data, scenario):
    file = data / "cache" / firstframe.FOLDER / "k.frame"
    app = build_app(PlayOptions(loaded=load_scenario(scenario), window=SIZE, sound=False, fast=True,
                                scripted=True, data_dir=data, first_frame=FirstFrame(file)))
    app.draw()                                          # the first frame, and no idle moment after it
    _close(app)
    assert file.is_file()


def test_a_key_pressed_while_the_game_loads_reaches_it(data, scenario):
    loaded = load_scenario(scenario)
    file = data / "cache" / firstframe.FOLDER / "k.frame"
    _close(_play(loaded, data, FirstFrame(file)))
    kept = file.read_bytes()

    slot = FirstFrame(file)
    assert slot.show()
    for event in key_events("return"):                  # "Start" on the intro, before the game is there
        pygame.event.post(event)
    app = _play(loaded, data, slot)
    assert type(app.stack.top).__name__ != "IntroScreen"
    _close(app)
    assert kept and not file.exists()   # its first frame was the group's name field: not kept, the old one gone


def test_every_part_of_the_key_matters(data, scenario):
    base = ["play", str(scenario)]
    key = start_key(base)
    assert key is not None and key == start_key(list(base))
    others = [start_key(base + ["--lang", "en"]), start_key(base + ["--window", "1920x1080"]),
              start_key(base + ["--beamer"]), start_key(base + ["--text-size", "large"]),
              start_key(["--lang=en", *base])]
    assert None not in others and len({key, *others}) == len(others) + 1
    file = scenario / "scenario.yaml"
    file.write_text(file.read_text(encoding="utf-8") + "\n# bewerkt\n", encoding="utf-8")
    edited = start_key(base)
    assert edited not in (None, key)
    (data).mkdir(parents=True, exist_ok=True)
    (data / "settings.toml").write_text('language = "en"\n', encoding="utf-8")
    assert start_key(base) not in (None, key, edited)


@pytest.mark.parametrize("argv", [["play"], ["validate", "x"], ["play", "a", "b"], ["play", "--resume", "S"],
                                  ["play", "--autoplay", "S"], ["play", "--dev", "S"], ["play", "--console", "S"],
                                  ["play", "--festival", "1234", "S"], ["play", "--theme", "t.yaml", "S"],
                                  ["play", "S", "--window"], ["play", "bestaat-niet"]])
def test_only_a_plain_start_of_a_file_has_a_key(argv, data, scenario):
    argv = [str(scenario) if a == "S" else a for a in argv]
    assert start_key(argv) is None


def test_a_damaged_file_is_not_shown_and_is_replaced(data, scenario):
    loaded = load_scenario(scenario)
    file = data / "cache" / firstframe.FOLDER / "k.frame"
    file.parent.mkdir(parents=True)
    for damage in (b"", b"not json\n123", b'{"version": 1, "width": 1280, "height": 720, "fullscreen": false, '
                                           b'"caption": "x"}\n' + b"\0" * 100):
        file.write_bytes(damage)
        slot = FirstFrame(file)
        assert not slot.show() and slot.shown is None and not slot.was_shown
    _close(_play(loaded, data, slot))
    assert FirstFrame(file).show()


def test_no_cache_turns_it_off(data, scenario, monkeypatch):
    monkeypatch.setenv("ESCAPEBOX_NO_CACHE", "1")
    assert firstframe.start(["play", str(scenario)]) is None


def test_a_folder_that_cannot_be_written_only_costs_the_picture(data, scenario, tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    slot = FirstFrame(blocked / "k.frame")
    _close(_play(load_scenario(scenario), data, slot))          # no exception, nothing kept
    assert blocked.is_file()


def test_only_the_newest_pictures_are_kept(tmp_path):
    for index in range(firstframe.KEEP + 3):
        (tmp_path / f"{index}{firstframe.SUFFIX}").write_bytes(b"x")
        os.utime(tmp_path / f"{index}{firstframe.SUFFIX}", ns=(index * 10**9, index * 10**9))
    firstframe._prune(tmp_path)
    left = sorted(int(p.stem) for p in tmp_path.glob(f"*{firstframe.SUFFIX}"))
    assert left == list(range(3, firstframe.KEEP + 3))


def test_a_real_second_start_shows_the_kept_frame_before_the_game_is_ready(data, scenario):
    """Two starts as the benchmark makes them: the second prints its first frame before it is ready."""
    env = {**os.environ, "ESCAPEBOX_DATA_DIR": str(data), "ESCAPEBOX_FIRST_FRAME_EXIT": "1",
           "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    env.pop("ESCAPEBOX_NO_CACHE", None)
    load_scenario(scenario)             # checked before, as a start from the cache (not a first start)
    moments = []
    for _ in range(2):
        done = subprocess.run([sys.executable, "-m", "escapebox", "play", str(scenario)], capture_output=True,
                              text=True, env=env, cwd=ROOT, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        lines = dict(line.split()[:2] for line in done.stdout.splitlines() if line.startswith("escapebox-"))
        moments.append((float(lines["escapebox-first-frame"]), float(lines["escapebox-ready"])))
    assert moments[0][0] == moments[0][1]               # nothing kept yet: the game's frame is the first
    assert moments[1][0] < moments[1][1]                # kept: shown before the game drew its own
    assert len(list((data / "cache" / firstframe.FOLDER).glob(f"*{firstframe.SUFFIX}"))) == 1
