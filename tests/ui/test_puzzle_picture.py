"""A word or choice puzzle's own picture (the sheet a group reads to answer) beside its question (issue #18)."""

from escapebox.core import commands as C
from escapebox.scenario.loader import load_scenario
from escapebox.ui.screens.picture_view import PictureView
from test_puzzles import open_lock
from ui_helpers import SCENARIOS, start_game


def _open(make_app, scenario: str, puzzle: str, **options):
    app, pilot = make_app(load_scenario(SCENARIOS / scenario), **options)
    start_game(pilot)
    return app, pilot, open_lock(app, pilot, puzzle)


def test_a_word_puzzle_shows_its_picture_beside_the_answer_field_and_opens_it_large(make_app):
    app, pilot, screen = _open(make_app, "zij-instromer", "p_samen")
    tile, field = screen.focus.find("picture_open"), screen.focus.find("answer")
    assert tile is not None and tile.path.name == "rooster.svg"
    assert tile.rect.left > field.rect.right and tile.rect.top < field.rect.bottom
    assert screen.focus.focused is field                  # typing goes on into the field
    pilot.type("z")
    assert screen.field.text == "z" and app.stack.top is screen   # Z is a letter of the answer here
    pilot.click_widget("picture_open")
    assert isinstance(app.stack.top, PictureView) and app.stack.top.path == tile.path
    pilot.press("escape")
    assert app.stack.top is screen and screen.field.text == "z"
    pilot.perform(screen.autoplay(C.TryAnswer("p_samen", "donderdag")), "keys")
    assert screen.solved is not None


def test_z_opens_a_choice_puzzles_picture_and_the_mouse_still_answers(make_app):
    app, pilot, screen = _open(make_app, "voorbeeld-compleet", "buddy", size=(1280, 720))
    before = {w.key: tuple(w.rect) for w in screen.focus.widgets}
    assert screen.focus.find("picture_open").text == "Groot bekijken (Z)"
    pilot.press("z")
    assert isinstance(app.stack.top, PictureView)
    pilot.press("escape")
    assert {w.key: tuple(w.rect) for w in screen.focus.widgets} == before
    for _ in range(4):
        if screen.solved is not None:
            break
        pilot.perform(screen.autoplay(C.TryAnswer("buddy", [1])), "mouse")
    assert screen.solved is not None and "picture_open" not in {w.key for w in screen.focus.widgets}


def test_a_picture_the_game_cannot_show_leaves_its_description(make_app, monkeypatch):
    app, pilot = make_app(load_scenario(SCENARIOS / "voorbeeld-compleet"))
    start_game(pilot)
    real = app.images.natural_size
    monkeypatch.setattr(app.images, "natural_size", lambda path: None if path.name == "rooster-daan.svg" else real(path))
    screen = open_lock(app, pilot, "buddy")
    assert screen.focus.find("picture_open") is None
    assert screen.focus.find("picture_alt").text == screen.puzzle.image_alt
    pilot.press("z")
    assert app.stack.top is screen
