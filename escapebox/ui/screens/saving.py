"""Two questions about the save, asked in a dialog: whose game is this, and may we close without it?

``BusyDialog``: the game to continue is open in another window (or on
another computer, on a network folder).  Look at it here without changing
it, take it over (the other window then saves nothing more and says so), or
go back.  Never two windows writing one game.

``UnsavedDialog``: closing while steps or typed text still wait for a full
disk.  Try again (and close if it worked), close anyway, or play on.
"""

from __future__ import annotations

from typing import Callable

import pygame

from escapebox.ui.screens.dialog import Dialog
from escapebox.ui.widgets import Button, TextBox

PAD = 48
GAP = 24


class _Question(Dialog):
    width = 1400

    def __init__(self, app, heading: str, text: str):
        super().__init__(app)
        self.heading = heading
        self.text = text

    def buttons(self) -> list[Button]:
        return []

    def layout(self) -> None:
        app, canvas = self.app, self.app.canvas
        inner_w = self.width - 2 * PAD
        heading_h = canvas.layout(self.heading, "bold", app.size("heading"), inner_w).height
        body = TextBox(self.text, pygame.Rect(0, 0, inner_w, 10), key="question")
        body_h = min(480, body.measure(canvas, app))
        buttons = self.buttons()
        heights = [b.preferred_height(canvas, app, inner_w) for b in buttons]
        buttons_h = sum(heights) + GAP * max(0, len(buttons) - 1)
        panel = self.place_panel(PAD + heading_h + GAP + body_h + 32 + buttons_h + PAD)
        body.rect = pygame.Rect(panel.left + PAD, panel.top + PAD + heading_h + GAP, inner_w, body_h)
        y = body.rect.bottom + 32
        for button, height in zip(buttons, heights):
            button.rect = pygame.Rect(panel.left + PAD, y, inner_w, height)
            y += height + GAP
        self.set_widgets([body, *buttons], default=buttons[0].key if buttons else None)

    def draw_content(self, canvas) -> None:
        self.draw_heading(canvas, self.heading, PAD)

    def autoplay(self, command) -> list | None:
        return self.go_back()


class BusyDialog(_Question):
    """The saved game is held by another live window: look, take over, or go back."""

    name = "session-busy"
    back_key = "back"

    def __init__(self, app, problem, on_view: Callable[[], None], on_take_over: Callable[[], None]):
        tr = app.tr
        super().__init__(app, tr("ui.busy.title"), problem.message(tr) + "\n\n" + tr("ui.busy.explain"))
        self.on_view, self.on_take_over = on_view, on_take_over

    def buttons(self) -> list[Button]:
        tr = self.app.tr
        return [Button(tr("ui.busy.view"), self._view, key="view", kind="primary"),
                Button(tr("ui.busy.take_over"), self._take_over, key="take_over"),
                Button(tr("ui.busy.back"), self.close, key="back")]

    def _view(self) -> None:
        self.close()
        self.on_view()

    def _take_over(self) -> None:
        self.close()
        self.on_take_over()


class UnsavedDialog(_Question):
    """Closing while something waits to be written (or the game was taken over elsewhere)."""

    name = "unsaved"
    back_key = "back"

    def __init__(self, app, session, on_close: Callable[[], None]):
        tr = app.tr
        count = session.unsaved_count()
        if session.lost:
            text = tr("ui.unsaved.lost", count=count)
        else:
            text = tr("ui.unsaved.text", count=count)
        super().__init__(app, tr("ui.unsaved.title"), text)
        self.session = session
        self.on_close = on_close

    def buttons(self) -> list[Button]:
        tr = self.app.tr
        buttons = [] if self.session.lost else [Button(tr("ui.unsaved.retry"), self.retry, key="retry",
                                                       kind="primary")]
        return buttons + [Button(tr("ui.unsaved.back"), self.close, key="back"),
                          Button(tr("ui.unsaved.close_anyway"), self._close_anyway, key="close_anyway")]

    def retry(self) -> None:
        if self.session.flush():
            self.close()
            self.on_close()
            return
        self.text = self.app.tr("ui.unsaved.still", count=self.session.unsaved_count())
        self.layout()

    def _close_anyway(self) -> None:
        self.close()
        self.on_close()


class ResumeNotice(_Question):
    """What changed since the save (scenario edits, damaged values replaced): read, then play on."""

    name = "resume-notice"
    back_key = "play_on"

    def __init__(self, app, notes: list[str]):
        super().__init__(app, app.tr("ui.resumed.title"), "\n".join(f"• {note}" for note in notes))

    def buttons(self) -> list[Button]:
        return [Button(self.app.tr("ui.resumed.play_on"), self.close, key="play_on", kind="primary")]
