"""The first start of a new or changed file: its intro first, the check right after (issue #21).

``escapebox play FILE`` of a file the cache does not know drew nothing until PyYAML, pydantic
and the validator had checked it: 4-5x a bare window (docs/performance.md).  Now the intro is
drawn from the file's unchecked head (escapebox/scenario/provisional.py), and :class:`FirstCheck`
runs the whole check as the app's first job after that frame (``App.after_first_frame``).
Until it has run the app reads no input, so every key and click waits in SDL's queue and goes
to the checked game.  A file that fails the check is never played: the app ends with exit code
1 and ``escapebox play`` prints the check's messages, the same ones as before.

The check runs in the loop's thread on purpose: building pydantic's validator holds the
interpreter lock, so a thread started before the window slowed the first frame by about as much
as it saved (measured, docs/performance.md).
"""

from __future__ import annotations

from escapebox.problems import EscapeboxError
from escapebox.scenario.provisional import intro_fields
from escapebox.ui.screens.intro import IntroScreen


class FirstCheck:
    """Check the scenario whose unchecked intro is on screen; then the intro shows the checked one."""

    def __init__(self, app, provisional, check):
        self.app = app
        self.provisional = provisional
        self._check = check
        #: the check's verdict when it failed (``escapebox play`` prints it after the window closed)
        self.failure: EscapeboxError | None = None
        self.loaded = None

    def __call__(self) -> None:
        try:
            loaded = self._check()
        except EscapeboxError as exc:
            self.failure = exc
            self.app.quit(1)
            return
        self.loaded = loaded
        for screen in self.app.stack.screens:
            if isinstance(screen, IntroScreen) and screen.loaded is self.provisional:
                screen.loaded = loaded
        if intro_fields(loaded.scenario) != intro_fields(self.provisional.scenario):
            self.app.use_scenario(loaded)      # a text the check tidied, a house style: laid out and drawn again
