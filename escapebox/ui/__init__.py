"""The pygame-ce front end: the only package that imports pygame.

Layers, from the bottom up:

* ``theme``/``settings`` — colours, fonts, sizes and player preferences;
* ``paths`` — where fonts, icons, sounds and scenarios live (repo or installed);
* ``text``/``images``/``canvas`` — cached rendering onto a fixed 1920×1080
  logical canvas that is scaled (with letterboxing) to any window;
* ``widgets`` — our own small widget layer (buttons, text boxes, text entry,
  focus ring);
* ``screen``/``screens`` — one small class per screen, on a stack;
* ``game`` — the bridge to the core: every action goes through
  ``session.apply(command)`` and the returned events decide what is shown;
* ``app`` — the window and the asyncio-friendly main loop;
* ``autoplay``/``pilot`` — driving the real screens with synthetic key presses.
"""

import os as _os

_os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # before any module here imports pygame
