"""Short sound effects, or silence: a missing sound card must never stop a session.

The mixer is started once; if that fails (no audio device, a dummy driver,
a locked device) every ``play`` is a no-op, without repeated warnings.
ALSA writes its complaints straight to file descriptor 2, so that is muted
while the mixer starts.
"""

from __future__ import annotations

import logging
import os
from contextlib import contextmanager
from pathlib import Path

import pygame

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
    def __init__(self, sound_dir: Path | None, enabled: bool = True):
        self.enabled = enabled
        self.available = False
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        if enabled:
            self._start(sound_dir)

    def _start(self, sound_dir: Path | None) -> None:
        try:
            with _quiet_stderr():
                pygame.mixer.init()
        except (pygame.error, OSError) as exc:
            log.info("Escapebox: no sound (%s)", exc)
            return
        self.available = True
        for name in SOUNDS:
            path = sound_dir / f"{name}.wav" if sound_dir else None
            if path and path.is_file():
                try:
                    self._sounds[name] = pygame.mixer.Sound(str(path))
                except (pygame.error, OSError):
                    pass

    def play(self, name: str) -> None:
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
