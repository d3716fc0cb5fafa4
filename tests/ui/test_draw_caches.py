"""Faster drawing paths give the same pixels as the plain ones (docs/performance.md, issue #21)."""

import random

import pygame
import pytest

from escapebox.ui.canvas import Canvas
from escapebox.ui.images import ImageCache, Picture
from escapebox.ui.text import TextRenderer


@pytest.fixture
def window():
    pygame.display.init()
    surface = pygame.display.set_mode((640, 360))
    yield surface
    pygame.display.quit()


def pixels(surface) -> bytes:
    return pygame.image.tobytes(surface, "RGBA")


def canvas_on(surface) -> Canvas:
    return Canvas(surface, TextRenderer(None), ImageCache(None))


def test_rounded_fill_is_drawn_in_bands_with_the_pixels_of_one_rounded_rect(window):
    canvas = canvas_on(window)
    chance = random.Random(21)
    for _ in range(40):
        rect = pygame.Rect(chance.randint(-20, 300), chance.randint(-20, 200), chance.randint(1, 900), chance.randint(1, 600))
        radius = chance.randint(1, 60)
        window.fill((250, 250, 250))
        pygame.draw.rect(window, (20, 90, 160), canvas.px(rect), border_radius=canvas.px_len(radius))
        expected = pixels(window)
        window.fill((250, 250, 250))
        canvas.fill(rect, (20, 90, 160), radius)
        assert pixels(window) == expected, (rect, radius)


def test_a_dialog_shadow_under_its_panel_blends_only_where_it_shows(window):
    canvas = canvas_on(window)
    panel = pygame.Rect(300, 200, 1200, 700)
    canvas.surface = blending = _CountingSurface(window)
    canvas.shadow(panel.move(0, 10), (0, 0, 0, 70), 24, under=panel)
    canvas.surface = window
    blended = blending.blitted_rows
    # the panel's rows between its rounded corners hide the shadow: those are not blended
    assert 0 < blended < canvas.px(panel).height // 4
    for backdrop in ((250, 250, 250), (10, 200, 30)):
        window.fill(backdrop)
        canvas.fill(panel.move(0, 10), (0, 0, 0, 70), 24)
        canvas.fill(panel, (240, 236, 228), 24)
        expected = pixels(window)
        window.fill(backdrop)
        canvas.shadow(panel.move(0, 10), (0, 0, 0, 70), 24, under=panel)
        canvas.fill(panel, (240, 236, 228), 24)
        assert pixels(window) == expected


class _CountingSurface:
    """The window, noting how many rows each blit blends."""

    def __init__(self, surface):
        self.surface = surface
        self.blitted_rows = 0

    def blit(self, source, dest, area=None, special_flags=0):
        self.blitted_rows += (pygame.Rect(area).height if area is not None else source.get_height())
        return self.surface.blit(source, dest, area, special_flags)

    def __getattr__(self, name):
        return getattr(self.surface, name)


def antialiased_picture(size=(300, 170), see_through_inside=False) -> pygame.Surface:
    """Opaque but for a soft right and bottom edge, like an SVG scaled to a size just off its proportions."""
    picture = pygame.Surface(size, pygame.SRCALPHA)
    picture.fill((200, 120, 40, 255))
    pygame.draw.line(picture, (30, 60, 90, 255), (0, 0), size, 5)
    width, height = size
    for n, alpha in enumerate((200, 90, 30)):
        picture.fill((200, 120, 40, alpha), (width - 1 - n, 0, 1, height))
        picture.fill((200, 120, 40, alpha), (0, height - 1 - n, width, 1))
    if see_through_inside:
        picture.fill((0, 0, 0, 0), (100, 50, 20, 20))
    return picture.convert_alpha()


def test_an_opaque_picture_with_a_soft_edge_is_copied_inside_and_blended_at_the_edge(window):
    source = antialiased_picture()
    picture = Picture.of(source)
    assert picture.inner is not None and not picture.inner.get_flags() & pygame.SRCALPHA
    assert picture.inner.get_size() == (297, 167)
    for backdrop in ((255, 255, 255), (0, 90, 0)):
        window.fill(backdrop)
        window.blit(source, (17, 9))
        expected = pixels(window)
        window.fill(backdrop)
        picture.blit(window, (17, 9))
        assert pixels(window) == expected
    assert pixels(picture.surface()) == pixels(source)


def test_a_picture_with_a_see_through_inside_stays_one_blended_surface(window):
    source = antialiased_picture(see_through_inside=True)
    picture = Picture.of(source)
    assert picture.inner is None and picture.surface() is source


def test_the_picture_cache_holds_parts_whose_bytes_it_counts(window, tmp_path):
    svg = tmp_path / "kamer.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="160" height="90">'
                   '<rect width="160" height="90" fill="#dfe7e4"/><circle cx="80" cy="45" r="30" fill="#345"/></svg>')
    images = ImageCache(None)
    images.allow(tmp_path)
    picture = images.picture(svg, (481, 271))
    assert picture.inner is not None
    assert images._scaled.bytes == picture.pixel_bytes >= 481 * 271 * 4 * 0.9
    assert images.scaled(svg, (481, 271)).get_size() == (481, 271)


def test_the_console_window_is_drawn_again_only_when_what_it_shows_changed(make_app, fixture_scenario):
    from escapebox.core import commands as C
    from ui_helpers import start_game
    app, pilot = make_app(fixture_scenario, console=True)
    start_game(pilot)
    console = app.console
    drawn = []
    original = console._draw
    console._draw = lambda: (drawn.append(1), original())
    console.panel._clock_line = lambda: "tijd over 12:00"       # no new second during the test
    app.invalidate()
    app.frame(block=False)
    drawn.clear()
    for _ in range(3):                                # key presses in the players' window only
        app.invalidate()
        app.frame(block=False)
    assert drawn == []
    before = pygame.image.tobytes(console.window.get_surface(), "RGB")
    app.game.apply(C.SetGroupName("Groep Zeven"))    # the console's header names the group
    app.invalidate()
    app.frame(block=False)
    assert drawn == [1]
    assert pygame.image.tobytes(console.window.get_surface(), "RGB") != before
    console.report("Hint gestuurd", "success")
    app.invalidate()
    app.frame(block=False)
    assert drawn == [1, 1]
