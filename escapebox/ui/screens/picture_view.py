"""A clue picture on the whole screen, to read the small print from the back of the room.

Opens fitted to the screen.  + and - (and the mouse wheel, at the pointer)
zoom in and out, the arrow keys and a drag move the picture, 0 fits it
again, Esc closes.  Every key has a button beside it, so a mouse alone and
a keyboard alone both do everything; a presenter clicker's PageDown/PageUp
move along the buttons and F5 presses one (docs/rules.md, "Controls").
"""

from __future__ import annotations

from pathlib import Path

import pygame

from escapebox.ui.canvas import LOGICAL_H, LOGICAL_W
from escapebox.ui.images import DECODE_ERRORS
from escapebox.ui.screen import Screen
from escapebox.ui.widgets import Button
from escapebox.ui.widgets.base import Widget

MARGIN = 24
#: zoom steps: about a factor 1.5 per press.  The validator lets no bundled picture have text under
#: 33 px in this view fitted to a 1920×1080 beamer (MIN_PICTURE_TEXT_PX in scenario/readability.py;
#: zij-instromer's rooster legend is exactly that), so one press makes it 50 px and two 74 px, for
#: a group at the back of a deep hall; a trainer's own picture may be smaller: at 6×, the largest
#: step, 5-px text (a scanned form) is 30 px
ZOOMS = (1.0, 1.5, 2.25, 3.4, 5.0, 6.0)
#: how far one arrow press moves the picture: a fifth of the screen, so five presses cross it
PAN_STEP = 0.2
#: the longest side of the picture rendered for one zoom step, in physical pixels: 4096 keeps a
#: 1920-px beamer sharp up to about 2× and costs 4096 × 2304 × 4 bytes = 38 MB (the image cache
#: holds 160 MB); beyond that the visible part is scaled up from it
MAX_SOURCE_PX = 4096

ZOOM_IN_KEYS = {pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS}
ZOOM_OUT_KEYS = {pygame.K_MINUS, pygame.K_KP_MINUS}
FIT_KEYS = {pygame.K_0, pygame.K_KP0}
PAN_KEYS = {pygame.K_LEFT: (-1, 0), pygame.K_RIGHT: (1, 0), pygame.K_UP: (0, -1), pygame.K_DOWN: (0, 1)}


class PictureArea(Widget):
    """The picture itself: a drag moves it, the wheel zooms at the pointer (not in the Tab order)."""

    focusable = False

    def __init__(self, view: "PictureView", rect):
        super().__init__(rect, key="picture")
        self.view = view
        self._drag_from: tuple[int, int] | None = None

    def handle(self, event, ctx) -> bool:
        if event.type == pygame.MOUSEWHEEL:
            return self.view.zoom_by(1 if event.y > 0 else -1, ctx.mouse_pos())
        if event.type == pygame.MOUSEBUTTONDOWN:
            self._drag_from = event.pos
            return True
        if event.type == pygame.MOUSEMOTION and self._drag_from is not None:
            dx, dy = event.pos[0] - self._drag_from[0], event.pos[1] - self._drag_from[1]
            self._drag_from = event.pos
            return self.view.pan_by(dx, dy)
        if event.type == pygame.MOUSEBUTTONUP:
            self._drag_from = None
            return True
        return False

    def draw(self, canvas, ctx, focused: bool) -> None:
        self.view.draw_picture(canvas)


class PictureView(Screen):
    name = "picture"
    back_key = "close"

    def __init__(self, app, path, title: str = ""):
        super().__init__(app)
        self.path = Path(path)
        self.title = title
        self.zoom_step = 0
        #: the picture's centre, as a share of the picture (0.5, 0.5: the middle is in the middle)
        self.centre = [0.5, 0.5]
        self._rendered: tuple | None = None
        #: where the picture is shown, above the bar of buttons (set by :meth:`layout`)
        self.view_rect = pygame.Rect(MARGIN, MARGIN, LOGICAL_W - 2 * MARGIN, LOGICAL_H - 4 * MARGIN)

    @property
    def zoom(self) -> float:
        return ZOOMS[self.zoom_step]

    # ------------------------------------------------------------ layout

    def layout(self) -> None:
        tr, canvas, app = self.app.tr, self.app.canvas, self.app
        buttons = [Button(tr("ui.picture.zoom_out"), lambda: self.zoom_by(-1), key="zoom_out"),
                   Button(tr("ui.picture.zoom_in"), lambda: self.zoom_by(1), key="zoom_in"),
                   Button(tr("ui.picture.fit"), self.fit, key="fit"),
                   Button(tr("ui.dialog.close"), self.close, key="close", kind="primary")]
        widths = [canvas.measure(b.text, b._style(), app.size("button")) + 64 for b in buttons]
        button_h = max(b.preferred_height(canvas, app, w) for b, w in zip(buttons, widths))
        self.hint_width = LOGICAL_W - 2 * MARGIN - sum(widths) - 16 * len(buttons)
        # the bar is as tall as its buttons or its words (at the widest zoom figure), the picture gets the rest
        bar_h = max(button_h, self._hint_layout(ZOOMS[-1]).height)
        self.bar = pygame.Rect(MARGIN, LOGICAL_H - MARGIN - bar_h, LOGICAL_W - 2 * MARGIN, bar_h)
        self.view_rect = pygame.Rect(MARGIN, MARGIN, LOGICAL_W - 2 * MARGIN, self.bar.top - 2 * MARGIN)
        x = self.bar.right
        for button, width in reversed(list(zip(buttons, widths))):
            x -= width
            button.rect = pygame.Rect(x, self.bar.centery - button_h // 2, width, button_h)
            x -= 16
        self._update_enabled(buttons)
        self.buttons = buttons
        self.area = PictureArea(self, self.view_rect)
        self.set_widgets([self.area] + buttons, default="close")

    def _hint_layout(self, zoom: float):
        """The title and the keys beside the buttons; only the keys when both need more than two lines."""
        app = self.app
        hint = app.tr("ui.picture.keys", percent=round(zoom * 100))
        layout = app.canvas.layout(f"{self.title} · {hint}" if self.title else hint, "regular", app.size("small"),
                                   self.hint_width)
        if len(layout.lines) > 2:                      # a long title at the largest text size: the keys matter more
            layout = app.canvas.layout(hint, "regular", app.size("small"), self.hint_width)
        return layout

    def _update_enabled(self, buttons=None) -> None:
        for button in buttons or self.buttons:
            if button.key == "zoom_in":
                button.enabled = self.zoom_step < len(ZOOMS) - 1
            elif button.key in ("zoom_out", "fit"):
                button.enabled = self.zoom_step > 0

    # ------------------------------------------------------------ geometry

    def fitted(self) -> pygame.Rect | None:
        """Where the whole picture goes at zoom 1: as large as the view allows, in proportion."""
        natural = self.app.images.natural_size(self.path)
        if natural is None:
            return None
        view = self.view_rect
        factor = min(view.width / natural[0], view.height / natural[1])
        rect = pygame.Rect(0, 0, max(1, round(natural[0] * factor)), max(1, round(natural[1] * factor)))
        rect.center = view.center
        return rect

    def zoomed(self) -> pygame.Rect | None:
        """The picture at the current zoom, placed so that :attr:`centre` is in the middle of the view."""
        fit = self.fitted()
        if fit is None:
            return None
        rect = pygame.Rect(0, 0, round(fit.width * self.zoom), round(fit.height * self.zoom))
        rect.left = round(self.view_rect.centerx - self.centre[0] * rect.width)
        rect.top = round(self.view_rect.centery - self.centre[1] * rect.height)
        return rect

    def _clamp(self) -> None:
        """Keep the picture over the view: no empty band beside a picture larger than the view."""
        rect = self.zoomed()
        if rect is None:
            return
        for axis, size, view in ((0, rect.width, self.view_rect.width), (1, rect.height, self.view_rect.height)):
            if size <= view:
                self.centre[axis] = 0.5
            else:
                half = view / 2 / size
                self.centre[axis] = min(1 - half, max(half, self.centre[axis]))

    # ------------------------------------------------------------ actions

    def zoom_by(self, steps: int, at=None) -> bool:
        """Zoom one step in (+1) or out (-1), keeping the point under ``at`` (logical) in place."""
        new = max(0, min(len(ZOOMS) - 1, self.zoom_step + steps))
        if new == self.zoom_step:
            return False
        before = self.zoomed()
        if at is not None and before is not None and self.view_rect.collidepoint(at):
            # the share of the picture under the pointer stays under the pointer
            share = ((at[0] - before.left) / before.width, (at[1] - before.top) / before.height)
            self.zoom_step = new
            after = self.zoomed()
            self.centre[0] = share[0] - (at[0] - self.view_rect.centerx) / after.width
            self.centre[1] = share[1] - (at[1] - self.view_rect.centery) / after.height
        else:
            self.zoom_step = new
        self._clamp()
        self._update_enabled()
        self.app.invalidate()
        return True

    def pan_by(self, dx: float, dy: float) -> bool:
        """Move the picture by (dx, dy) logical pixels (a drag: the picture follows the hand)."""
        rect = self.zoomed()
        if rect is None:
            return False
        before = tuple(self.centre)
        self.centre[0] -= dx / rect.width
        self.centre[1] -= dy / rect.height
        self._clamp()
        self.app.invalidate()
        return tuple(self.centre) != before

    def fit(self) -> None:
        self.zoom_step = 0
        self.centre = [0.5, 0.5]
        self._update_enabled()
        self.app.invalidate()

    def close(self) -> None:
        self.app.stack.pop()

    # ------------------------------------------------------------ keys

    def handle(self, event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in PAN_KEYS and self.zoom_step > 0:
            # arrows move the picture (the button row is reached with Tab); at zoom 1 there is nothing to move
            dx, dy = PAN_KEYS[event.key]
            self.pan_by(-dx * self.view_rect.width * PAN_STEP, -dy * self.view_rect.height * PAN_STEP)
            return True
        return super().handle(event)

    def on_key(self, event) -> bool:
        if event.key == pygame.K_ESCAPE:
            self.close()
        elif event.key in ZOOM_IN_KEYS:
            self.zoom_by(1)
        elif event.key in ZOOM_OUT_KEYS:
            self.zoom_by(-1)
        elif event.key in FIT_KEYS:
            self.fit()
        elif event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            return self.focus.step_for_clicker(1 if event.key == pygame.K_PAGEDOWN else -1)
        else:
            return False
        return True

    # ------------------------------------------------------------ drawing

    def draw(self, canvas) -> None:
        c = self.app.theme.colours
        canvas.fill(pygame.Rect(0, 0, LOGICAL_W, LOGICAL_H), c.background)
        layout = self._hint_layout(self.zoom)
        top = self.bar.centery - layout.height // 2
        canvas.paragraph(layout, pygame.Rect(MARGIN, top, self.hint_width, layout.height), c.text)
        super().draw(canvas)

    def draw_picture(self, canvas) -> None:
        """Only the part of the picture inside the view, rendered at most :data:`MAX_SOURCE_PX` wide."""
        rect = self.zoomed()
        if rect is None:
            return
        view = self.view_rect
        shown = rect.clip(view)
        physical_rect, physical_shown = canvas.px(rect), canvas.px(shown)
        if physical_shown.width <= 0 or physical_shown.height <= 0:
            return
        scale = min(1.0, MAX_SOURCE_PX / max(physical_rect.width, physical_rect.height))
        source = self._source((max(1, round(physical_rect.width * scale)), max(1, round(physical_rect.height * scale))))
        if source is None:
            return
        sw, sh = source.get_size()
        sx, sy = sw / physical_rect.width, sh / physical_rect.height     # the renderer may round a pixel off
        part = pygame.Rect(int((physical_shown.left - physical_rect.left) * sx),
                           int((physical_shown.top - physical_rect.top) * sy),
                           max(1, round(physical_shown.width * sx)), max(1, round(physical_shown.height * sy)))
        part = part.clip(pygame.Rect(0, 0, sw, sh))
        if part.width <= 0 or part.height <= 0:
            return
        piece = source.subsurface(part)
        if piece.get_size() != physical_shown.size:
            piece = pygame.transform.smoothscale(piece, physical_shown.size)
        canvas.surface.blit(piece, physical_shown.topleft)

    def _source(self, size: tuple[int, int]):
        """The whole picture at ``size`` (physical), rendered once per zoom step.

        A vector picture is rendered here at that size, keeping whatever size
        the renderer rounds to: the image cache wants the exact size back and
        otherwise scales up its small proof rendering, which blurs the very
        text a group zooms in to read.  The cache already checked the file
        (``natural_size`` answered); a picture it refuses is not drawn.
        """
        if self._rendered is not None and self._rendered[0] == size:
            return self._rendered[1]
        surface = None
        if self.path.suffix.lower() == ".svg" and self.app.images.refused(self.path) is None:
            try:
                surface = pygame.image.load_sized_svg(str(self.path), size).convert_alpha()
            except DECODE_ERRORS:
                surface = None
        if surface is None:
            surface = self.app.images.scaled(self.path, size)
        self._rendered = (size, surface)
        return surface

    def autoplay(self, command) -> list | None:
        return self.go_back()


class PictureButton(Button):
    """A picture with its label under it ("Groot bekijken: Rooster"); Enter, F5 or a click opens it full-screen."""

    def __init__(self, path, text: str, on_activate, *, key: str):
        super().__init__(text, on_activate, key=key, icon="magnifier", align="left")
        self.path = Path(path)
        self.label_h = 0

    def place(self, canvas, ctx, rect: pygame.Rect) -> None:
        """Put the tile at ``rect``: the label as tall as its words, the picture takes the rest."""
        self.label_h = Button.preferred_height(self, canvas, ctx, rect.width)
        self.rect = pygame.Rect(rect)

    def draw(self, canvas, ctx, focused: bool) -> None:
        c = ctx.theme.colours
        canvas.fill(self.rect, c.panel, ctx.theme.radius)
        picture = pygame.Rect(self.rect.left + 12, self.rect.top + 12, self.rect.width - 24,
                              self.rect.height - self.label_h - 24)
        if picture.height > 0:
            canvas.image(self.path, picture)
        whole = self.rect
        self.rect = pygame.Rect(whole.left, whole.bottom - self.label_h, whole.width, self.label_h)
        try:
            super().draw(canvas, ctx, focused)
        finally:
            self.rect = whole
        canvas.frame(self.rect, c.border, 2, ctx.theme.radius)
