"""Playing by keyboard alone and by mouse alone, through the real screens."""

import pygame

from escapebox.core import events as E
from ui_helpers import focus_key, start_game, tab_to


def names(app):
    return [s.name for s in app.stack.screens]




def test_intro_shows_privacy_goals_and_duration(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    screen = app.stack.top
    assert screen.name == "intro"
    assert "alleen op deze computer" in screen.privacy_box.text
    assert "na 30 dagen" in screen.privacy_box.text and "geen echte namen" in screen.privacy_box.text
    assert "Je zoekt informatie op" in screen.body.text
    assert "20 minuten" in screen.facts_box.text


def test_keyboard_only_from_intro_to_debrief(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    game = start_game(pilot, "Groep 3")
    state = game.session.state
    assert state.group == "Groep 3"
    assert names(app) == ["room"]

    # the prikbord: Enter inspects, the clue gets a NIEUW badge in the clue book
    tab_to(pilot, "obj:bord")
    pilot.press("return")
    assert app.stack.top.name == "object"
    assert "briefje" in state.clues
    pilot.press("escape")
    pilot.press("c")
    assert app.stack.top.name == "cluebook"
    assert game.unseen_clues == set()          # opening it shows the first clue
    pilot.press("escape")

    # the code lock: a near miss shows the scenario's feedback, then the right code opens it
    tab_to(pilot, "obj:kastje")
    pilot.press("return")
    assert app.stack.top.name == "puzzle-code"
    pilot.press("4", "3", "2", "1", "return")
    assert "Bijna! Andersom." in app.stack.top.feedback[0]
    assert "Nog niet goed" in app.stack.top.feedback[0]          # words, not only colour
    pilot.press("1", "2", "3", "4", "return")
    assert app.stack.top.solved is not None
    assert state.opened["kastje-slot"] == "solved"
    pilot.press("return")                      # Verder: the reflection after the lock comes first
    assert app.stack.top.name == "reflection-text"
    pilot.type("Op het prikbord, naast de koffie. Zoë’s idee: één map.")
    pilot.press("ctrl+return")
    assert state.reflections["na-kastje"].startswith("Op het prikbord")
    assert app.stack.top.name == "object"      # then the opened kastje shows what is inside
    assert app.stack.top.object_id == "kastje"
    assert focus_key(app) == "take:lamp-leeg"
    pilot.press("return")
    assert "lamp-leeg" in state.inventory
    pilot.press("escape")
    assert names(app) == ["room"]


def test_mouse_only_inspect_and_back(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario, size=(1280, 720))
    pilot.click_widget("start")
    pilot.type("Groep 3")
    pilot.click_widget("start")
    assert app.stack.top.name == "room"
    pilot.click_widget("obj:bord")             # a hotspot on the picture
    assert app.stack.top.name == "object"
    pilot.click_widget("tb_back")
    assert app.stack.top.name == "room"
    pilot.click_widget("tb_clues")
    assert app.stack.top.name == "cluebook"


def test_space_pauses_in_the_room_and_p_resumes(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    game = start_game(pilot)
    pilot.press("space")
    assert app.stack.top.name == "pause"
    assert game.session.state.paused
    assert any(isinstance(e, E.Paused) for e in game.session.state.events)
    pilot.press("p")
    assert not game.session.state.paused
    assert app.stack.top.name == "room"


def test_help_overlay_and_fullscreen_toggle(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    pilot.press("f1")
    assert app.stack.top.name == "help"
    pilot.press("escape")
    assert app.stack.top.name == "intro"
    pilot.press("f11")
    assert app.settings.fullscreen
    pilot.press("f11")
    assert not app.settings.fullscreen


def test_hint_shows_cost_before_revealing(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    game = start_game(pilot)
    tab_to(pilot, "obj:kastje")
    pilot.press("return")
    pilot.press("h")
    dialog = app.stack.top
    assert dialog.name == "hint"
    assert "30 seconden" in dialog.body.text
    assert "Kijk op het prikbord" not in dialog.body.text
    assert game.session.state.hints == {}
    pilot.press("return")                      # "Toon hint 1" has focus
    assert "Kijk op het prikbord" in dialog.body.text
    assert game.session.state.hints == {"kastje-slot": 1}
    assert game.session.timer().penalties == 30
    pilot.press("escape")
    assert app.stack.top.name == "puzzle-code"


def test_refusal_is_shown_in_dutch(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    game = start_game(pilot)
    tab_to(pilot, "obj:bord")
    pilot.press("return", "escape")
    tab_to(pilot, "obj:kastje")
    pilot.press("return")
    pilot.press("1", "2", "3", "4", "return", "return")   # solve, Verder
    tab_to(pilot, "skip")                                 # skip the reflection ("Overslaan")
    pilot.press("return")
    assert "na-kastje" in game.session.state.skipped_reflections
    assert app.stack.top.name == "object"                 # the opened kastje shows what is inside
    pilot.click_widget("take:lamp-leeg")
    assert "lamp-leeg" in game.session.state.inventory
    pilot.press("escape")
    tab_to(pilot, "obj:poster")
    pilot.press("return")
    pilot.click_widget("use:lamp-leeg")                   # the wrong item: the rules refuse
    assert any("Er gebeurt niets als jullie Lampje zonder batterij gebruiken bij Poster" in t.text
               for t in app.toasts)


def test_presenter_clicker_pages_and_advances(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    start_game(pilot)
    tab_to(pilot, "obj:kastje")
    pilot.press("return")
    pilot.press("1", "2", "3", "4", "return")
    pilot.press("pagedown")                    # on the success panel: next = Verder
    assert app.stack.top.name == "reflection-text"


def test_english_interface(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario, lang="en")
    assert app.stack.top.focus.find("start").text == "Start (Enter)"
    assert "do not name real students" in app.stack.top.privacy_box.text
    start_game(pilot)
    assert app.stack.top.focus.find("tb_clues").text == "Clues (C)"


def test_window_close_quits(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    pilot.run()
    assert not app.running


def test_time_up_offers_overtime_or_stopping(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    game = start_game(pilot)
    game.session.clock.continue_from(20 * 60 + 5)     # the clock passes the 20 minutes
    pilot.run()
    assert app.stack.top.name == "timeup"
    assert game.session.state.time_up
    pilot.press("return")                             # "Doorspelen in overtijd"
    assert app.stack.top.name == "room"
    text, kind = game.timer_text()
    assert kind == "overtime" and text.startswith("+")
    app.draw()


def test_time_up_stop_goes_to_the_debrief(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    game = start_game(pilot)
    game.session.clock.continue_from(20 * 60 + 5)
    pilot.run()
    pilot.press("tab", "return")                      # "Stoppen en nabespreken"
    assert game.session.state.ended
    assert app.stack.top.name == "debrief"
    assert app.stack.top.debrief.time.overtime > 0


def test_window_resize_keeps_clicks_on_target(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario, size=(1280, 720))
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(1280, 720), w=1280, h=720))
    pilot.run()
    start = app.stack.top.focus.find("start")
    pilot.click(*start.rect.center)
    assert app.stack.top.name == "group"


def test_hint_in_a_room_with_several_locks_asks_which(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    start_game(pilot)
    pilot.press("h")
    dialog = app.stack.top
    assert dialog.name == "hint" and dialog.puzzle is None
    assert dialog.focus.find("puzzle:kastje-slot") and dialog.focus.find("puzzle:woord-slot")
    pilot.click_widget("puzzle:woord-slot")
    assert dialog.puzzle == "woord-slot" and "30 seconden" in dialog.body.text


def test_inventory_combines_items(make_app, fixture_scenario):
    from escapebox.core import commands as C
    app, pilot = make_app(fixture_scenario)
    game = start_game(pilot)
    for command in (C.Inspect("bord"), C.Inspect("la"), C.TakeItem("batterij")):
        game.apply(command)
    game.apply(C.TryAnswer("kastje-slot", "1234"))
    game.apply(C.SkipReflection("na-kastje"))
    game.apply(C.Inspect("kastje"))
    game.apply(C.TakeItem("lamp-leeg"))
    game.route()
    pilot.press("i")
    screen = app.stack.top
    assert screen.name == "inventory"
    for item in ("lamp-leeg", "batterij"):
        pilot.click_widget(f"entry:{item}")
        pilot.click_widget("select")
    pilot.click_widget("combine")
    assert "lamp" in game.session.state.inventory
    assert screen.selected == "lamp"
    assert any("Het lampje doet het nu." in t.text for t in app.toasts)
