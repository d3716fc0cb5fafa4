"""Escapebox: a digital escape box for learning from practice cases (casuïstiek).

The package is split so that the rules never depend on the screen:
``escapebox.scenario`` reads and checks scenario files, ``escapebox.puzzles``
defines each puzzle kind in one place, ``escapebox.core`` holds the game rules,
state and saves, and only ``escapebox.ui`` imports pygame.
"""

__version__ = "0.1.0"
