"""Saving: every command committed, drafts kept, --resume, and a warning banner when the disk refuses."""

from escapebox.core import commands as C
from ui_helpers import start_game, tab_to
from tests.ui.doubles import BrokenStore


def test_resume_continues_the_latest_unfinished_game(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    game = start_game(pilot, "Groep 7")
    tab_to(pilot, "obj:bord")
    pilot.press("return", "escape")
    assert "briefje" in game.session.state.clues
    app.services.launcher.close()

    again, pilot2 = make_app(fixture_scenario, resume=True)
    state = again.game.session.state
    assert state.group == "Groep 7"
    assert state.clues == ["briefje"]
    assert again.stack.top.name == "room"
    assert again.game.unseen_clues == set()          # found before: not "nieuw" any more


def test_resume_lands_on_a_pending_reflection(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    start_game(pilot)
    tab_to(pilot, "obj:bord")
    pilot.press("return", "escape")
    tab_to(pilot, "obj:kastje")
    pilot.press("return", "1", "2", "3", "4", "return", "return")
    pilot.type("half klaar")
    app.stack.top.last_save = 0
    pilot.run(frames=2)
    app.services.launcher.close()

    again, _ = make_app(fixture_scenario, resume=True)
    top = again.stack.top
    assert top.name == "reflection-text"
    assert top.entry.text == "half klaar"


def test_intro_offers_the_saved_game(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    start_game(pilot, "Groep 9")
    app.services.launcher.close()
    again, pilot2 = make_app(fixture_scenario)
    resume = again.stack.top.focus.find("resume")
    assert resume is not None and "Groep 9" in resume.text
    pilot2.click_widget("resume")
    assert again.game.session.state.group == "Groep 9"



def test_save_failure_shows_a_banner_and_play_goes_on(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    game = start_game(pilot)
    game.session.store = BrokenStore(game.session.store)
    tab_to(pilot, "obj:bord")
    pilot.press("return")
    assert app.banner and "opslaan lukt niet" in app.banner
    assert "briefje" in game.session.state.clues      # the game goes on
    app.draw()
    game.session.store = game.session.store.store     # the disk has room again
    pilot.press("escape")
    tab_to(pilot, "obj:la")
    pilot.press("return")
    assert app.banner is None
    assert game.session.unsaved == []


def test_store_that_cannot_open_means_play_without_saving(make_app, fixture_scenario, tmp_path, monkeypatch):
    import escapebox.core.store as store_module

    def refuse(*args, **kwargs):
        raise OSError("read-only file system")

    monkeypatch.setattr(store_module, "SessionStore", refuse)
    app, pilot = make_app(fixture_scenario)
    assert app.services.launcher.store is None and app.banner
    game = start_game(pilot)
    assert game.session.state.group == "Groep 3"


def test_group_name_is_a_command(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    game = start_game(pilot, "  Groep   5 ")
    assert any(isinstance(o.command, C.SetGroupName) for o in game.history)
    assert game.session.state.group == "Groep 5"
