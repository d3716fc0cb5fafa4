"""A screen with a form in the middle: a title, a note, fields and buttons, and a message under them.

'Scenario openen…' and 'Meedoen met een leerfestival' are laid out the same way: from
:data:`TITLE_TOP` down, and moved up as a whole when the longest message they may show would not
fit under the buttons (at the largest text size it ran off the bottom of the screen).
"""

from __future__ import annotations

import pygame

from escapebox.ui.canvas import LOGICAL_H
from escapebox.ui.screen import Screen

#: the form's width on the 1920-wide logical canvas
WIDTH = 1400
TITLE_TOP = 120
#: the least room kept above the title when the form moves up
TOP_MARGIN = 40


class FormScreen(Screen):
    #: lines of body text kept free under the buttons for the message
    message_lines = 4
    #: where the title starts (set by :meth:`layout`) and where the message starts (set by ``_layout``)
    title_top = TITLE_TOP
    message_top = TITLE_TOP

    def layout(self) -> None:
        """Placed from :data:`TITLE_TOP`, moved up when the message would not fit under the buttons."""
        self.title_top = TITLE_TOP
        self._layout()
        room = self.message_lines * self.app.text.line_height(self.app.size("body"))
        excess = self.message_top + room - (LOGICAL_H - TOP_MARGIN)
        if excess > 0:
            self.title_top = max(TOP_MARGIN, TITLE_TOP - excess)
            self._layout()

    def on_key(self, event) -> bool:
        """Esc goes back to the picker; a presenter clicker's PageDown/PageUp step through the controls."""
        if event.key == pygame.K_ESCAPE:
            self.app.stack.pop()
            return True
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            return self.focus.step_for_clicker(1 if event.key == pygame.K_PAGEDOWN else -1)
        return False

    def _layout(self) -> None:
        """Lay out the form from ``self.title_top``, setting ``self.message_top``."""
        raise NotImplementedError
