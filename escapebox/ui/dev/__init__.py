"""Play-testing for trainers: ``escapebox play PATH --dev``.

While the trainer edits ``scenario.yaml`` next to the game window, the game
watches the scenario's files, reloads on save and keeps the group's
progress; a broken file shows the validator's messages over the game
instead of crashing.  F9 reveals the current puzzle's answer (logged as a
facilitator's ``RevealAnswer``).  Play-testing is never saved to the
session store, so it does not end up in the trainer's reports.
"""

from escapebox.ui.dev.mode import DevMode

__all__ = ["DevMode"]
