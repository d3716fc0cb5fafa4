"""Reading on the game's screens: the clue book's long list, pictures full-screen, pop-ups, the intro's pages.

Each test plays the real screens with the pilot (keys, clicks, the wheel), at 1280×720 unless a beamer
(1920×1080) is the point.
"""

import pygame
import pytest

from escapebox.core.autoplayer import branch_plan, reflection_answer
from escapebox.scenario.loader import load_scenario
from escapebox.ui.screens.cluebook import ClueBookScreen

from ui_helpers import SCENARIOS, start_game


def play_until(app, pilot, done):
    """Apply the walkthrough's commands (and answer reflections) until ``done(state)``; then show the room."""
    game = app.game
    for planned in branch_plan(game.session, 0):
        if done(game.session.state):
            break
        while (reflection := game.session.current_reflection()) is not None:
            game.apply(reflection_answer(game.session, reflection))
        game.apply(planned.command)
    game.route()
    pilot.run()


@pytest.fixture
def ten_clues(make_app):
    """student-met-rugzak with its ten clues found and not yet looked at, at 1280×720."""
    app, pilot = make_app(load_scenario(SCENARIOS / "student-met-rugzak"), size=(1280, 720), timer_visible=False)
    start_game(pilot)
    play_until(app, pilot, lambda state: len(state.clues) == 10)
    app.toasts.clear()
    return app, pilot


def shown_rows(book):
    return [b for b in book.list_buttons if not b.clipped]


# ---------------------------------------------------------------- the clue book


def test_clue_book_opens_at_the_newest_clue_in_view(ten_clues):
    app, pilot = ten_clues
    newest = app.game.session.state.clues[-1]
    pilot.press("c")
    book = app.stack.top
    assert isinstance(book, ClueBookScreen)
    assert book.selected == newest
    assert book.focus.focused.key == f"entry:{newest}"
    row = book.focus.find(f"entry:{newest}")
    assert not row.clipped and book.list_area.contains(row.rect)
    assert len(shown_rows(book)) < 10                   # the list is longer than its panel here


def test_clue_book_says_how_many_rows_are_out_of_sight(ten_clues):
    app, pilot = ten_clues
    pilot.press("c")
    book = app.stack.top
    up, down = book.focus.find("list_up"), book.focus.find("list_down")
    assert up.visible and not down.visible               # opened at the bottom: the rest is above
    assert up.text == f"nog {book.first} hierboven"
    pilot.wheel(1, at=book.list_area.center)
    assert down.visible and down.text == f"nog {10 - book.end} hieronder"
    hidden = 10 - len(shown_rows(book))
    assert book.first + (10 - book.end) == hidden


def test_clue_book_scrolls_by_whole_rows_from_the_top(ten_clues):
    app, pilot = ten_clues
    pilot.press("c")
    book = app.stack.top
    for _ in range(3):
        pilot.wheel(1, at=book.list_area.center)
        rows = shown_rows(book)
        marker = book.focus.find("list_up")
        top = marker.rect.bottom if marker.visible else book.list_area.top
        # the first row shown follows the marker (or the panel's edge) at once: no empty band
        assert rows[0].rect.top - top <= 16
        assert all(book.list_area.contains(r.rect) for r in rows)
    pilot.wheel(10, at=book.list_area.center)
    assert book.first == 0 and shown_rows(book)[0] is book.list_buttons[0]
    assert shown_rows(book)[0].rect.top - book.list_area.top <= 12
    pilot.click_widget("list_down")                      # a click on "nog N hieronder" scrolls on
    assert book.first > 0


def test_clue_book_arrow_keys_scroll_the_focused_row_into_view(ten_clues):
    app, pilot = ten_clues
    pilot.press("c")
    book = app.stack.top
    for _ in range(9):
        pilot.press("up")
    assert book.selected == app.game.session.state.clues[0]
    assert book.first == 0 and not book.focus.focused.clipped


def test_clue_book_marks_what_is_new_since_it_was_last_opened(ten_clues):
    app, pilot = ten_clues
    game = app.game
    pilot.press("c")
    book = app.stack.top
    assert all(b.badge == "NIEUW" for b in book.list_buttons)      # all ten were found unseen
    pilot.press("up")                                              # looking at another keeps the marks
    assert all(b.badge == "NIEUW" for b in app.stack.top.list_buttons)
    assert game.unseen_clues == set()
    pilot.press("escape")
    pilot.press("c")
    assert not any(b.badge for b in app.stack.top.list_buttons)    # seen on the last visit


# ---------------------------------------------------------------- pictures full-screen


@pytest.fixture
def rooster_book(make_app):
    """zij-instromer's clue book at its rooster picture."""
    app, pilot = make_app(load_scenario(SCENARIOS / "zij-instromer"), size=(1280, 720), timer_visible=False)
    start_game(pilot)
    play_until(app, pilot, lambda state: "c_rooster" in state.clues)
    app.toasts.clear()
    app.stack.push(ClueBookScreen(app, select="c_rooster"))
    pilot.run()
    return app, pilot


def key(pilot, code, char=""):
    for kind in (pygame.KEYDOWN, pygame.KEYUP):
        pygame.event.post(pygame.event.Event(kind, key=code, mod=0, unicode=char, scancode=0))
    pilot.run()


def test_picture_view_opens_zooms_pans_and_closes(rooster_book):
    app, pilot = rooster_book
    pilot.click_widget("picture_open")
    view = app.stack.top
    assert view.name == "picture"
    fitted = view.zoomed()
    assert fitted.width == view.view_rect.width or fitted.height == view.view_rect.height   # fills the screen
    key(pilot, pygame.K_PLUS, "+")
    assert view.zoom > 1 and view.zoomed().width > fitted.width
    before = list(view.centre)
    pilot.press("right")
    assert view.centre[0] > before[0]                    # the arrows move the picture, not the focus
    assert view.focus.focused.key == "close"
    pilot.drag((900, 500), (1100, 500))
    assert view.centre[0] < before[0] + 0.2
    key(pilot, pygame.K_MINUS, "-")
    assert view.zoom == 1 and view.centre == [0.5, 0.5]
    pilot.wheel(1, at=view.view_rect.center)
    assert view.zoom > 1
    pilot.click_widget("fit")
    assert view.zoom == 1
    pilot.press("escape")
    assert app.stack.top.name == "cluebook"


def test_picture_view_by_keys_alone(rooster_book):
    app, pilot = rooster_book
    pilot.press("z")
    view = app.stack.top
    assert view.name == "picture"
    pilot.press("=")
    pilot.press("=")
    assert view.zoom > 2
    pilot.press("0")
    assert view.zoom == 1
    pilot.click_widget("zoom_in")
    assert view.zoom > 1
    pilot.click_widget("close")
    assert app.stack.top.name == "cluebook"


# ---------------------------------------------------------------- pop-ups


#: a message of 120 characters: two lines even in the widest free stretch of a bar
LONG_TOAST = ("Nieuwe aanwijzing: het overdrachtsschrift van de avonddienst, met de afspraken over "
              "Samira en de school van vorige week (C)")


def controls_and_text(screen):
    """Every rectangle a person clicks or reads on ``screen``: its widgets (buttons, text boxes, pictures)."""
    return [w.rect for w in screen.focus.widgets if w.visible and not w.clipped and w.rect.width > 0]


def test_new_clue_toast_covers_no_control_or_text(make_app):
    # on a beamer (large text) a long object name leaves no room beside the title and the clock, and the
    # message does not fit the toolbar's gap: where "Nieuwe aanwijzing" used to cover the text and the Lees button
    app, pilot = make_app(load_scenario(SCENARIOS / "student-met-rugzak"), size=(1920, 1080), text_size="large")
    start_game(pilot)
    play_until(app, pilot, lambda state: state.room == "kantoor")
    app.toasts.clear()
    pilot.click_widget("obj:regelingenmap")
    assert app.stack.top.name == "object" and app.toasts
    app.draw()
    toast = app._toast_rect
    assert toast.width > 0
    covered = [r for r in controls_and_text(app.stack.top) if r.colliderect(toast)]
    assert not covered, (toast, covered)


def test_toast_over_a_dialog_stays_off_its_panel(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario, text_size="large")
    start_game(pilot)
    pilot.press("h")
    dialog = app.stack.top
    assert dialog.name.startswith("hint")
    app.toast(LONG_TOAST, "success")
    app.draw()
    assert app._toast_rect.width > 0 and not app._toast_rect.colliderect(dialog.panel)


def test_no_toast_on_the_blank_screen(make_app, fixture_scenario):
    from escapebox.ui.screens.pause import BlankScreen
    app, pilot = make_app(fixture_scenario)
    start_game(pilot)
    app.stack.push(BlankScreen(app))
    app.toast("Nieuw in je spullen: lamp (I)", "success")
    app.draw()
    assert app._toast_rect.width == 0
    assert app.window.get_at((app.window.get_width() // 2, 60))[:3] == (0, 0, 0)
    pilot.press("b")
    app.draw()
    assert app._toast_rect.width > 0                     # still within its time: back on the game screen


def test_the_trainers_message_goes_with_the_overlay(game_app):
    app, pilot = game_app
    pilot.press("ctrl+shift+f")
    assert app.stack.top.name == "facilitator"
    pilot.click_widget("plus")                           # "5 minuten erbij" is for the trainer
    assert [t for t in app.toasts if t.owner is app.stack.top]
    pilot.press("escape")
    assert app.stack.top.name == "room"
    assert not app.toasts


# ---------------------------------------------------------------- the start screen


def test_intro_page_label_follows_pagedown(make_app):
    app, pilot = make_app(load_scenario(SCENARIOS / "student-met-rugzak"), size=(1280, 720))
    intro = app.stack.top
    app.draw()
    current, pages = intro.body.pages()
    assert current == 1 and pages >= 2
    for page in range(2, pages + 1):
        pilot.press("pagedown")
        app.draw()
        assert app.stack.top is intro and intro.body.pages() == (page, pages)
    pilot.press("pagedown")                              # after the last page: on to the group's name
    assert app.stack.top.name == "group"


@pytest.mark.parametrize("name", ["student-met-rugzak", "zij-instromer", "hele-team-leert", "tutorial",
                                  "voorbeeld-compleet"])
def test_intro_cards_are_never_paged_on_a_beamer(make_app, name):
    app, pilot = make_app(load_scenario(SCENARIOS / name), size=(1920, 1080), text_size="large")
    intro = app.stack.top
    app.draw()
    assert not intro.facts_box.overflows() and not intro.privacy_box.overflows()
    assert intro.facts_box.pages() == (1, 1)


def test_scenario_language_is_named_and_a_different_one_is_said(make_app):
    loaded = load_scenario(SCENARIOS / "zij-instromer")
    app, pilot = make_app(loaded, lang="en")
    facts = app.stack.top.facts_box.text
    assert "Language: Dutch" in facts and "this scenario is in Dutch" in facts
    app, pilot = make_app(loaded, lang="nl")
    facts = app.stack.top.facts_box.text
    assert "Taal: Nederlands" in facts and "Let op" not in facts


def test_picker_cards_name_the_language(make_app):
    app, pilot = make_app(None, lang="en")
    card = app.stack.top.focus.find("scenario:zij-instromer")
    assert card.facts.endswith("Dutch") and card.note == "Note: this scenario is in Dutch."
    app, pilot = make_app(None, lang="nl")
    card = app.stack.top.focus.find("scenario:zij-instromer")
    assert card.facts.endswith("Nederlands") and card.note is None


def test_picture_view_fits_its_words_at_the_largest_text_size(make_app):
    app, pilot = make_app(load_scenario(SCENARIOS / "zij-instromer"), size=(1280, 720), text_size="extra_large")
    start_game(pilot)
    play_until(app, pilot, lambda state: "c_rooster" in state.clues)
    app.stack.push(ClueBookScreen(app, select="c_rooster"))
    pilot.run()
    pilot.click_widget("picture_open")
    view = app.stack.top
    app.canvas.overflow_log = []
    try:
        app.draw()
        assert not app.canvas.overflow_log, app.canvas.overflow_log
    finally:
        app.canvas.overflow_log = None
    assert all(view.view_rect.bottom <= b.rect.top for b in view.buttons)   # the picture is never under the bar


def test_a_click_on_the_drawn_page_arrows_turns_the_page(make_app):
    """A mouse-only group clicks the ▼ / ▲ under a paged text (the wheel scrolls, PgDn needs keys)."""
    app, pilot = make_app(load_scenario(SCENARIOS / "student-met-rugzak"), size=(1280, 720))
    intro = app.stack.top
    app.draw()
    _current, pages = intro.body.pages()
    assert pages >= 2 and -1 not in intro.body.page_arrows
    pilot.click(*intro.body.page_arrows[1].center)
    app.draw()
    assert app.stack.top is intro and intro.body.pages() == (2, pages)
    pilot.click(*intro.body.page_arrows[-1].center)
    app.draw()
    assert intro.body.pages() == (1, pages)


def test_the_page_label_follows_the_wheel(make_app):
    """The wheel scrolls three lines a notch: the label names the page the text stands nearest to."""
    app, pilot = make_app(load_scenario(SCENARIOS / "student-met-rugzak"), size=(1280, 720))
    body = app.stack.top.body
    app.draw()
    _current, pages = body.pages()
    assert pages == 2
    layout = body.layout(app.canvas, app)
    last = len(layout.lines) - body._lines_per_page(layout)     # where page 2 starts (12 lines down)
    while body.first_line <= last / 2:                   # notches down, past the middle of the way to page 2
        pilot.wheel(-1, at=body.rect.center)
        app.draw()
    assert body.first_line < last                        # between the pages, nearer the second
    assert body.pages() == (2, 2)
    pilot.wheel(6, at=body.rect.center)                  # back up to the top
    app.draw()
    assert body.first_line == 0 and body.pages() == (1, 2)


def test_new_badge_never_breaks_a_word_of_a_clue_title(make_app):
    # at the largest text size "Uit de werkbegeleidersgids" beside NIEUW broke into "werkbegeleide" / "rsgids":
    # the badge then takes a line above the words
    app, pilot = make_app(load_scenario(SCENARIOS / "student-met-rugzak"), size=(1280, 720), text_size="extra_large")
    start_game(pilot)
    play_until(app, pilot, lambda state: len(state.clues) == 10)
    app.toasts.clear()
    pilot.press("c")
    book = app.stack.top
    app.draw()
    rows = [b for b in book.list_buttons if b.badge]
    assert len(rows) == 10
    for row in rows:
        row.rect.height = row.preferred_height(app.canvas, app, row.rect.width)
        lines = app.canvas.layout(row.text, row._style(), app.size(row.role), row.text_width(app)).lines
        assert set(" ".join(lines).split()) <= set(row.text.split()), lines
    for row in shown_rows(book):
        assert not row.overflowing, row.text


def test_a_clue_picture_narrower_than_the_panel_keeps_its_height_with_the_button_beside(make_app):
    # zij-instromer's 16:9 rooster in the clue book: under the picture the "view large" button took its
    # height away (about 500×285 at 1280×720); beside it, the picture is 640×360
    app, pilot = make_app(load_scenario(SCENARIOS / "zij-instromer"), size=(1280, 720))
    start_game(pilot)
    play_until(app, pilot, lambda state: "c_rooster" in state.clues)
    app.stack.push(ClueBookScreen(app, select="c_rooster"))
    pilot.run()
    book = app.stack.top
    zoom = book.focus.find("picture_open")
    assert book.image_rect.size == (640, 360)
    assert zoom.rect.left > book.image_rect.right and zoom.rect.bottom == book.image_rect.bottom
    assert book.detail_panel.top > book.image_rect.bottom and book.detail_panel.contains(book.text_box.rect)
    pilot.click_widget("picture_open")
    assert app.stack.top.name == "picture"
