"""``spot``: point at the right place in a picture.

Mouse: click the place (that is the answer).  Keyboard: the picture has a
crosshair; the arrow keys move it (Shift for small steps) and Enter checks
that spot.  Presenter clicker (PageDown/PageUp and F5 only, no up or down):
PageDown and PageUp walk the crosshair along a path through the whole picture,
row by row (:func:`clicker_path`), and F5 checks the point; past the path's end
the clicker moves on to the next control, as everywhere.  Earlier wrong tries
stay marked with a cross.  If the picture cannot be loaded, its description
(``image_alt``) is shown in its place.

The picture gets the most room the screen has: when a picture too narrow to
fill the width is held by the height, the feedback and "Controleer" stand in a
column beside it and the picture runs down to the toolbar (at the beamer's text
the band kept for the feedback under the picture stood empty until a wrong try,
and zij-instromer's rooster was 820 x 461 px where 1175 x 661 fit).  Either way
the feedback's room is kept from the start, so nothing moves when it appears.

The crosshair starts outside every area of the puzzle, right or wrong
(:func:`escapebox.scenario.freesolve.crosshair_start`), and nothing is checked
before the group has chosen a point, by an arrow key, PageDown or a click: pressing Enter
on a fresh screen must never be an answer, let alone the right one.
"""

from __future__ import annotations

import math

import pygame

from escapebox.scenario.freesolve import crosshair_start, spot_areas
from escapebox.ui.screens.picture_view import PictureView
from escapebox.ui.screens.puzzles.base import PuzzleScreen
from escapebox.ui.widgets import Button, Widget
from escapebox.ui.widgets.button import draw_cross

STEP, FINE_STEP = 2.0, 0.5
#: the column beside the picture for the feedback and "Controleer", at least: at the beamer's text
#: (large, bold 40 px) its 560 - 120 px of text width take the longest bundled spot feedback
#: (student-met-rugzak's team-app, 149 characters with "Nog niet goed.") in 8 lines, 416 px, which
#: still fits beside the picture; "Controleer (Enter)" needs 420 of it
COLUMN_W = 560
GAP = 24
#: the column is chosen when the picture beside it is at least this much larger (in area) than under
#: the question with the feedback's band below it.  Measured on the bundled pictures: at the normal
#: text size the wide team chats (2.5:1) already fill the width and would shrink beside a column; at
#: the beamer's text they gain 12 % (hele-team-leert) and 48 % (student-met-rugzak), the 16:9
#: roosters 1.7 to 2 times
BESIDE_GAIN = 1.1
#: room kept under a picture beside the column: the toolbar's "4 nieuw" badges stand 9 px into the
#: content area (screenshot at 1920x1080) and the focus ring is drawn 9 px outside the picture
FOCUS_ROOM = 24


def clicker_path(areas) -> list[tuple[float, float]]:
    """The points PageDown walks the crosshair through: a grid over the picture, row by row, serpentine.

    The grid is fine enough that every area (the target and each decoy) holds one of its points: on
    each axis ``n`` points at the centres of ``n`` equal cells, with cells no wider than the smallest
    area is wide (an interval at least one cell long always holds a cell's centre).  It is derived
    from the areas' sizes only, never from where they are, so the path points nowhere in particular;
    the rows run left to right and back, so the crosshair never jumps across the picture.
    """
    columns = _cell_centres(min(area.w for area in areas))
    rows = _cell_centres(min(area.h for area in areas))
    return [(x, y) for n, y in enumerate(rows) for x in (columns if n % 2 == 0 else columns[::-1])]


def _cell_centres(side: float) -> list[float]:
    """``n`` cell centres over 0-100 with cells no longer than ``side`` (at least the arrows' step, two at least).

    The cells are 0.02 shorter than ``side``: the answer is rounded to 0.01 (:meth:`SpotScreen.answer`),
    which moves a point up to 0.005, and a centre 0.01 inside the area stays inside after that.
    """
    count = max(2, math.ceil(100 / max(side - 0.02, STEP)))
    return [(k + 0.5) * 100 / count for k in range(count)]


def _fitted(natural: tuple[int, int], box: pygame.Rect) -> pygame.Rect:
    """The picture as large as fits in ``box``, at the middle of its top."""
    factor = min(box.width / natural[0], box.height / natural[1])
    rect = pygame.Rect(0, 0, round(natural[0] * factor), round(natural[1] * factor))
    rect.midtop = box.midtop
    return rect


def _distance(a, b) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


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
        #: whether the group has put the crosshair somewhere (an arrow key, PageDown or a click); only then can it check
        self.chosen = False
        self.misses: list[tuple[float, float]] = []
        path = app.game.loaded.folder / self.puzzle.image
        self.picture = path if app.images.natural_size(path) is not None else None
        self.image_rect: pygame.Rect | None = None
        #: the column beside the picture that holds the feedback and "Controleer", or None: they are under it
        self.column: pygame.Rect | None = None

    def max_question_height(self, area: pygame.Rect) -> int:
        return area.height // 5

    def build_answer(self, area: pygame.Rect) -> list:
        """The how-to line with 'Groot bekijken', and the picture as large as the screen allows (see the module)."""
        note_h = self.app.text.line_height(self.app.size("small")) + 8
        self.note_pos = (area.left, area.top)
        widgets: list = []
        if self.picture is not None:
            widgets.append(self._zoom_button(pygame.Rect(area.left, area.top, area.width, note_h)))
        natural = self.app.images.natural_size(self.picture) if self.picture is not None else (16, 9)
        below = pygame.Rect(area.left, area.top + note_h, area.width, area.height - note_h)
        self.image_rect = _fitted(natural, below)
        column, beside = self._beside(area, note_h, natural)
        self.column = None
        if beside.width * beside.height >= BESIDE_GAIN * self.image_rect.width * self.image_rect.height:
            self.image_rect, self.column = beside, column
            self._column(column)
            self.answer_area = pygame.Rect(area.left, area.top, column.left - GAP - area.left, column.bottom - area.top)
        return [SpotArea(self, self.image_rect)] + widgets

    def _beside(self, area: pygame.Rect, note_h: int, natural: tuple[int, int]) -> tuple[pygame.Rect, pygame.Rect]:
        """The column for the feedback and 'Controleer' to the picture's right, and the picture beside it.

        The picture runs down to where the feedback's band ended (less the focus ring's room above the
        toolbar); the column takes what the picture leaves, :data:`COLUMN_W` at least.
        """
        full_h = self.feedback_rect.bottom - area.top - FOCUS_ROOM
        box_h = full_h - note_h
        widest = round(box_h * natural[0] / natural[1])
        column_w = max(COLUMN_W, self.submit_button.rect.width, area.width - widest - GAP)
        box = pygame.Rect(area.left, area.top + note_h, area.width - column_w - GAP, box_h)
        return pygame.Rect(box.right + GAP, box.top, column_w, box_h + FOCUS_ROOM), _fitted(natural, box)

    def _column(self, column: pygame.Rect) -> None:
        """'Controleer' at the column's foot, as on every puzzle screen, and the feedback's room above it."""
        submit = self.submit_button.rect
        self.submit_button.rect = pygame.Rect(column.left, column.bottom - submit.height, column.width, submit.height)
        room = self._feedback_room(column.width, column.height - submit.height - GAP)
        self.feedback_rect = pygame.Rect(column.left, self.submit_button.rect.top - GAP - room, column.width, room)

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

    def page(self, direction: int) -> bool:
        """The clicker on the picture: PageDown/PageUp walk the crosshair (:func:`clicker_path`).

        A question that pages is read first; before the path's first point and after its last
        the clicker goes to the previous or next control, so it still reaches every one.
        """
        pager = self.pager()
        if pager is not None and pager.page(direction):
            return True
        focused = self.focus.focused
        if self.solved is None and focused is not None and focused.key == "spot" and self._walk(focused, direction):
            return True
        return super().page(direction)

    def _walk(self, spot: "SpotArea", direction: int) -> bool:
        """One step along the path from the point nearest the crosshair; False at an end of the path."""
        path = clicker_path(spot_areas(self.puzzle))
        if not self.chosen:
            at = 0 if direction > 0 else None          # the walk starts at the path's start
        else:
            here = min(range(len(path)), key=lambda n: _distance(path[n], self.point))
            at = here + direction
        if at is None or not 0 <= at < len(path):
            return False
        spot.point = list(path[at])
        self.choose(spot.point)
        return True

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
