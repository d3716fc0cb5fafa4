"""``order``: put the steps in the right order, by dragging or by keyboard.

Keyboard: focus a step, Space (or F5) picks it up, the up and down arrows
move it, Space puts it down; Enter checks, wherever the focus is (the steps
are items, docs/rules.md "Controls").  Mouse: drag a step to its place, or
click to pick it up and click again to put it down.  Every place in the list
has the same height, that of the tallest step while held, so the rows stay
where they are when a step is picked up or moved (issue #16).  The steps start shuffled in a
fixed way per puzzle (never already right; ``OrderPuzzle.shown_steps``, the order
the printed card has too), so a resumed game looks the same.
"""

from __future__ import annotations

import pygame

from escapebox.ui.screens.puzzles.base import PuzzleScreen
from escapebox.ui.widgets import Button

ROW_GAP = 14
DRAG_THRESHOLD = 12


class OrderRow(Button):
    """A step with a grip; picked up, it is framed with arrows (the line above the steps says how to move it)."""

    grabbed = False

    def draw(self, canvas, ctx, focused: bool) -> None:
        super().draw(canvas, ctx, focused)
        c = ctx.theme.colours
        x = self.rect.right - 60
        y = self.rect.centery
        if self.grabbed:
            canvas.frame(self.rect, c.accent, 6, ctx.theme.radius)
            tip = min(30, self.rect.height // 2 - 6)     # a compact row (six steps at the beamer's text)
            canvas.polygon([(x, y - 8), (x + 32, y - 8), (x + 16, y - tip)], c.accent)
            canvas.polygon([(x, y + 8), (x + 32, y + 8), (x + 16, y + tip)], c.accent)
        else:
            for dy in (-12, 0, 12):
                canvas.fill(pygame.Rect(x, y + dy - 2, 32, 5), c.muted, 2)


class OrderScreen(PuzzleScreen):
    puzzle_kind = "order"

    def __init__(self, app, puzzle_id: str, via: str | None = None):
        super().__init__(app, puzzle_id, via)
        self.order = self.puzzle.shown_steps(app.game.scenario.id, puzzle_id)
        self.grabbed: int | None = None
        self.drag: dict | None = None

    def build_answer(self, area: pygame.Rect) -> list:
        canvas = self.app.canvas
        self.note_pos = (area.left, area.top)
        note_h = self.app.text.line_height(self.app.size("small")) + 8
        area = pygame.Rect(area.left, area.top + note_h, area.width, area.height - note_h)
        rows = []
        for position, step in enumerate(self.order):
            row = OrderRow(f"{position + 1}.  {self.puzzle.steps[step]}", lambda step=step: self.toggle_grab(step),
                           key=f"step:{step}", align="left", item=True)
            rows.append(row)
        for role, pad, gap in (("body", 14, ROW_GAP), ("small", 14, ROW_GAP), ("small", 6, 6)):
            for row in rows:
                row.role, row.pad_y = role, pad
            height = max(row.preferred_height(canvas, self.app, area.width - 90) for row in rows)
            if height * len(rows) + gap * (len(rows) - 1) <= area.height:
                break
        for position, row in enumerate(rows):
            row.rect = pygame.Rect(area.left, 0, area.width, height)
            row.grabbed = self.order[position] == self.grabbed
        self.rows_area = area
        return rows + self.place_rows([[row] for row in rows], [height] * len(rows), area, gap)

    def default_focus(self) -> str | None:
        return super().default_focus() or f"step:{self.order[0]}"

    def answer(self):
        return list(self.order)

    # ------------------------------------------------------------ moving

    def toggle_grab(self, step: int) -> None:
        self.grabbed = None if self.grabbed == step else step
        self.layout()
        self.focus.focus_key(f"step:{step}")

    def move(self, step: int, delta: int) -> None:
        position = self.order.index(step)
        target = max(0, min(len(self.order) - 1, position + delta))
        if target != position:
            self.order.insert(target, self.order.pop(position))
            self.layout()
            self.focus.focus_key(f"step:{step}")
            self.app.invalidate()

    def handle(self, event) -> bool:
        if self.solved is None:
            if event.type == pygame.KEYDOWN and self.grabbed is not None:
                if event.key in (pygame.K_UP, pygame.K_DOWN):
                    self.move(self.grabbed, -1 if event.key == pygame.K_UP else 1)
                    return True
                if event.key in (pygame.K_ESCAPE, pygame.K_TAB):
                    self.toggle_grab(self.grabbed)
                    return event.key == pygame.K_ESCAPE
            if event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEMOTION, pygame.MOUSEBUTTONUP) and self._mouse(event):
                return True
        return super().handle(event)

    def _row_at(self, pos) -> int | None:
        for widget in self.focus.widgets:
            if (widget.key or "").startswith("step:") and widget.rect.collidepoint(pos):
                return int(widget.key[5:])
        return None

    def _mouse(self, event) -> bool:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            step = self._row_at(event.pos)
            if step is None:
                return False
            self.drag = {"step": step, "y": event.pos[1], "moved": False}
            self.focus.focus_key(f"step:{step}")
            return True
        if self.drag is None:
            return False
        if event.type == pygame.MOUSEMOTION:
            if abs(event.pos[1] - self.drag["y"]) > DRAG_THRESHOLD:
                self.drag["moved"] = True
                self.grabbed = self.drag["step"]
            if self.drag["moved"]:
                over = self._row_at(event.pos)
                if over is not None and over != self.drag["step"]:
                    self.move(self.drag["step"], self.order.index(over) - self.order.index(self.drag["step"]))
            return True
        if event.type == pygame.MOUSEBUTTONUP:
            drag, self.drag = self.drag, None
            if drag["moved"]:
                self.grabbed = None
                self.layout()
                self.focus.focus_key(f"step:{drag['step']}")
            else:
                self.toggle_grab(drag["step"])
            return True
        return False

    def draw_answer(self, canvas) -> None:
        # how to move a picked-up step stands here, not under each step: room for that line in every
        # row (each row is as tall as the tallest, so the screen stays put) made six steps 98 px high
        # at the beamer's text, and the last ones ran under the feedback and 'Controleer'
        colours = self.app.theme.colours
        if self.grabbed is not None:
            canvas.text(self.app.tr("ui.order.grabbed"), self.note_pos, "bold", self.app.size("small"), colours.accent)
        else:
            canvas.text(self.app.tr("ui.order.how"), self.note_pos, "italic", self.app.size("small"), colours.muted)

    def autoplay_answer(self, answer) -> list | None:
        """Keys: pick a step up with Space, move it with the arrows, put it down.  Mouse: drag it to its place."""
        wanted = list(answer)
        put_down = [("key", "space", f"step:{self.grabbed}")]   # Space, or a click on the step held
        for position, step in enumerate(wanted):
            if self.order[position] != step:
                if self.grabbed is not None:
                    return put_down
                here = self.focus.find(f"step:{step}").rect.center
                there = self.focus.find(f"step:{self.order[position]}").rect.center
                keys = self.keys_to(f"step:{step}", press="space") + [("key", "up")] * (self.order.index(step) - position)
                return [("either", keys + [("key", "space")], [("drag", here, there)])]
        if self.grabbed is not None:
            return put_down
        return [("key", "return", "submit")]      # Enter checks, wherever the focus is
