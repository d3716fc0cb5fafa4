""""Scenario openen…" from the picker: a path typed or pasted, or chosen in the platform's dialog.

The path goes the same way as a file dropped onto the window
(:func:`escapebox.ui.drop.add_scenario`): checked like ``escapebox validate``
and copied into the trainer's own scenarios.  A refused scenario keeps this
screen open with the validator's words under the field, so the trainer can
correct the path or the file and try again; an added one closes it and the
picker shows the new card, focused.

"Bladeren…" opens the platform's own file dialog (:mod:`escapebox.ui.file_dialog`)
in a thread and puts the chosen path in the field; it is left out where the
computer has no dialog program.  Keys: Tab between field and buttons, Enter
opens, Esc goes back; a presenter clicker steps with PageDown/PageUp.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from escapebox.ui import file_dialog
from escapebox.ui.canvas import LOGICAL_W
from escapebox.ui.drop import add_scenario, messages, show_in_picker
from escapebox.ui.screens.form import WIDTH, FormScreen
from escapebox.ui.widgets import Button, TextField

#: a full Windows path may be 260 characters, a Linux one several times that
MAX_PATH = 1000
#: lines of body text kept free under the buttons for the message: the verdict and two problems, which may wrap, at the largest text size
MESSAGE_LINES = 5


class OpenScenarioScreen(FormScreen):
    message_lines = MESSAGE_LINES
    name = "open-scenario"
    back_key = "back"

    def __init__(self, app, dialog_command=None):
        super().__init__(app)
        self.typed = ""
        #: the lines under the field: the verdict and the first problems, or a hint
        self.lines: list[str] = []
        self.refused = False
        self.dialog: file_dialog.FileDialog | None = None
        title = app.tr("opening.open.browse_title")
        self.dialog_command = dialog_command if dialog_command is not None else file_dialog.command(title)

    def _layout(self) -> None:
        tr, app = self.app.tr, self.app
        left = (LOGICAL_W - WIDTH) // 2
        height = app.text.line_height(app.size("body")) + 40
        self.note_top = self.title_top + app.text.line_height(app.size("title"))
        note = app.canvas.layout(self._note(), "regular", app.size("body"), WIDTH)
        top = self.note_top + note.height + 40
        self.field = TextField(self.typed, pygame.Rect(left, top, WIDTH, height), key="path",
                               placeholder=tr("opening.open.placeholder"), on_submit=self.open,
                               on_change=self._typed, max_length=MAX_PATH)
        buttons = [Button(tr("opening.open.open"), self.open, key="open", kind="primary")]
        if self.dialog_command:
            buttons.append(Button(tr("opening.open.browse"), self.browse, key="browse"))
        buttons.append(Button(tr("opening.open.back"), self.app.stack.pop, key="back"))
        self._place(buttons, left, self.field.rect.bottom + 40)
        self.set_widgets([self.field] + buttons, default="path")

    def _place(self, buttons: list[Button], left: int, y: int) -> None:
        app = self.app
        widths = [app.canvas.measure(b.text, "bold", app.size("body")) + 96 for b in buttons]
        height = max(b.preferred_height(app.canvas, app, w) for b, w in zip(buttons, widths))
        x = left
        for button, width in zip(buttons, widths):
            button.rect = pygame.Rect(x, y, width, height)
            x += width + 24
        self.message_top = y + height + 40

    def _note(self) -> str:
        note = self.app.tr("opening.open.note")
        return note if self.dialog_command else note + " " + self.app.tr("opening.open.no_browse")

    def _typed(self, text: str) -> None:
        self.typed = text
        self.lines, self.refused = [], False

    def open(self) -> None:
        path = self.typed.strip().strip('"')       # Windows' "Copy as path" puts quotes around it
        if not path:
            self.lines, self.refused = [self.app.tr("opening.open.empty")], True
            return
        added = add_scenario(Path(path).expanduser())   # "~/Downloads/…" as a Mac or Linux trainer types it
        lines = messages(added, self.app.tr)
        if not added.ok:
            self.lines, self.refused = lines, True
            self.app.invalidate()
            return
        self.app.stack.pop()
        self.app.toast("\n".join(lines), "success", 6)
        show_in_picker(self.app, added.target)

    def browse(self) -> None:
        if self.dialog is None and self.dialog_command:
            self.dialog = file_dialog.FileDialog(self.dialog_command)
            self.lines, self.refused = [self.app.tr("opening.open.browsing")], False

    def update(self, dt: float) -> bool:
        if self.dialog is not None:
            chosen = self.dialog.result()
            if chosen is None:
                return True                      # still open: keep looking each frame
            self.dialog, self.lines = None, []
            if chosen:
                self.typed = chosen
                self.field.set_text(chosen)
                self.open()
            self.app.invalidate()
        return super().update(dt)

    def draw(self, canvas) -> None:
        c, app, tr = self.app.theme.colours, self.app, self.app.tr
        left = (LOGICAL_W - WIDTH) // 2
        canvas.text(tr("opening.open.title"), (left, self.title_top), "bold", app.size("title"), c.text)
        layout = canvas.layout(self._note(), "regular", app.size("body"), WIDTH)
        canvas.paragraph(layout, pygame.Rect(left, self.note_top, WIDTH, layout.height), c.muted)
        y = self.message_top
        for line in self.lines:
            text = canvas.layout(line, "bold" if line is self.lines[0] else "regular", app.size("body"), WIDTH)
            canvas.paragraph(text, pygame.Rect(left, y, WIDTH, text.height), c.danger if self.refused else c.text)
            y += text.height + 12
        super().draw(canvas)

    def autoplay(self, command) -> list | None:
        """The auto-player plays a scenario it was given: it has nothing to open here."""
        return self.go_back()
