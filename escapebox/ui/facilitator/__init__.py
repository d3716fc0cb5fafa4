"""The trainer's side during play: a console in a second window, or an overlay on the one screen.

* :mod:`.facts`   — what the trainer needs to know right now (room, puzzle, solution, hints, typed answers)
* :mod:`.actions` — the facilitator commands, each through ``game.apply`` so they are logged as events
* :mod:`.panel`   — the console's contents, drawn the same way in the window and in the overlay
* :mod:`.window`  — ``escapebox play --console``: a second ``pygame.Window`` next to the players'
* :mod:`.overlay` — one screen only: Ctrl+Shift+F opens the same controls, solutions hidden
* :mod:`.notice`  — what the group sees when the trainer sends a hint or shows an answer
"""

from escapebox.ui.facilitator.overlay import FacilitatorOverlay, opens_overlay
from escapebox.ui.facilitator.window import ConsoleWindow, open_console

__all__ = ["ConsoleWindow", "FacilitatorOverlay", "open_console", "opens_overlay"]
