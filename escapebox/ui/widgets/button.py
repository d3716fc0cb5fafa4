"""Buttons, cards and option rows: one class, because they differ only in looks.

A button may carry an icon, a shortcut letter, a "nieuw" badge (a word on
a coloured pill, never colour alone), a check box or radio mark for options
that can be selected, and a lock mark for locked exits.  Long labels wrap;
``preferred_height`` tells a layout how tall the wrapped label needs to be.
"""

from __future__ import annotations

import pygame

from escapebox.ui.widgets.base import Widget

PAD_X, PAD_Y = 24, 14


def draw_badge(canvas, ctx, text: str, anchor_pos, anchor: str = "topright") -> pygame.Rect:
    """A pill with a short word (e.g. NIEUW); returns its logical rect."""
    size = ctx.size("small")
    width = canvas.measure(text, "bold", size) + 28
    height = canvas.text_renderer.line_height(size) + 4
    rect = pygame.Rect(0, 0, width, height)
    setattr(rect, anchor, anchor_pos)
    canvas.fill(rect, ctx.theme.colours.new_badge, radius=height // 2)
    canvas.text(text, rect.center, "bold", size, ctx.theme.colours.new_badge_text, "center")
    return rect


def draw_check(canvas, rect, colour, width: int = 6) -> None:
    r = pygame.Rect(rect)
    canvas.line((r.left + r.width * 0.18, r.top + r.height * 0.52), (r.left + r.width * 0.42, r.top + r.height * 0.76), colour, width)
    canvas.line((r.left + r.width * 0.42, r.top + r.height * 0.76), (r.left + r.width * 0.84, r.top + r.height * 0.26), colour, width)


def draw_cross(canvas, rect, colour, width: int = 6) -> None:
    r = pygame.Rect(rect).inflate(-rect[2] * 0.3, -rect[3] * 0.3)
    canvas.line(r.topleft, r.bottomright, colour, width)
    canvas.line(r.topright, r.bottomleft, colour, width)


def draw_lock(canvas, rect, colour) -> None:
    """A padlock drawn with shapes (works without icon files)."""
    r = pygame.Rect(rect)
    body = pygame.Rect(r.left + r.width * 0.15, r.top + r.height * 0.45, r.width * 0.7, r.height * 0.5)
    shackle = pygame.Rect(r.left + r.width * 0.28, r.top + r.height * 0.08, r.width * 0.44, r.height * 0.6)
    canvas.frame(shackle, colour, max(3, r.width // 9), radius=r.width // 4)
    canvas.fill(body, colour, radius=4)


class Button(Widget):
    def __init__(self, text: str, on_activate=None, *, key: str | None = None, rect=None,
                 kind: str = "normal", icon: str | None = None, badge: str | None = None,
                 align: str = "center", role: str = "button", selected: bool | None = None,
                 radio: bool = False, locked: bool = False, detail: str | None = None,
                 icon_size: int = 0, item: bool = False):
        super().__init__(rect, key or text, on_activate)
        #: an option or value to pick: Space selects it, Enter does the screen's main action (widgets.base)
        self.item = item
        self.text = text
        self.kind = kind
        self.icon = icon
        self.badge = badge
        self.align = align
        self.role = role
        self.selected = selected
        self.radio = radio
        self.locked = locked
        self.detail = detail
        self.icon_size = icon_size
        self.radius = None
        self.mark: str | None = None   # "right" / "wrong" after checking an option
        self.pad_y = PAD_Y             # compact lists (long orderings) use less
        self.overflowing = False       # set when drawn: the label needs more room than the button has

    # ------------------------------------------------------------ layout

    def _lead_width(self, ctx) -> int:
        width = 0
        if self.selected is not None:
            width += 56
        if self.locked and not (self.icon and self.icon_size):
            width += 52
        if self.icon and self.icon_size == 0:
            width += ctx.size(self.role) * 2 + 12
        return width

    def _row_badge(self) -> bool:
        """A list row's badge, drawn inside the row (centred buttons, the toolbar's, carry it above them)."""
        return bool(self.badge) and not (self.icon and self.icon_size) and self.align == "left"

    def _badge_width(self, ctx) -> int:
        """Room kept beside the words for a list row's badge; 0 when it goes on a line above them instead.

        Beside the words only while the longest word still fits next to it: at the largest text size a
        clue-book row is about 300 px wide for its words, and "Telefoongesprek" beside NIEUW broke in two.
        """
        if not self._row_badge():
            return 0
        width = ctx.canvas.measure(self.badge, "bold", ctx.size("small")) + 28
        free = self.rect.width - 2 * PAD_X - self._lead_width(ctx) - width
        widest = max((ctx.canvas.measure(word, self._style(), ctx.size(self.role)) for word in self.text.split()), default=0)
        return width if widest <= free else 0

    def _badge_line(self, ctx) -> int:
        """Height of the line a row's badge takes above the words when it does not fit beside them."""
        if not self._row_badge() or self._badge_width(ctx):
            return 0
        return ctx.canvas.text_renderer.line_height(ctx.size("small")) + 4 + 6

    def text_width(self, ctx) -> int:
        return max(40, self.rect.width - 2 * PAD_X - self._lead_width(ctx) - self._badge_width(ctx))

    def preferred_height(self, canvas, ctx, width: int | None = None) -> int:
        if width is not None:
            self.rect.width = width
        size = ctx.size(self.role)
        layout = canvas.layout(self.text, self._style(), size, self.text_width(ctx))
        height = layout.height + 2 * self.pad_y + self._badge_line(ctx)
        if self.detail:
            height += canvas.layout(self.detail, "regular", ctx.size("small"), self.text_width(ctx)).height
        if self.icon and self.icon_size:
            height += self.icon_size + 8
        return max(height, ctx.size(self.role) * 2 + 8 - 2 * (PAD_Y - self.pad_y))

    def _style(self) -> str:
        return "bold" if self.kind in ("primary", "danger") or self.role in ("heading",) else "regular"

    # ------------------------------------------------------------ drawing

    def _colours(self, ctx):
        c = ctx.theme.colours
        if not self.enabled:
            return c.panel_alt, c.muted, c.border
        if self.kind == "primary":
            return c.accent, c.accent_text, c.accent
        if self.kind == "danger":
            return c.danger, c.status_text, c.danger
        if self.selected:
            return c.panel_alt, c.text, c.accent
        return (c.panel_alt if self.hovered else c.panel), c.text, c.border

    def draw(self, canvas, ctx, focused: bool) -> None:
        bg, fg, border = self._colours(ctx)
        radius = ctx.theme.radius
        canvas.fill(self.rect, bg, radius)
        canvas.frame(self.rect, border, 4 if self.selected else 2, radius)
        inner = self.rect.inflate(-2 * PAD_X, -2 * self.pad_y)
        if self.icon and self.icon_size:
            icon_rect = pygame.Rect(0, 0, self.icon_size, self.icon_size)
            icon_rect.midtop = (self.rect.centerx, self.rect.top + self.pad_y)
            canvas.icon(self.icon, icon_rect)
            inner.top = icon_rect.bottom + 8
            inner.height = self.rect.bottom - self.pad_y - inner.top
        x = inner.left
        if self.selected is not None:
            self._draw_selector(canvas, ctx, pygame.Rect(x, self.rect.centery - 20, 40, 40), fg)
            x += 56
        if self.locked and self.icon and self.icon_size:
            draw_lock(canvas, pygame.Rect(self.rect.left + 18, self.rect.top + 16, 34, 36), fg)  # card corner
        elif self.locked:
            draw_lock(canvas, pygame.Rect(x, self.rect.centery - 20, 38, 40), fg)
            x += 52
        if self.icon and not self.icon_size:
            side = ctx.size(self.role) * 2
            canvas.icon(self.icon, pygame.Rect(x, self.rect.centery - side // 2, side, side))
            x += side + 12
        above = self._badge_line(ctx)
        text_rect = pygame.Rect(x, inner.top + above, inner.right - x - self._badge_width(ctx), inner.height - above)
        self._draw_label(canvas, ctx, text_rect, fg)
        if self.badge:
            # above the label: sits mostly over the top edge, so it never covers the words
            if self._row_badge():        # list rows: inside, in the room kept free beside or above the words
                draw_badge(canvas, ctx, self.badge, (self.rect.right - 10, self.rect.top + 8), "topright")
            else:
                draw_badge(canvas, ctx, self.badge, (self.rect.right - 10, self.rect.top + 12), "bottomright")
        if self.mark:
            self._draw_mark(canvas, ctx)

    def _draw_label(self, canvas, ctx, rect, colour) -> None:
        size = ctx.size(self.role)
        layout = canvas.layout(self.text, self._style(), size, max(40, rect.width))
        detail = canvas.layout(self.detail, "regular", ctx.size("small"), max(40, rect.width)) if self.detail else None
        total = layout.height + (detail.height if detail else 0)
        #: the label needs more room than the button has: it would stick out (the overflow walk checks this)
        ink = total - (layout.line_height - size)          # the last line's leading is empty space
        self.overflowing = ink > self.rect.height - 4 - self._badge_line(ctx)   # into the padding is tight but readable; past the edge is cut
        top = rect.top + max(0, (rect.height - total) // 2)
        align = "center" if self.align == "center" and self.selected is None else "left"
        area = pygame.Rect(rect.left, top, rect.width, layout.height)
        canvas.paragraph(layout, area, colour, align=align)
        if detail:
            muted = colour if self.kind in ("primary", "danger") else ctx.theme.colours.muted
            canvas.paragraph(detail, pygame.Rect(rect.left, area.bottom, rect.width, detail.height), muted, align=align)

    def _draw_selector(self, canvas, ctx, box, colour) -> None:
        if self.radio:
            canvas.circle(box.center, 18, colour, 3)
            if self.selected:
                canvas.circle(box.center, 10, colour)
        else:
            canvas.frame(box, colour, 3, 6)
            if self.selected:
                draw_check(canvas, box, colour, 5)

    def _draw_mark(self, canvas, ctx) -> None:
        c = ctx.theme.colours
        colour = c.success if self.mark == "right" else c.danger
        box = pygame.Rect(self.rect.right - 56, self.rect.centery - 22, 44, 44)
        canvas.fill(box, colour, 22)
        (draw_check if self.mark == "right" else draw_cross)(canvas, box, c.status_text, 5)
