"""A read-only block of wrapped text that scrolls or pages when it is too long.

No text is ever cut off: when the text does not fit, the box shows which
page is visible and scrolls with the mouse wheel, the arrow keys (when
focused) and PageUp/PageDown (the presenter clicker).
"""

from __future__ import annotations

import pygame

from escapebox.ui.widgets.base import Widget

INDICATOR_H = 44
#: a box too low for a line and the indicator under it keeps the indicator in a column at its right:
#: drawn under a one-line feedback it struck through the text (student-met-rugzak at the beamer)
SIDE_INDICATOR_W = 150


class TextBox(Widget):
    def __init__(self, text: str = "", rect=None, *, key: str | None = None, role: str = "body",
                 style: str = "regular", colour: str = "text", align: str = "left", panel: bool = False):
        super().__init__(rect, key or "text")
        self.text = text
        self.role = role
        self.style = style
        self.colour = colour
        self.align = align
        self.panel = panel
        self.first_line = 0
        self._canvas = None
        self._ctx = None
        #: where the drawn ▲ / ▼ of the page indicator are: a click on one turns the page (a mouse-only group)
        self.page_arrows: dict[int, pygame.Rect] = {}
        #: a box that may be one line high (a puzzle's feedback) pages with its sign beside the text
        self.side_pages = False

    # ------------------------------------------------------------ geometry

    def _inner(self) -> pygame.Rect:
        return self.rect.inflate(-48, -40) if self.panel else pygame.Rect(self.rect)

    def layout(self, canvas, ctx):
        width = self._inner().width
        whole = canvas.layout(self.text, self.style, ctx.size(self.role), max(40, width))
        if not self._side_indicator(whole):
            return whole
        return canvas.layout(self.text, self.style, ctx.size(self.role), max(40, width - SIDE_INDICATOR_W))

    def _side_indicator(self, layout) -> bool:
        """Whether the text pages in a box with no room for a line above the indicator.

        Only for a box that asks for it (``side_pages``): others are measured while their height is
        still a placeholder (a question's box is 10 px high until it knows its text)."""
        inner = self._inner()
        return self.side_pages and layout.height > inner.height and inner.height - INDICATOR_H < layout.line_height

    def measure(self, canvas, ctx) -> int:
        """Height the whole text needs (so a layout can shrink the box to fit)."""
        extra = 40 if self.panel else 0
        return self.layout(canvas, ctx).height + extra

    def _lines_per_page(self, layout) -> int:
        inner = self._inner()
        if layout.height <= inner.height:
            return len(layout.lines)
        if self._side_indicator(layout):
            return max(1, inner.height // layout.line_height)
        return max(1, (inner.height - INDICATOR_H) // layout.line_height)

    def overflows(self) -> bool:
        if self._canvas is None:
            return False
        layout = self.layout(self._canvas, self._ctx)
        return layout.height > self._inner().height

    def can_focus(self) -> bool:
        return super().can_focus() and self.overflows()

    # ------------------------------------------------------------ scrolling

    def scroll(self, lines: int) -> bool:
        if self._canvas is None:
            return False
        layout = self.layout(self._canvas, self._ctx)
        page = self._lines_per_page(layout)
        last = max(0, len(layout.lines) - page)
        new = max(0, min(last, self.first_line + lines))
        changed = new != self.first_line
        self.first_line = new
        return changed

    def page(self, direction: int) -> bool:
        """Turn one page; False at the end (so PageDown can move on to the next step)."""
        if self._canvas is None:
            return False
        # to the first line of the page before or after, as page_number counts them: the last page is
        # shorter, so "step back by a page" from it stood between two pages and the label said one too few
        layout = self.layout(self._canvas, self._ctx)
        page = self._lines_per_page(layout)
        current, pages = self.page_number(len(layout.lines), page)
        target = min(max(current - 1 + direction, 0), pages - 1)
        last = max(0, len(layout.lines) - page)
        return self.scroll(min(target * max(1, page - 1), last) - self.first_line)

    def page_number(self, lines: int, page: int) -> tuple[int, int]:
        """(this page, pages) as PageDown turns them: a page on is ``page - 1`` lines (one line stays for
        context), and the last page ends with the last line, so it starts wherever that puts it.

        The wheel scrolls three lines at a time, so the text can stand between two pages: it then counts
        as the page whose first line is nearest (rounding down left "pagina 1 van 2" under a text scrolled
        most of the way to page 2)."""
        last = max(0, lines - page)
        if last == 0:
            return 1, 1
        step = max(1, page - 1)
        pages = -(-last // step) + 1
        starts = [min(n * step, last) for n in range(pages)]
        nearest = min(range(pages), key=lambda n: abs(self.first_line - starts[n]))
        return nearest + 1, pages

    def pages(self) -> tuple[int, int]:
        """(this page, pages) as the indicator shows them; (1, 1) before the box was drawn or when all fits."""
        if self._canvas is None:
            return 1, 1
        layout = self.layout(self._canvas, self._ctx)
        return self.page_number(len(layout.lines), self._lines_per_page(layout))

    def handle(self, event, ctx) -> bool:
        if event.type == pygame.MOUSEWHEEL:
            return self.scroll(-event.y * 3) or self.overflows()
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_UP, pygame.K_DOWN):
            return self.scroll(1 if event.key == pygame.K_DOWN else -1)
        if event.type == pygame.MOUSEBUTTONUP:
            direction = next((d for d, rect in self.page_arrows.items() if rect.collidepoint(event.pos)), None)
            return direction is not None and self.page(direction)
        return False

    # ------------------------------------------------------------ drawing

    def draw(self, canvas, ctx, focused: bool) -> None:
        self._canvas, self._ctx = canvas, ctx
        colours = ctx.theme.colours
        if self.panel:
            canvas.fill(self.rect, colours.panel, ctx.theme.radius)
            canvas.frame(self.rect, colours.border, 2, ctx.theme.radius)
        layout = self.layout(canvas, ctx)
        inner = self._inner()
        page = self._lines_per_page(layout)
        self.first_line = max(0, min(self.first_line, max(0, len(layout.lines) - page)))
        colour = getattr(colours, self.colour)
        text_rect = pygame.Rect(inner.left, inner.top, inner.width, page * layout.line_height)
        canvas.paragraph(layout, text_rect, colour, self.first_line, self.align, paged=True)
        self.page_arrows = {}
        if page < len(layout.lines):
            self._draw_indicator(canvas, ctx, inner, layout, page)

    def _draw_indicator(self, canvas, ctx, inner, layout, page) -> None:
        """"Meer tekst ▼ (PgDn)" with drawn arrows, so the reader knows the text goes on."""
        colours = ctx.theme.colours
        if self._side_indicator(layout):
            self._draw_side_indicator(canvas, ctx, inner, layout, page)
            return
        y = inner.bottom - INDICATOR_H + 6
        current, total_pages = self.page_number(len(layout.lines), page)
        label = ctx.tr("ui.text.more", page=current, pages=total_pages)
        size = ctx.size("small")
        if canvas.measure(label, "regular", size) > inner.width - 100:   # a narrow box at the largest text size
            label = f"{current}/{total_pages}"
        canvas.fill(pygame.Rect(inner.left, y - 6, inner.width, 2), colours.border)
        canvas.text(label, (inner.right, y), "regular", size, colours.muted, "topright")
        at_top = self.first_line == 0
        at_end = self.first_line + page >= len(layout.lines)
        x = inner.left + 8
        if not at_top:
            canvas.polygon([(x, y + 28), (x + 28, y + 28), (x + 14, y + 6)], colours.accent)
            self.page_arrows[-1] = pygame.Rect(x - 8, y - 4, 44, INDICATOR_H - 4)
            x += 44
        if not at_end:
            canvas.polygon([(x, y + 8), (x + 28, y + 8), (x + 14, y + 30)], colours.accent)
            self.page_arrows[1] = pygame.Rect(x - 8, y - 4, 44, INDICATOR_H - 4)


    def _draw_side_indicator(self, canvas, ctx, inner, layout, page) -> None:
        """"2/3" and the arrows in a column right of the text, for a box one line high."""
        colours = ctx.theme.colours
        column = pygame.Rect(inner.right - SIDE_INDICATOR_W + 16, inner.top, SIDE_INDICATOR_W - 16, inner.height)
        current, total_pages = self.page_number(len(layout.lines), page)
        canvas.fill(pygame.Rect(column.left - 8, column.top, 2, column.height), colours.border)
        canvas.text(f"{current}/{total_pages}", (column.right, column.centery), "regular", ctx.size("small"),
                    colours.muted, "midright")
        y, x = column.centery - 11, column.left + 4
        if self.first_line > 0:
            canvas.polygon([(x, y + 22), (x + 24, y + 22), (x + 12, y)], colours.accent)
            self.page_arrows[-1] = pygame.Rect(x - 4, column.top, 32, column.height)
            x += 36
        if self.first_line + page < len(layout.lines):
            canvas.polygon([(x, y), (x + 24, y), (x + 12, y + 22)], colours.accent)
            self.page_arrows[1] = pygame.Rect(x - 4, column.top, 32, column.height)
