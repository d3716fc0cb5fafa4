"""Back from a lock, the room keeps the control the group had: a clicker group found its focus on
the first object again, a row of presses from the lock it had just opened (hand play-through of
hele-team-leert, 3 December 2026)."""

from test_puzzles import open_lock
from ui_helpers import focus_key


def test_an_opened_exit_keeps_the_focus_so_one_press_goes_through(game_app):
    app, pilot = game_app
    open_lock(app, pilot, "woord-slot")                   # the locked exit to the corridor
    pilot.type("moedercontract")
    pilot.press("return")                                 # solved: the success panel
    pilot.press("return")                                 # Verder
    assert app.stack.top.name == "room" and app.game.session.state.room == "kantoor"
    assert focus_key(app) == "exit:gang"
    pilot.press("f5")                                     # the clicker's press
    assert app.game.session.state.room == "gang"


def test_a_new_room_starts_at_its_own_first_control(game_app):
    app, pilot = game_app
    open_lock(app, pilot, "woord-slot")
    pilot.type("moedercontract")
    pilot.press("return", "return", "f5")
    room = app.stack.top
    assert app.game.session.state.room == "gang"
    assert focus_key(app) == room.default_focus()
