"""The text fields: SDL text input, composition, cursor keys, selection, clipboard, wrapping."""

import pytest

from ui_helpers import start_game, tab_to


@pytest.fixture
def reflection(make_app, fixture_scenario):
    """The text reflection after the first lock, with its multi-line field focused."""
    app, pilot = make_app(fixture_scenario)
    start_game(pilot)
    tab_to(pilot, "obj:bord")
    pilot.press("return", "escape")
    tab_to(pilot, "obj:kastje")
    pilot.press("return", "1", "2", "3", "4", "return", "return")
    screen = app.stack.top
    assert screen.name == "reflection-text"
    assert screen.focus.focused is screen.entry
    return app, pilot, screen


def test_multiline_typing_enter_home_end_and_selection(reflection):
    app, pilot, screen = reflection
    entry = screen.entry
    pilot.type("eerste regel")
    pilot.press("return")                          # Enter = new line in a reflection
    pilot.type("tweede")
    assert entry.text == "eerste regel\ntweede"
    pilot.press("up")
    assert entry.buffer.cursor <= len("eerste regel")
    pilot.press("home")
    assert entry.buffer.cursor == 0
    pilot.press("shift+end")
    assert entry.buffer.selected_text() == "eerste regel"
    pilot.press("ctrl+c")
    pilot.press("ctrl+end")
    pilot.press("ctrl+v")
    assert entry.text == "eerste regel\ntweedeeerste regel"
    pilot.press("ctrl+a", "ctrl+x")
    assert entry.text == ""
    pilot.press("ctrl+v")
    assert entry.text == "eerste regel\ntweedeeerste regel"


def test_long_text_wraps_and_scrolls_with_the_cursor(reflection):
    app, pilot, screen = reflection
    entry = screen.entry
    pilot.type("Een heel lang antwoord met ë, ï en é. " * 80)
    spans = entry._spans(app)
    assert len(spans) > 10
    app.draw()
    assert entry.first_line > 0                    # scrolled so the cursor stays in view
    pilot.press("ctrl+home")
    app.draw()
    assert entry.first_line == 0


def test_composition_is_shown_but_not_saved(reflection):
    app, pilot, screen = reflection
    pilot.type("naïef ")
    pilot.compose("ka")
    assert screen.entry.composition == "ka"
    assert screen.entry.text == "naïef "
    app.draw()                                      # drawing the composition does not crash
    pilot.type("kat")
    assert screen.entry.text == "naïef kat" and screen.entry.composition == ""


def test_draft_is_saved_while_typing_and_restored(reflection, monkeypatch):
    app, pilot, screen = reflection
    session = app.game.session
    pilot.type("half getypt antwoord")
    screen.last_save = 0                            # as if a second has passed
    pilot.run(frames=2)
    assert session.draft("na-kastje") == "half getypt antwoord"
    from escapebox.ui.screens.reflection import ReflectionScreen
    again = ReflectionScreen(app, "na-kastje")
    assert again.text == "half getypt antwoord"


def test_empty_text_reflection_asks_to_type_or_skip(reflection):
    app, pilot, screen = reflection
    pilot.press("ctrl+return")
    assert "Typ eerst een antwoord" in screen.message
    assert app.stack.top is screen
