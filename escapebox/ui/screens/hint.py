"""The hint dialog: says what a hint costs *before* showing it.

Hints already shown for a puzzle can be read again for free.  In a room
with several open locks the group first picks which lock the hint is for.
"""

from __future__ import annotations

import pygame

from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.ui.screens.dialog import Dialog
from escapebox.ui.widgets import Button, TextBox

PAD = 48


class HintScreen(Dialog):
    name = "hint"
    width = 1400

    def __init__(self, app, puzzles: list[str]):
        super().__init__(app)
        self.puzzles = puzzles
        self.puzzle = puzzles[0] if len(puzzles) == 1 else None
        #: a hint was just shown: the focus then goes to "Sluiten", so a second Enter costs no time by
        #: accident, and the next hint's button no longer says "(Enter)"
        self.took = False

    def _shown(self) -> list[str]:
        puzzle = self.app.game.scenario.puzzles[self.puzzle]
        return list(puzzle.hints[: self.app.game.session.state.hints.get(self.puzzle, 0)])

    def layout(self) -> None:
        tr, canvas, game = self.app.tr, self.app.canvas, self.app.game
        inner_w = self.width - 2 * PAD
        widgets = []
        if not self.puzzles:
            text = tr("ui.hint.none_here")
        elif self.puzzle is None:
            text = tr("ui.hint.which")
            for pid in self.puzzles:
                widgets.append(Button(game.scenario.puzzles[pid].title, lambda pid=pid: self.choose(pid),
                                      key=f"puzzle:{pid}", align="left"))
        else:
            puzzle = game.scenario.puzzles[self.puzzle]
            shown = self._shown()
            parts = [tr("ui.hint.numbered", number=n + 1, text=h) for n, h in enumerate(shown)]
            nxt = game.session.next_hint(self.puzzle)
            penalty = game.scenario.timer.hint_penalty
            if nxt is not None:
                cost = tr("ui.hint.cost", seconds=penalty) if penalty else tr("ui.hint.free")
                parts.append(tr("ui.hint.offer", number=len(shown) + 1, total=len(puzzle.hints), cost=cost))
                label = "ui.hint.show_next" if self.took else "ui.hint.show"
                widgets.append(Button(tr(label, number=len(shown) + 1), self.take, key="take", kind="primary"))
            else:
                parts.append(tr("ui.hint.no_more"))
            text = "\n\n".join(parts)
            self.heading = tr("ui.hint.title", puzzle=puzzle.title)
        if self.puzzle is None:
            self.heading = tr("ui.hint.title_plain")
        widgets.append(Button(tr("ui.dialog.close"), self.close, key="close"))
        row = [w for w in widgets if w.key in ("take", "close")]
        listed = [w for w in widgets if w not in row]
        half = (inner_w - 24) // 2
        row_h = max(b.preferred_height(canvas, self.app, half) for b in row)
        list_h = [b.preferred_height(canvas, self.app, inner_w) for b in listed]
        buttons_h = sum(list_h) + 16 * len(list_h) + row_h
        heading_h = canvas.layout(self.heading, "bold", self.app.size("heading"), inner_w).height
        body = TextBox(text, pygame.Rect(0, 0, inner_w, 10), key="hint_text")
        body_h = min(body.measure(canvas, self.app), 1080 - 120 - 2 * PAD - heading_h - 48 - buttons_h)
        panel = self.place_panel(PAD + heading_h + 24 + body_h + 24 + buttons_h + PAD)
        body.rect = pygame.Rect(panel.left + PAD, panel.top + PAD + heading_h + 24, inner_w, body_h)
        y = body.rect.bottom + 24
        for widget, height in zip(listed, list_h):
            widget.rect = pygame.Rect(panel.left + PAD, y, inner_w, height)
            y += height + 16
        for n, button in enumerate(row):
            button.rect = pygame.Rect(panel.left + PAD + n * (half + 24), y, half, row_h)
        self.body = body
        self.set_widgets([body] + widgets, default="take" if any(w.key == "take" for w in widgets) else None)

    def choose(self, pid: str) -> None:
        self.puzzle = pid
        self.layout()

    def take(self) -> None:
        outcome = self.app.game.apply(C.TakeHint(self.puzzle))
        self.took = True
        if outcome.refused:
            self.app.toast(self.app.game.message(outcome.refused), "danger")
        elif outcome.first(E.HintShown):
            self.body.first_line = 10_000  # show the newest hint
        self.layout()
        self.focus.focus_key("close")

    def on_key(self, event) -> bool:
        if event.key == pygame.K_h:
            self.close()
            return True
        clicker = {pygame.K_PAGEDOWN: 1, pygame.K_PAGEUP: -1}.get(event.key)
        if clicker is not None and self.body.page(clicker):
            return True                       # the hints first; then the clicker moves to the buttons
        return super().on_key(event)

    def draw_content(self, canvas) -> None:
        self.draw_heading(canvas, self.heading, PAD)

    def autoplay(self, command) -> list | None:
        return self.go_back()
