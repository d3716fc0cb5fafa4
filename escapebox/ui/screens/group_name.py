"""Name the group ("Groep 3"): shown in the top bar and in the saved session. No real names."""

from __future__ import annotations

import pygame

from escapebox.ui.canvas import LOGICAL_H, LOGICAL_W
from escapebox.ui.screen import Screen
from escapebox.ui.widgets import Button, TextField

WIDTH = 1200
TITLE_TOP, FIELD_TOP = 200, 420
#: "Start het spel (Enter)" stays on one line up to the large text size at 560; wider would crowd "Terug"
START_W, BACK_W = 560, 400
BOTTOM_MARGIN = 40


class GroupNameScreen(Screen):
    name = "group"

    def __init__(self, app, loaded):
        super().__init__(app)
        self.loaded = loaded
        self.typed = ""
        self.message: str | None = None
        #: how far the title, field and buttons moved up so the buttons stay on the screen (layout())
        self.shift = 0

    def enter(self) -> None:
        """While the group types its name, draw its first room off-screen (docs/performance.md)."""
        super().enter()
        from escapebox.ui.game import Game
        from escapebox.ui.screens.room import RoomScreen
        from escapebox.ui.warmup import schedule_start_room
        schedule_start_room(self.app, self.loaded, game_class=Game, room_class=RoomScreen)

    def layout(self) -> None:
        tr, app = self.app.tr, self.app
        left = (LOGICAL_W - WIDTH) // 2
        height = app.text.line_height(app.size("heading")) + 40
        start = Button(tr("ui.group.start"), self.start, key="start", kind="primary")
        back = Button(tr("ui.intro.back"), self.app.stack.pop, key="back")
        h = max(start.preferred_height(app.canvas, app, START_W), back.preferred_height(app.canvas, app, BACK_W))
        # the buttons sit under the note, however many lines it takes at this text size; when they would
        # pass the screen's edge (the largest text with dyslexia spacing: the note takes four lines) the
        # title, the field and all move up together
        below_field = 24 + self._note_layout().height + 48
        self.shift = max(0, FIELD_TOP + height + below_field + h - (LOGICAL_H - BOTTOM_MARGIN))
        self.field = TextField(self.typed, pygame.Rect(left, FIELD_TOP - self.shift, WIDTH, height), key="name",
                               role="heading", placeholder=tr("ui.group.placeholder"), on_submit=self.start,
                               on_change=self._typed, max_length=40)
        y = self.field.rect.bottom + below_field
        start.rect = pygame.Rect(left + WIDTH - START_W, y, START_W, h)
        back.rect = pygame.Rect(left, y, BACK_W, h)
        self.set_widgets([self.field, start, back], default="name")

    @property
    def toast_areas(self) -> list[pygame.Rect]:
        """Under the buttons: the top band holds the title ("Hoe heet jullie groep?")."""
        buttons = self.focus.find("start")
        if buttons is None:
            return []
        top = buttons.rect.bottom + 40
        band = pygame.Rect((LOGICAL_W - WIDTH) // 2, top, WIDTH, LOGICAL_H - BOTTOM_MARGIN // 2 - top)
        return [band] if band.height >= 80 else []

    def note(self) -> str:
        """What to type, what not to type, and that nothing is fine too (the start button names the group then)."""
        tr = self.app.tr
        return tr("ui.group.note") + "\n" + tr("ui.group.empty", name=tr("ui.group.placeholder"))

    def _note_layout(self):
        return self.app.canvas.layout(self.note(), "regular", self.app.size("body"), WIDTH)

    def _typed(self, text: str) -> None:
        self.typed = text
        self.message = None

    def start(self) -> None:
        name = self.typed.strip() or self.app.tr("ui.group.placeholder")
        self.app.services.launcher.start(self.loaded, name)

    def on_key(self, event) -> bool:
        """Esc goes back; a presenter clicker starts with one press from where the screen opens.

        The screen opens on the name field, and F5 (the clicker's "press", which never types)
        starts the game from there. PageDown goes to "Start" and stays on it, PageUp back to the
        field: played by hand, a second PageDown went on to "Terug", and F5 there left the game
        (docs/playtest.md, hele-team-leert by clicker). Terug stays one Esc or Tab away.
        """
        if event.key == pygame.K_ESCAPE:
            self.app.stack.pop()
            return True
        if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self.focus.focus_key("start" if event.key == pygame.K_PAGEDOWN else "name")
            return True
        if event.key == pygame.K_F5 and self.focus.focused is self.field:
            self.start()
            return True
        return False

    def draw(self, canvas) -> None:
        c, app, tr = self.app.theme.colours, self.app, self.app.tr
        left = (LOGICAL_W - WIDTH) // 2
        canvas.text(tr("ui.group.title"), (left, TITLE_TOP - self.shift), "bold", app.size("title"), c.text)
        layout = self._note_layout()
        canvas.paragraph(layout, pygame.Rect(left, self.field.rect.bottom + 24, WIDTH, layout.height), c.muted)
        super().draw(canvas)

    def autoplay(self, command) -> list | None:
        if not self.typed:
            keys = [] if self.focus.focused is self.field else self.keys_to("name", press="none")
            return keys + [("text", "Autoplay"), ("key", "return", "start")]
        return self.keys_to("start")
