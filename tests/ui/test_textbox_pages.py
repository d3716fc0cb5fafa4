"""PageUp from a short last page lands on the page before it, so the page label stays right.

Before, "back by a page" from the last page (which ends with the last line, so it starts less than a
page after the one before) stood between two pages and the label said one page too few:
13 lines at 6 a page showed "pagina 1 van 3" after one PageUp from page 3.
"""

from types import SimpleNamespace

import pygame
import pytest

from escapebox.ui.widgets.textbox import INDICATOR_H, TextBox

LINE_H = 20


class FakeCanvas:
    """Only what TextBox asks of the canvas: a layout of ``count`` lines."""

    def __init__(self, count: int):
        self.count = count

    def layout(self, text, style, size, width):
        return SimpleNamespace(lines=["x"] * self.count, line_height=LINE_H, height=self.count * LINE_H)


def box(lines: int, per_page: int) -> TextBox:
    tb = TextBox("…", pygame.Rect(0, 0, 400, INDICATOR_H + per_page * LINE_H))
    tb._canvas, tb._ctx = FakeCanvas(lines), SimpleNamespace(size=lambda role: 20)
    return tb


@pytest.mark.parametrize("lines, per_page", [(13, 6), (11, 4), (15, 5), (6, 3), (20, 7)])
def test_page_up_and_down_walk_every_page_with_the_right_label(lines, per_page):
    tb = box(lines, per_page)
    _, pages = tb.pages()
    assert pages >= 3
    for n in range(2, pages + 1):
        assert tb.page(1)
        assert tb.pages() == (n, pages)
    assert not tb.page(1)
    for n in range(pages - 1, 0, -1):
        assert tb.page(-1)
        assert tb.pages() == (n, pages)
    assert tb.first_line == 0 and not tb.page(-1)


class WidthCanvas(FakeCanvas):
    """Six lines at 500 px and wider, eight when narrower."""

    def __init__(self):
        super().__init__(0)
        self.widths = []

    def layout(self, text, style, size, width):
        self.widths.append(width)
        self.count = 6 if width >= 500 else 8
        return super().layout(text, style, size, width)


def test_a_box_one_line_high_keeps_its_page_sign_beside_the_text():
    """Under a one-line feedback the indicator struck through the text (student-met-rugzak at the beamer)."""
    from escapebox.ui.widgets.textbox import SIDE_INDICATOR_W
    tb = TextBox("…", pygame.Rect(0, 0, 560, LINE_H + 10))
    tb.side_pages = True
    canvas = WidthCanvas()
    tb._canvas, tb._ctx = canvas, SimpleNamespace(size=lambda role: 20)
    assert tb.pages() == (1, 8)                       # one line a page, at the narrower width
    assert canvas.widths[-1] == 560 - SIDE_INDICATOR_W
    for n in range(2, 9):
        assert tb.page(1) and tb.pages() == (n, 8)
    roomy = TextBox("…", pygame.Rect(0, 0, 560, INDICATOR_H + 2 * LINE_H))
    roomy.side_pages = True
    roomy._canvas, roomy._ctx = WidthCanvas(), SimpleNamespace(size=lambda role: 20)
    assert roomy.pages()[1] > 1 and roomy._canvas.widths[-1] == 560    # room under the text: as before
