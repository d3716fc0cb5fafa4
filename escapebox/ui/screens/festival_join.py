""""Meedoen met een leerfestival" from the picker: the group types the code from the wall.

The code alone is enough where the hub can be found on the local network
(zeroconf); the address shown on the wall is the fallback for networks that
block it.  Looking for the hub and checking the code
(:func:`escapebox.festival.discovery.join_festival`) takes up to a few seconds,
so it runs in a thread while the screen says "Zoeken…" and keeps drawing.
A wrong code, an address that is none, no hub found or no network: a
sentence under the fields, and the fields stay as typed.  Joined: the
festival link (``app.services.festival``) publishes every game from now on,
and the picker says which festival.

Keys: Tab between the fields and the buttons, Enter joins, Esc goes back;
a presenter clicker steps with PageDown/PageUp.
"""

from __future__ import annotations

import threading

import pygame

from escapebox.festival.discovery import join_festival
from escapebox.ui.canvas import LOGICAL_W
from escapebox.ui.screens.form import WIDTH, FormScreen
from escapebox.ui.widgets import Button, TextField

#: the code field: six characters at the heading size with room to spare
CODE_W = 440
#: lines of body text kept free under the buttons for the message: the longest ("niet bereikbaar",
#: with the system's reason) is four lines at the largest text size
MESSAGE_LINES = 4
#: the code has six characters; room for a pasted one with spaces or a dash
CODE_LENGTH = 12
#: a host name and port, e.g. "laptop-trainer.local:1883"
ADDRESS_LENGTH = 80
#: the CLI's "not found" names the --broker flag; a group at the picker types the address instead
SCREEN_WORDS = {"festival.cli.not_found": "opening.join.not_found"}


class FestivalJoinScreen(FormScreen):
    message_lines = MESSAGE_LINES
    name = "festival-join"
    back_key = "back"

    def __init__(self, app, join=join_festival):
        super().__init__(app)
        self.code, self.address = "", ""
        self.problem: str | None = None
        self._join = join
        self._search: threading.Thread | None = None
        self._found: tuple | None = None

    @property
    def searching(self) -> bool:
        return self._search is not None

    def _layout(self) -> None:
        tr, app = self.app.tr, self.app
        left = (LOGICAL_W - WIDTH) // 2
        label_h = app.text.line_height(app.size("small"))
        field_h = app.text.line_height(app.size("body")) + 40
        self.note_top = self.title_top + app.text.line_height(app.size("title"))
        note = app.canvas.layout(tr("opening.join.note"), "regular", app.size("body"), WIDTH)
        y = self.note_top + note.height + 40 + label_h
        # the two fields side by side: at the largest text size one under the other left no room
        # for a four-line message under the buttons (measured in tests/ui/test_open_scenario.py)
        self.code_field = TextField(self.code, pygame.Rect(left, y, CODE_W, field_h), key="code", role="heading",
                                    placeholder=tr("opening.join.code_placeholder"), on_submit=self.start,
                                    on_change=self._code_typed, max_length=CODE_LENGTH)
        address_left = left + CODE_W + 40
        self.address_field = TextField(self.address, pygame.Rect(address_left, y, left + WIDTH - address_left, field_h),
                                       key="address", placeholder=tr("opening.join.address_placeholder"),
                                       on_submit=self.start, on_change=self._address_typed, max_length=ADDRESS_LENGTH)
        join = Button(tr("opening.join.join"), self.start, key="join", kind="primary")
        back = Button(tr("opening.join.back"), self.app.stack.pop, key="back")
        y += field_h + 48
        height = max(join.preferred_height(app.canvas, app, 520), back.preferred_height(app.canvas, app, 400))
        join.rect = pygame.Rect(left + WIDTH - 520, y, 520, height)
        back.rect = pygame.Rect(left, y, 400, height)
        self.message_top = y + height + 40
        self.set_widgets([self.code_field, self.address_field, join, back], default="code")

    def _code_typed(self, text: str) -> None:
        self.code, self.problem = text, None

    def _address_typed(self, text: str) -> None:
        self.address, self.problem = text, None

    def start(self) -> None:
        """Look for the festival in a thread; a second Enter while searching changes nothing."""
        if self.searching:
            return
        self.problem = None
        code, address = self.code, self.address.strip() or None
        self._found = None
        self._search = threading.Thread(target=self._look, args=(code, address), name="festival-join", daemon=True)
        self._search.start()
        self.app.invalidate()

    def _look(self, code: str, address: str | None) -> None:
        self._found = self._join(code, address)

    def update(self, dt: float) -> bool:
        if self._search is not None:
            if self._found is None:
                return True                       # still searching: draw "Zoeken…" and look again
            self._search = None
            self._finish(*self._found)
            self.app.invalidate()
        return super().update(dt)

    def _finish(self, code: str, address, name: str, problem) -> None:
        tr = self.app.tr
        if problem is not None:
            key, values = problem
            self.problem = tr(SCREEN_WORDS.get(key, key), **values)
            return
        self.app.services.festival.join(*address, code, name)
        self.app.stack.pop()
        self.app.toast(tr("opening.join.joined", name=name or code), "success", 8)

    def draw(self, canvas) -> None:
        c, app, tr = self.app.theme.colours, self.app, self.app.tr
        left = (LOGICAL_W - WIDTH) // 2
        canvas.text(tr("opening.join.title"), (left, self.title_top), "bold", app.size("title"), c.text)
        note = canvas.layout(tr("opening.join.note"), "regular", app.size("body"), WIDTH)
        canvas.paragraph(note, pygame.Rect(left, self.note_top, WIDTH, note.height), c.muted)
        label_h = app.text.line_height(app.size("small"))
        for field, key in ((self.code_field, "opening.join.code"), (self.address_field, "opening.join.address")):
            canvas.text(tr(key), (field.rect.left, field.rect.top - label_h - 4), "bold", app.size("small"), c.text)
        if self.searching:
            canvas.text(tr("opening.join.searching"), (left, self.message_top), "bold", app.size("body"), c.text)
        elif self.problem:
            layout = canvas.layout(self.problem, "bold", app.size("body"), WIDTH)
            canvas.paragraph(layout, pygame.Rect(left, self.message_top, WIDTH, layout.height), c.danger)
        super().draw(canvas)

    def autoplay(self, command) -> list | None:
        """The auto-player plays the scenario it was given, offline: it joins nothing."""
        return self.go_back()
