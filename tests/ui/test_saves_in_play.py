"""The save in play: one window per game, a disk that fills up, and saves that changed or broke.

* a second window on a held game asks: look only, take over, or back
  (``play --resume`` and the intro's continue button alike);
* steps a full disk refused are written in the background once it has room,
  and closing the window or stopping asks first while something still waits;
* a start room renamed since the save resumes in the new start room, with a
  message; a damaged save gives a message naming the session, over the intro.
"""

import sqlite3
import time

import pygame

from escapebox.core.store import SessionStore
from ui_helpers import FIXTURE, start_game, tab_to
from tests.ui.doubles import BrokenStore


def saved_game(make_app, loaded, group="Groep 8"):
    app, pilot = make_app(loaded)
    game = start_game(pilot, group)
    tab_to(pilot, "obj:bord")
    pilot.press("return", "escape")
    session_id = game.session.session_id
    app.services.launcher.close()
    return app, session_id


def held_elsewhere(app, session_id):
    """A live lock of another computer (a laptop on the same network folder)."""
    path = app.services.launcher.store.path if app.services.launcher.store else None
    db = sqlite3.connect(path)
    db.execute("INSERT OR REPLACE INTO locks VALUES (?, 'elders', 4242, 'andere-laptop', ?, '2026-11-23T10:00:00')",
               (session_id, time.time()))
    db.commit()
    db.close()


def test_resume_of_a_game_open_elsewhere_asks_and_can_look_only(make_app, fixture_scenario):
    first, session_id = saved_game(make_app, fixture_scenario)
    held_elsewhere(first, session_id)
    app, pilot = make_app(fixture_scenario, resume=True)
    assert pilot.screen.name == "session-busy"
    assert app.stack.screens[0].name == "intro"                       # back goes to the intro
    text = pilot.screen.focus.find("question").text
    assert "andere-laptop" in text and "Groep 8" in text
    pilot.click_widget("view")
    game = app.game
    assert game.session.read_only and pilot.screen.name == "room"
    assert "briefje" in game.session.state.clues
    assert app.banner == app.tr("ui.banner.read_only")
    before = len(app.services.launcher.store.events(session_id))
    tab_to(pilot, "obj:kastje")
    pilot.press("return")                                           # looking is fine; changing is refused
    assert len(app.services.launcher.store.events(session_id)) == before
    assert app.services.launcher.store.holder(session_id).host == "andere-laptop"


def test_take_over_plays_on_here(make_app, fixture_scenario):
    first, session_id = saved_game(make_app, fixture_scenario)
    held_elsewhere(first, session_id)
    app, pilot = make_app(fixture_scenario)
    pilot.click_widget("resume")                                    # the intro's continue button asks too
    assert pilot.screen.name == "session-busy"
    pilot.click_widget("take_over")
    assert not app.game.session.read_only and app.banner is None
    store = app.services.launcher.store
    assert store.holder(session_id).host != "andere-laptop"
    tab_to(pilot, "obj:kastje")
    pilot.press("return")
    assert [e.type for e in store.events(session_id)][-1] == "ObjectInspected"


def test_back_from_the_question_stays_on_the_intro(make_app, fixture_scenario):
    first, session_id = saved_game(make_app, fixture_scenario)
    held_elsewhere(first, session_id)
    app, pilot = make_app(fixture_scenario, resume=True)
    pilot.click_widget("back")
    assert pilot.screen.name == "intro" and app.game is None


def test_a_window_whose_game_was_taken_over_says_so(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    game = start_game(pilot)
    other = SessionStore(app.services.launcher.store.folder)
    other.acquire(game.session.session_id, take_over=True)          # a second window took over
    tab_to(pilot, "obj:bord")
    pilot.press("return")
    assert game.session.lost and "overgenomen" in app.banner
    assert "briefje" not in game.session.state.clues                # refused before anything changed
    other.close()


def steps_waiting_on_a_full_disk(make_app, scenario):
    """A game whose disk refuses: the group inspects the board, so two events wait to be written."""
    app, pilot = make_app(scenario)
    game = start_game(pilot)
    real = game.session.store
    game.session.store = BrokenStore(real)
    tab_to(pilot, "obj:bord")
    pilot.press("return", "escape")
    return app, pilot, game, real


def test_a_full_disk_is_retried_in_the_background(make_app, fixture_scenario):
    app, pilot, game, real = steps_waiting_on_a_full_disk(make_app, fixture_scenario)
    waiting = len(game.session.unsaved)
    assert waiting and app.banner == app.tr("ui.banner.save_failed")
    game.session.store = real                                       # the disk has room again; nobody clicks
    game.session._last_retry = 0.0
    pilot.run(frames=2)
    assert game.session.unsaved == [] and app.banner is None
    assert [e.type for e in real.events(game.session.session_id)][-2:] == ["ObjectInspected", "ClueFound"]


def test_closing_with_unsaved_steps_asks_and_writes_when_it_can(make_app, fixture_scenario):
    app, pilot, game, real = steps_waiting_on_a_full_disk(make_app, fixture_scenario)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    pilot.run()
    assert app.running and pilot.screen.name == "unsaved"           # not closed: asked
    assert "2" in pilot.screen.focus.find("question").text
    pilot.click_widget("retry")                                     # still full: it says so and stays
    assert app.running and "nog steeds" in pilot.screen.focus.find("question").text
    game.session.store = real
    pilot.click_widget("retry")                                     # room again: written, and closed
    assert not app.running
    assert [e.type for e in real.events(game.session.session_id)][-1] == "ClueFound"


def test_closing_twice_closes_anyway(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    game = start_game(pilot)
    game.session.store = BrokenStore(game.session.store)
    tab_to(pilot, "obj:bord")
    pilot.press("return", "escape")
    for _ in range(2):
        pygame.event.post(pygame.event.Event(pygame.QUIT))
        pilot.run()
    assert not app.running                                          # never locked in


def test_stopping_with_unsaved_steps_asks_first(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    game = start_game(pilot)
    game.session.store = BrokenStore(game.session.store)
    tab_to(pilot, "obj:bord")
    pilot.press("return", "escape")
    game.finish()
    assert app.running and pilot.screen.name == "unsaved"
    pilot.click_widget("close_anyway")
    assert not app.running


def test_resume_after_the_start_room_was_renamed(make_app, tmp_path):
    """The issue's crash (KeyError '' in the room screen): the game goes on in the new start room."""
    import shutil
    from escapebox.scenario.loader import load_scenario
    folder = tmp_path / "kopie"
    shutil.copytree(FIXTURE, folder)
    saved_game(make_app, load_scenario(folder))
    path = folder / "scenario.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("start: kantoor", "start: bureau").replace("  kantoor:\n", "  bureau:\n")
                    .replace("to: kantoor", "to: bureau"), encoding="utf-8")
    changed = load_scenario(folder)
    app, pilot = make_app(changed, resume=True)
    assert pilot.screen.name == "resume-notice" and app.game.session.state.room == "bureau"
    notes = pilot.screen.focus.find("question").text
    assert "veranderd" in notes and "kantoor" in notes and "Het kantoor" in notes
    app.draw()
    pilot.press("return")                                            # read: play on in the room
    assert pilot.screen.name == "room" and "briefje" in app.game.session.state.clues
    app.draw()


def test_a_damaged_save_gives_a_message_over_the_intro(make_app, fixture_scenario):
    first, session_id = saved_game(make_app, fixture_scenario)
    db = sqlite3.connect(first.services.launcher.store.path)
    db.execute("UPDATE events SET data='[1,2]' WHERE session_id=? AND seq=2", (session_id,))
    db.commit()
    db.close()
    app, pilot = make_app(fixture_scenario, resume=True)
    assert pilot.screen.name == "intro" and app.game is None
    assert any(session_id in t.text and t.kind == "danger" for t in app.toasts)
    start_game(pilot, "Nieuwe groep")                               # a new game still starts and saves
    assert app.game.session.session_id != session_id


def test_a_draft_is_on_disk_within_a_fraction_of_a_second_of_a_key(make_app, fixture_scenario):
    """The loop sleeps between keys; it is woken for the draft (it used to wait up to a second more)."""
    from escapebox.ui.screens.reflection import SAVE_EVERY_S
    app, pilot = make_app(fixture_scenario)
    game = start_game(pilot)
    tab_to(pilot, "obj:bord")
    pilot.press("return", "escape")
    tab_to(pilot, "obj:kastje")
    pilot.press("return", "1", "2", "3", "4", "return", "return")
    screen = pilot.screen
    assert screen.name == "reflection-text"
    store, session_id = game.session.store, game.session.session_id
    pilot.type("a")                                                  # the first key after a pause: at once
    assert store.draft(session_id, screen.reflection_id) == "a"
    pilot.type("b")                                                  # the next within 0.2 s: waits ...
    assert store.draft(session_id, screen.reflection_id) == "a"
    assert 0 < screen.wake_ms() <= SAVE_EVERY_S * 1000 + 1           # ... and the loop is woken for it
    typed = time.monotonic()
    while store.draft(session_id, screen.reflection_id) != "ab":
        app.frame(block=True)                                         # the real loop, sleeping as it does
        assert time.monotonic() - typed < SAVE_EVERY_S + 0.1
