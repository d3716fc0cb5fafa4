"""Copy and paste for the text entries: the system clipboard when SDL offers it, else our own.

``pygame.scrap`` needs a window and works differently per platform; any
failure quietly falls back to an in-game clipboard, so Ctrl+C / Ctrl+V
always work at least inside the game.
"""

from __future__ import annotations

import pygame


class Clipboard:
    def __init__(self):
        self._internal = ""
        self._system = False
        try:
            pygame.scrap.init()
            self._system = bool(pygame.scrap.get_init())
        except (pygame.error, AttributeError, NotImplementedError):
            self._system = False

    def copy(self, text: str) -> None:
        self._internal = text
        if self._system and text:
            try:
                pygame.scrap.put_text(text)
            except (pygame.error, AttributeError, NotImplementedError):
                self._system = False

    def paste(self) -> str:
        if self._system:
            try:
                text = pygame.scrap.get_text()
                if text:
                    return text.replace("\x00", "")
            except (pygame.error, AttributeError, NotImplementedError):
                self._system = False
        return self._internal
