"""Messages on the picker and the intro stand in a free stretch, never over the title, a card or a button.

These two screens have no game top bar; a message on them went in the band along the top edge, over
the intro's big title and the picker's heading and settings button. Checked for every bundled
scenario's intro and for the picker, at 1280x720 and at beamer size 1920x1080, in every text size
and both interface languages: with two long messages raised, their box overlaps no widget (nor the
focus ring around it), and in the frame drawn without them the pixels under the box are all of one
colour (so no letter of the title, heading or subtitle lies under it).
"""
from __future__ import annotations

import pygame
import pytest

from escapebox.scenario.loader import load_scenario
from escapebox.ui.canvas import LOGICAL_W
from escapebox.ui.screens import intro as intro_module
from escapebox.ui.settings import TEXT_STEPS
from test_toast_room import under_toast
from ui_helpers import REPO, SCENARIOS

BUNDLED = sorted(p.name for p in SCENARIOS.iterdir() if (p / "scenario.yaml").is_file())
SIZES = {"window": (1280, 720), "beamer": (1920, 1080)}
#: how far a focus ring reaches outside its control (the default theme's 6 px ring, 3 px off the edge)
RING = 9
#: every text size, and the largest with the dyslexia spacing (the tallest lines there are)
TEXT = [dict(text_size=step) for step in TEXT_STEPS] + [dict(text_size="extra_large", dyslexia=True)]
ORG_THEME = REPO / "assets" / "themes" / "zorggroep-voorbeeld" / "theme.yaml"


def drawn_rect(screen, widget) -> pygame.Rect:
    """Where a widget is drawn: a picker card only inside the list's band (it is cut at its edges)."""
    rect = widget.rect.inflate(2 * RING, 2 * RING)
    if screen.name == "picker" and widget in screen.cards:
        band = pygame.Rect(0, screen.top - 30, LOGICAL_W, screen.bottom - screen.top + 60)
        rect = rect.clip(band)
    return rect


def check_screen(app, where):
    screen = app.stack.top
    box, colours = under_toast(app)
    assert box.width and box.height, f"{where}: no message shown"
    covered = [w.key for w in screen.focus.widgets if w.rect is not None and drawn_rect(screen, w).colliderect(box)]
    assert not covered, f"{where}: the message {tuple(box)} covers {covered}"
    assert len(colours) == 1, f"{where}: the message {tuple(box)} covers text ({len(colours)} colours under it)"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
@pytest.mark.parametrize("name", BUNDLED)
def test_a_message_on_the_intro_covers_no_title_text_or_control(make_app, name, size, lang):
    app, pilot = make_app(load_scenario(SCENARIOS / name), size=size, lang=lang)
    assert pilot.screen.name == "intro"
    for text in TEXT:
        app.apply_settings(app.settings.with_(**text))
        pilot.run()
        check_screen(app, f"intro {name} {size} {lang} {text}")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_a_message_on_the_picker_covers_no_heading_card_or_button(make_app, size, lang):
    app, pilot = make_app(None, size=size, lang=lang)
    assert pilot.screen.name == "picker"
    for text in TEXT:
        app.apply_settings(app.settings.with_(**text))
        pilot.run()
        check_screen(app, f"picker {size} {lang} {text}")
        pilot.press("pagedown")              # the list scrolled: cards stand higher and lower than before
        pilot.run()
        check_screen(app, f"picker scrolled {size} {lang} {text}")
        pilot.press("pageup")
        pilot.run()


def test_a_message_on_the_picker_with_few_cards_may_stand_under_them(make_app, tmp_path):
    """With the whole list shown, the free band under the last card is a place too (a trainer's own folder)."""
    from escapebox.ui.screens.picker import PickerScreen, find_entries
    app, pilot = make_app(None, size=(1280, 720))
    picker = PickerScreen(app, find_entries(app.tr)[:2])
    app.stack.replace(picker)
    pilot.run()
    assert not picker.more_below
    under = picker._under_cards()
    assert under is not None and under in picker.toast_areas
    assert under.top > max(card.rect.bottom for card in picker.cards)
    check_screen(app, "picker with two cards")


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_a_message_on_the_intro_leaves_the_logo_alone(make_app, size):
    app, pilot = make_app(load_scenario(SCENARIOS / "student-met-rugzak"), size=size, theme_file=ORG_THEME)
    for text in TEXT:
        app.apply_settings(app.settings.with_(**text))
        pilot.run()
        logo = pilot.screen._logo_rect()
        assert logo is not None and logo.right == LOGICAL_W - intro_module.MARGIN
        box, _colours = under_toast(app)     # the theme's background picture: many colours anyway
        covered = [w.key for w in pilot.screen.focus.widgets if w.rect.inflate(2 * RING, 2 * RING).colliderect(box)]
        assert box.width and not box.colliderect(logo) and not covered, (text, tuple(box), covered)


def test_a_message_on_the_picker_leaves_the_festivals_line_alone(make_app, monkeypatch):
    """Once joined, the line beside the buttons names the festival: a message goes beside the heading."""
    app, pilot = make_app(None, size=(1280, 720))
    picker = pilot.screen
    monkeypatch.setattr(picker, "festival_line", lambda: "Meedoen met: Leerfestival Zorggroep (code 4821)")
    app.dirty = True
    pilot.run()
    assert picker._beside_tools() is None
    check_screen(app, "picker, festival joined")
    assert app._toast_rect.bottom < picker.top          # beside the heading, above the cards
