"""The start screen at the largest text size: a normal intro pages a few times, not seven or eight."""

import pytest

from escapebox.scenario.loader import load_scenario
from escapebox.ui.screens.intro import IntroScreen

from ui_helpers import SCENARIOS

BUNDLED = ["student-met-rugzak", "zij-instromer", "hele-team-leert", "tutorial", "voorbeeld-compleet"]
#: measured: the longest bundled intro (zij-instromer, hele-team-leert) is 34 lines at 40 px in the body
#: card, which shows 12 a page at extra_large, so 3 pages; the beamer preset ("large") pages it 3 times
#: too, so a group at the largest text size turns no more pages than a group at a beamer.  Before the
#: cards went beside the body it was 8.
MAX_PAGES = 3
BEAMER_BODY_PX = 40            # the beamer preset's body size: a long intro never gets smaller text


def _intro(make_app, name, lang="nl", size=(1280, 720)):
    app, pilot = make_app(load_scenario(SCENARIOS / name), size=size, lang=lang, text_size="extra_large")
    intro = app.stack.top
    app.draw()
    return app, pilot, intro


def _rects_apart(widgets):
    for n, one in enumerate(widgets):
        for other in widgets[n + 1:]:
            assert not one.rect.colliderect(other.rect), (one.key, one.rect, other.key, other.rect)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", BUNDLED)
def test_every_bundled_intro_pages_at_most_three_times_at_the_largest_text(make_app, name, lang):
    app, pilot, intro = _intro(make_app, name, lang)
    assert intro.body.pages()[1] <= MAX_PAGES
    assert not intro.facts_box.overflows() and not intro.privacy_box.overflows()
    line_height = intro.body.layout(app.canvas, app).line_height
    assert line_height >= app.canvas.layout("x", "regular", BEAMER_BODY_PX, 100).line_height
    _rects_apart(intro.focus.widgets)


@pytest.mark.parametrize("name", BUNDLED)
def test_pagedown_and_pageup_walk_the_pages_with_the_right_label_and_then_start(make_app, name):
    """The clicker's PageDown turns every page (the label follows), PageUp comes back page by page."""
    app, pilot, intro = _intro(make_app, name, size=(1920, 1080))
    _current, pages = intro.body.pages()
    assert pages >= 2
    for page in range(2, pages + 1):
        pilot.press("pagedown")
        app.draw()
        assert app.stack.top is intro and intro.body.pages() == (page, pages)
    for page in range(pages - 1, 0, -1):
        pilot.press("pageup")
        app.draw()
        assert intro.body.pages() == (page, pages)
    for _page in range(1, pages):
        pilot.press("pagedown")
    pilot.press("pagedown")                              # after the last page: on to the group's name
    assert app.stack.top.name == "group"


def test_from_the_picker_the_extra_buttons_get_a_row_of_their_own(make_app):
    """Opened from the picker the intro has a back button too: the buttons wrap, nothing overlaps."""
    app, pilot = make_app(None, size=(1280, 720), text_size="extra_large")
    app.stack.push(IntroScreen(app, load_scenario(SCENARIOS / "hele-team-leert")))
    pilot.run()
    app.draw()
    intro = app.stack.top
    assert intro.focus.find("back") is not None and intro.body.pages()[1] <= MAX_PAGES
    _rects_apart(intro.focus.widgets)
    assert all(w.rect.bottom <= 1040 and w.rect.top >= intro.body.rect.top for w in intro.focus.widgets)
    pilot.click_widget("back")
    assert app.stack.top.name == "picker"
