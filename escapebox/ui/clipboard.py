"""Copy and paste for the text entries: the system clipboard when SDL offers it, else our own.

pygame-ce's ``scrap.put_text``/``get_text`` use SDL's clipboard (no
``scrap.init`` needed).  Any failure — no clipboard on this platform, a
headless session — quietly falls back to an in-game clipboard, so Ctrl+C
and Ctrl+V always work at least inside the game.
"""

from __future__ import annotations

import pygame


class Clipboard:
    def __init__(self):
        self._internal = ""
        self._system = hasattr(pygame.scrap, "put_text") and hasattr(pygame.scrap, "get_text")

    def copy(self, text: str) -> None:
        self._internal = text
        if self._system and text:
            try:
                pygame.scrap.put_text(text)
            except (pygame.error, NotImplementedError):
                self._system = False

    def paste(self) -> str:
        if self._system:
            try:
                text = pygame.scrap.get_text()
                if text:
                    return text.replace("\x00", "")
            except (pygame.error, NotImplementedError):
                self._system = False
        return self._internal
