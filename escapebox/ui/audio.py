"""Short sound effects, or silence: a missing sound card must never stop a session.

The mixer is started once; if that fails (no audio device, a dummy driver,
a locked device) every ``play`` is a no-op, without repeated warnings.
ALSA writes its complaints straight to file descriptor 2, so that is muted
while the mixer starts.  Each sound file is looked at by
``mediacheck.inspect_sound`` before the mixer decodes it: an empty, truncated
or foreign file is skipped and reported once through ``on_problem``.

The game starts the mixer in idle time after its first frame (``later=True``):
opening an audio device and decoding the sounds is not needed to show the
title screen (docs/performance.md).  A sound asked for before then, or after
sound was turned on in the settings, starts it on the spot.
"""

from __future__ import annotations

import logging
import os
from contextlib import contextmanager
from pathlib import Path

import pygame

from escapebox.scenario.mediacheck import MediaProblem, inspect_sound

log = logging.getLogger(__name__)

SOUNDS = ("success", "wrong", "hint", "found", "tick")


@contextmanager
def _quiet_stderr():
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


class Audio:
    def __init__(self, sound_dir: Path | None, enabled: bool = True, on_problem=None, later: bool = False):
        self.enabled = enabled
        self.available = False
        self.on_problem = on_problem
        self.problems: dict[str, MediaProblem] = {}
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self._sound_dir = sound_dir
        self._started = False
        if not later:
            self.start()

    def start(self) -> None:
        """Open the mixer and load the sounds, once, and only while sound is on."""
        if self._started or not self.enabled:
            return
        self._started = True
        sound_dir = self._sound_dir
        try:
            with _quiet_stderr():
                pygame.mixer.init()
        except (pygame.error, OSError, NotImplementedError) as exc:
            log.info("Escapebox: no sound (%s)", exc)
            return
        self.available = True
        for name in SOUNDS:
            path = sound_dir / f"{name}.wav" if sound_dir else None
            if path and path.is_file():
                self._load(name, path)

    def _load(self, name: str, path: Path) -> None:
        try:
            inspect_sound(path)
            self._sounds[name] = pygame.mixer.Sound(str(path))
        except MediaProblem as problem:
            self._refuse(name, path, problem)
        except (pygame.error, OSError, ValueError, MemoryError):
            self._refuse(name, path, MediaProblem("media.broken"))

    def _refuse(self, name: str, path: Path, problem: MediaProblem) -> None:
        """A bad sound is silence plus one warning; the game never waits for a sound."""
        log.warning("Escapebox: not playing sound %s: %s", path, problem.code)
        self.problems[name] = problem
        if self.on_problem is not None:
            self.on_problem(path, problem, "sound")

    def play(self, name: str) -> None:
        if self.enabled and not self._started:
            self.start()
        if not (self.enabled and self.available):
            return
        sound = self._sounds.get(name)
        if sound is not None:
            try:
                sound.play()
            except pygame.error:
                self.available = False

    def close(self) -> None:
        if self.available:
            try:
                pygame.mixer.quit()
            except pygame.error:
                pass
            self.available = False
