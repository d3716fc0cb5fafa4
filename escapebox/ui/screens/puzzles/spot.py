"""``spot``: point at the right place in a picture.

Mouse: click the place (that is the answer).  Keyboard: the picture has a
crosshair; the arrow keys move it (Shift for small steps) and Enter checks
that spot.  Earlier wrong tries stay marked with a cross.  If the picture
cannot be loaded, its description (``image_alt``) is shown in its place.

The crosshair starts outside every area of the puzzle, right or wrong
(:func:`escapebox.scenario.freesolve.crosshair_start`), and nothing is checked
before the group has chosen a point, by an arrow key or a click: pressing Enter
on a fresh screen must never be an answer, let alone the right one.
"""

from __future__ import annotations

import pygame

from escapebox.scenario.freesolve import crosshair_start, spot_areas
from escapebox.ui.screens.picture_view import PictureView
from escapebox.ui.screens.puzzles.base import PuzzleScreen
from escapebox.ui.widgets import Button, Widget
from escapebox.ui.widgets.button import draw_cross

STEP, FINE_STEP = 2.0, 0.5


class SpotArea(Widget):
    def __init__(self, screen, rect):
        super().__init__(rect, "spot")
        self.screen = screen
        self.point = list(screen.point)
        self.radius = 4

    def _image_rect(self, ctx) -> pygame.Rect:
        return self.screen.image_rect or self.rect

    def handle(self, event, ctx) -> bool:
        if event.type == pygame.KEYDOWN:
            step = FINE_STEP if event.mod & pygame.KMOD_SHIFT else STEP
            moves = {pygame.K_LEFT: (-step, 0), pygame.K_RIGHT: (step, 0), pygame.K_UP: (0, -step), pygame.K_DOWN: (0, step)}
            if event.key in moves:
                dx, dy = moves[event.key]
                self.point = [max(0.0, min(100.0, self.point[0] + dx)), max(0.0, min(100.0, self.point[1] + dy))]
                self.screen.choose(self.point)
                return True
            return False
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            image = self._image_rect(ctx)
            if image.collidepoint(event.pos):
                self.point = [(event.pos[0] - image.left) * 100 / image.width, (event.pos[1] - image.top) * 100 / image.height]
                self.screen.choose(self.point)
                self.screen.submit()
            return True
        return False

    def activate(self) -> None:
        self.screen.submit()

    def draw(self, canvas, ctx, focused: bool) -> None:
        c = ctx.theme.colours
        image = self._image_rect(ctx)
        if self.screen.picture is None:
            canvas.fill(image, c.panel_alt, 8)
            alt = self.screen.puzzle.image_alt or ctx.tr("ui.spot.no_image")
            layout = canvas.layout(alt, "italic", ctx.size("body"), image.width - 60)
            canvas.paragraph(layout, image.inflate(-60, -60), c.muted)
        for x, y in self.screen.misses:
            mark = pygame.Rect(0, 0, 44, 44)
            mark.center = (image.left + image.width * x / 100, image.top + image.height * y / 100)
            draw_cross(canvas, mark.inflate(8, 8), c.panel, 10)
            draw_cross(canvas, mark, c.danger, 6)
        if focused:
            px = image.left + image.width * self.point[0] / 100
            py = image.top + image.height * self.point[1] / 100
            for colour, width in ((c.panel, 10), (c.focus, 5)):
                canvas.line((px - 44, py), (px - 12, py), colour, width)
                canvas.line((px + 12, py), (px + 44, py), colour, width)
                canvas.line((px, py - 44), (px, py - 12), colour, width)
                canvas.line((px, py + 12), (px, py + 44), colour, width)
            canvas.circle((px, py), 26, c.focus, 4)


class SpotScreen(PuzzleScreen):
    puzzle_kind = "spot"

    def __init__(self, app, puzzle_id: str, via: str | None = None):
        super().__init__(app, puzzle_id, via)
        self.point = list(crosshair_start(spot_areas(self.puzzle)))
        #: whether the group has put the crosshair somewhere (an arrow key or a click); only then can it check
        self.chosen = False
        self.misses: list[tuple[float, float]] = []
        path = app.game.loaded.folder / self.puzzle.image
        self.picture = path if app.images.natural_size(path) is not None else None
        self.image_rect: pygame.Rect | None = None

    def max_question_height(self, area: pygame.Rect) -> int:
        return area.height // 5

    def build_answer(self, area: pygame.Rect) -> list:
        note_h = self.app.text.line_height(self.app.size("small")) + 8
        self.note_pos = (area.left, area.top)
        widgets: list = []
        if self.picture is not None:
            widgets.append(self._zoom_button(pygame.Rect(area.left, area.top, area.width, note_h)))
        area = pygame.Rect(area.left, area.top + note_h, area.width, area.height - note_h)
        if self.picture is not None:
            iw, ih = self.app.images.natural_size(self.picture)
        else:
            iw, ih = 16, 9
        factor = min(area.width / iw, area.height / ih)
        self.image_rect = pygame.Rect(0, 0, round(iw * factor), round(ih * factor))
        self.image_rect.midtop = area.midtop
        return [SpotArea(self, self.image_rect)] + widgets

    def _zoom_button(self, line: pygame.Rect) -> Button:
        """'Groot bekijken (Z)' at the right end of the line above the picture.

        The picture is also what the group reads to find the spot, and at 1280x720 zij-instromer's
        rooster legend came out about 12 px high (played by hand): full-screen with zoom, as a clue's
        picture, and back with Esc to point.
        """
        label = self.app.tr("ui.picture.open")
        width = self.app.canvas.measure(label, "regular", self.app.size("small")) + 48
        button = Button(label, self.open_picture, key="picture_open")
        button.role, button.pad_y = "small", 2
        button.rect = pygame.Rect(line.right - width, line.top - 4, width, line.height)
        return button

    def open_picture(self) -> None:
        if self.picture is not None and self.solved is None:
            self.app.stack.push(PictureView(self.app, self.picture, self.puzzle.title))

    def own_shortcuts(self) -> dict:
        return {pygame.K_z: self.open_picture} if self.picture is not None and self.solved is None else {}

    def default_focus(self) -> str | None:
        return super().default_focus() or "spot"

    def answer(self):
        return [round(self.point[0], 2), round(self.point[1], 2)]

    def choose(self, point) -> None:
        """The group moved the crosshair or clicked: that point is its answer, and checking is possible."""
        self.point = list(point)
        if not self.chosen:
            self.chosen = True
            self.submit_button.enabled = True
            if self.feedback and self.feedback[0] == self.app.tr("ui.spot.choose_first"):
                self.feedback = None          # the how-to message has done its work
            self.app.invalidate()

    def can_submit(self) -> bool:
        return self.chosen

    def wrong_feedbacks(self) -> list[str]:
        return super().wrong_feedbacks() + [decoy.feedback for decoy in self.puzzle.decoys]

    def how_to_texts(self) -> list[str]:
        return [self.app.tr("ui.spot.choose_first")]

    def submit(self) -> None:
        """Enter before a point is chosen says how to choose one, instead of checking where the crosshair starts."""
        if self.solved is None and not self.chosen:
            self.feedback = (self.app.tr("ui.spot.choose_first"), "danger")
            self.layout()
            return
        super().submit()

    def after_wrong(self, wrong) -> None:
        self.misses.append(tuple(self.point))

    def wants_enter(self, widget) -> bool:
        return super().wants_enter(widget) or widget.key == "spot"

    def draw_answer(self, canvas) -> None:
        c = self.app.theme.colours
        if self.chosen:
            canvas.text(self.app.tr("ui.spot.how"), self.note_pos, "italic", self.app.size("small"), c.muted)
        else:           # why "Controleer" is grey: the same line, so nothing moves when a point is chosen
            canvas.text(self.app.tr("ui.spot.not_chosen"), self.note_pos, "bold", self.app.size("small"), c.text)
        if self.picture is not None and self.image_rect is not None:
            canvas.image(self.picture, self.image_rect)
        # the crosshair and crosses are drawn by the widget, on top of the picture

    def autoplay_answer(self, answer) -> list | None:
        """Keys: reach the picture, move the crosshair with the arrows, Enter.  Mouse: click the point."""
        keys = []
        if self.focus.focused is None or self.focus.focused.key != "spot":
            keys = self.keys_to("spot", press="none")
        for axis, (minus, plus) in enumerate((("left", "right"), ("up", "down"))):
            delta = float(answer[axis]) - self.point[axis]
            coarse = int(abs(delta) // STEP)
            fine = int(round((abs(delta) - coarse * STEP) / FINE_STEP))
            key = plus if delta > 0 else minus
            keys += [("key", key)] * coarse + [("key", f"shift+{key}")] * fine
        image = self.image_rect or self.focus.find("spot").rect
        at = (image.left + round(float(answer[0]) * image.width / 100),
              image.top + round(float(answer[1]) * image.height / 100))
        return [("either", keys + [("key", "return")], [("click", at)])]
