"""The validator's messages over the game when the trainer saved a broken file.

Each message is ``Problem.render`` in the game's language (file, line,
column, what is wrong and what to do), the same words ``escapebox validate``
prints.  The game behind stays as it was; when the file is fixed and saved
the overlay goes away by itself and play continues.  Esc hides it to go on
playing with the previous version meanwhile.

A file that is broken when ``play --dev`` starts has no previous version: the
overlay opens at once (``never_loaded``) and stays until a save makes the file
good, and then the game starts; its button (and Esc) stops instead.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pygame

from escapebox.authoring.wording import counted
from escapebox.ui.screens.dialog import Dialog
from escapebox.ui.widgets import Button

PAD = 48
GAP = 16
MAX_SHOWN = 6


class ProblemsOverlay(Dialog):
    name = "dev-problems"
    width = 1760

    def __init__(self, app, problems: list, never_loaded: bool = False):
        super().__init__(app)
        self.problems = problems
        self.never_loaded = never_loaded

    def show(self, problems: list) -> None:
        """New messages after the next save that still has errors."""
        self.problems = problems
        self.layout()

    def lines(self) -> list[str]:
        tr = self.app.tr
        shown = [_near(p).render(tr) for p in self.problems[:MAX_SHOWN]]
        if len(self.problems) > MAX_SHOWN:
            shown.append(tr("dev.overlay.more", count=counted(tr, "dev.overlay.messages", len(self.problems) - MAX_SHOWN)))
        return shown

    def layout(self) -> None:
        app, canvas, tr = self.app, self.app.canvas, self.app.tr
        inner = self.width - 2 * PAD
        title = tr("dev.overlay.title", count=counted(tr, "validate.count.errors", len(self.problems)))
        self.title_layout = canvas.layout(title, "bold",
                                          app.size("heading"), inner)
        explain = "dev.overlay.explain_start" if self.never_loaded else "dev.overlay.explain"
        self.explain_layout = canvas.layout(tr(explain), "regular", app.size("small"), inner)
        self.line_layouts = [canvas.layout(text, "regular", app.size("small"), inner - 40) for text in self.lines()]
        close = Button(tr("dev.overlay.stop" if self.never_loaded else "dev.overlay.keep_playing"), self.close,
                       key="close", kind="primary")
        close_w = min(inner, canvas.measure(close.text, "bold", app.size("button")) + 80)
        close_h = close.preferred_height(canvas, app, close_w)
        body = sum(layout.height + 24 + GAP for layout in self.line_layouts)
        height = PAD + self.title_layout.height + GAP + self.explain_layout.height + 2 * GAP + body + close_h + PAD
        panel = self.place_panel(height)
        close.rect = pygame.Rect(panel.right - PAD - close_w, panel.bottom - PAD - close_h, close_w, close_h)
        self.set_widgets([close], default="close")

    def close(self) -> None:
        """Back to the previous version; without one (broken at the start) there is nothing to play: stop."""
        if self.never_loaded:
            self.app.quit(1)
        else:
            super().close()

    def draw_content(self, canvas) -> None:
        c = self.app.theme.colours
        left, width = self.panel.left + PAD, self.width - 2 * PAD
        y = self.panel.top + PAD
        canvas.frame(self.panel, c.danger, 6, self.app.theme.radius)
        canvas.paragraph(self.title_layout, pygame.Rect(left, y, width, self.title_layout.height), c.danger)
        y += self.title_layout.height + GAP
        canvas.paragraph(self.explain_layout, pygame.Rect(left, y, width, self.explain_layout.height), c.text)
        y += self.explain_layout.height + 2 * GAP
        limit = self.focus.widgets[0].rect.top - GAP if self.focus.widgets else self.panel.bottom
        for layout in self.line_layouts:
            box = pygame.Rect(left, y, width, layout.height + 24)
            if box.bottom > limit:
                break
            canvas.fill(box, c.panel_alt, 8)
            canvas.paragraph(layout, box.inflate(-40, -24), c.text)
            y = box.bottom + GAP


def _near(problem):
    """The file as the trainer typed it: relative to the folder the game was started from when inside it."""
    if not problem.file or not Path(problem.file).is_absolute():
        return problem
    try:
        shorter = os.path.relpath(problem.file)
    except ValueError:                      # another drive on Windows
        return problem
    return problem if shorter.startswith("..") else dataclasses.replace(problem, file=shorter)
