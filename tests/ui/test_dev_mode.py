"""``escapebox play PATH --dev``: reload on save with progress kept, problems on screen, --room, F9.

Each test plays a temporary copy of a bundled scenario and edits that copy
the way a trainer's editor would: write the file, then let the game's
once-a-second check see it (we move the check's deadline instead of waiting).
"""

import os
import shutil

import pygame
import pytest

from escapebox.cli import main as cli_main
from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.scenario.loader import load_scenario
from escapebox.ui.dev.overlay import ProblemsOverlay
from escapebox.ui.dev.watcher import FileWatcher
from escapebox.ui.screens.room import RoomScreen

from ui_helpers import SCENARIOS, start_game

OLD_TEXT = "Je staat in de teampost."
NEW_TEXT = "Je staat in de teampost van de nachtdienst."


@pytest.fixture
def minimaal(tmp_path):
    folder = tmp_path / "mijn-casus"
    shutil.copytree(SCENARIOS / "minimaal", folder)
    return folder


def save(folder, text):
    """Write scenario.yaml like an editor does, with a visibly newer modification time."""
    file = folder / "scenario.yaml"
    before = file.stat().st_mtime_ns
    file.write_text(text, encoding="utf-8")
    os.utime(file, ns=(before + 2_000_000_000, before + 2_000_000_000))


def let_watcher_look(app, pilot):
    app.services.dev.watcher.next_check = 0
    pilot.run()


def press_f9(pilot):
    for kind in (pygame.KEYDOWN, pygame.KEYUP):
        pygame.event.post(pygame.event.Event(kind, key=pygame.K_F9, mod=0, unicode="", scancode=0))
    pilot.run()


def start_dev(make_app, folder, **options):
    app, pilot = make_app(load_scenario(folder), dev=True, **options)
    start_game(pilot)
    return app, pilot


def open_lock(app, pilot, digits):
    """Open the key cabinet's code lock through the room, then type on the keypad."""
    from escapebox.ui.screens.puzzles import puzzle_screen
    app.stack.push(puzzle_screen(app, "kastje", via="sleutelkastje"))
    pilot.run()
    for digit in digits:
        pilot.press(digit)


def test_saving_a_text_change_reloads_and_keeps_progress_and_typing(make_app, minimaal):
    app, pilot = start_dev(make_app, minimaal)
    app.game.apply(C.Inspect("prikbord"))
    open_lock(app, pilot, "04")
    old_game = app.game
    save(minimaal, (minimaal / "scenario.yaml").read_text(encoding="utf-8").replace(OLD_TEXT, NEW_TEXT))
    let_watcher_look(app, pilot)
    assert app.game is not old_game
    assert app.game.scenario.rooms["teampost"].text.startswith(NEW_TEXT)
    assert app.game.session.state.clues == ["briefje"]
    assert app.game.session.state.group == "Groep 3"
    assert pilot.screen.name == "puzzle-code" and pilot.screen.keypad.digits == "04"
    assert [type(s) for s in app.stack.screens][0] is RoomScreen


def test_a_broken_file_shows_the_problem_with_its_line_and_play_goes_on_when_fixed(make_app, minimaal):
    app, pilot = start_dev(make_app, minimaal)
    app.game.apply(C.Inspect("prikbord"))
    good = (minimaal / "scenario.yaml").read_text(encoding="utf-8")
    lines = good.splitlines()
    broken_line = next(n for n, line in enumerate(lines, 1) if "Tussen de roosters" in line)
    lines[broken_line - 1] = "        text: Let op: tussen de roosters hangt een briefje."   # a second colon, no quotes
    save(minimaal, "\n".join(lines) + "\n")
    let_watcher_look(app, pilot)
    overlay = pilot.screen
    assert isinstance(overlay, ProblemsOverlay)
    shown = "\n".join(overlay.lines())
    assert "scenario.yaml:" in shown
    assert any(p.line is not None and p.line == broken_line for p in overlay.problems), shown
    assert app.game.session.state.clues == ["briefje"]          # the game behind is untouched
    save(minimaal, good.replace(OLD_TEXT, NEW_TEXT))
    let_watcher_look(app, pilot)
    assert app.stack.find(ProblemsOverlay) is None
    assert isinstance(pilot.screen, RoomScreen)
    assert app.game.scenario.rooms["teampost"].text.startswith(NEW_TEXT)
    assert app.game.session.state.clues == ["briefje"]


def test_a_validator_error_is_shown_in_english_when_the_game_is_in_english(make_app, minimaal):
    app, pilot = make_app(load_scenario(minimaal), dev=True, lang="en")
    start_game(pilot)
    text = (minimaal / "scenario.yaml").read_text(encoding="utf-8")
    save(minimaal, text.replace("locked_by: kastje", "locked_by: kastej"))
    let_watcher_look(app, pilot)
    assert isinstance(pilot.screen, ProblemsOverlay)
    shown = "\n".join(pilot.screen.lines())
    assert "kastej" in shown and "scenario.yaml:" in shown
    pilot.press("escape")                                     # keep playing the previous version
    assert isinstance(pilot.screen, RoomScreen)


def test_removing_the_found_clue_forgets_only_that(make_app, minimaal):
    app, pilot = start_dev(make_app, minimaal)
    app.game.apply(C.Inspect("prikbord"))
    app.game.apply(C.Inspect("sleutelkastje"))
    text = (minimaal / "scenario.yaml").read_text(encoding="utf-8")
    text = text.replace("reveals: [briefje]", "reveals: [kaartje]").replace("  briefje:\n", "  kaartje:\n")
    text = text.replace("needs: [briefje]", "needs: [kaartje]")
    save(minimaal, text)
    let_watcher_look(app, pilot)
    state = app.game.session.state
    assert state.clues == [] and {"prikbord", "sleutelkastje"} <= set(state.inspected)
    assert isinstance(pilot.screen, RoomScreen)


def test_dev_mode_saves_nothing(make_app, minimaal):
    app, _pilot = start_dev(make_app, minimaal)
    assert app.services.launcher.store is None and app.game.session.store is None


def test_room_option_starts_in_that_room(make_app):
    app, pilot = start_dev(make_app, SCENARIOS / "student-met-rugzak", room="kantoor")
    assert app.game.session.state.room == "kantoor"
    assert isinstance(pilot.screen, RoomScreen)
    assert any(isinstance(e, E.RoomEntered) and e.room == "kantoor" for e in app.game.session.state.events)


def test_unknown_room_is_a_clear_message_and_exit_1(minimaal, capsys):
    assert cli_main(["play", str(minimaal), "--dev", "--room", "zolder"]) == 1
    err = capsys.readouterr().err
    assert "zolder" in err and "teampost" in err and "Traceback" not in err


def test_room_without_dev_is_refused(minimaal, capsys):
    assert cli_main(["play", str(minimaal), "--room", "teampost"]) == 2
    assert "--dev" in capsys.readouterr().err


def test_f9_reveals_the_answer_of_the_puzzle_on_screen_and_logs_it(make_app, minimaal):
    app, pilot = start_dev(make_app, minimaal)
    open_lock(app, pilot, "")
    press_f9(pilot)
    revealed = [e for e in app.game.session.state.events if isinstance(e, E.AnswerRevealed)]
    assert [e.puzzle for e in revealed] == ["kastje"]
    assert any("0412" in t.text for t in app.toasts)
    assert "kastje" in app.game.session.state.revealed


def test_f9_is_on_the_help_card_only_in_dev_mode(make_app, minimaal):
    from escapebox.ui.screens.help import help_rows
    app, pilot = start_dev(make_app, minimaal)
    assert ("dev.help.key_f9", "dev.help.do_reveal") in help_rows(app)
    pilot.press("f1")
    assert pilot.screen.name == "help"
    plain, _ = make_app(load_scenario(minimaal))
    assert ("dev.help.key_f9", "dev.help.do_reveal") not in help_rows(plain)


def test_watcher_sees_a_new_picture_and_only_checks_once_a_second(minimaal):
    now = [100.0]
    watcher = FileWatcher(minimaal / "scenario.yaml", minimaal, clock=lambda: now[0])
    (minimaal / "images").mkdir()
    (minimaal / "images" / "kamer.png").write_bytes(b"\x89PNG")
    assert not watcher.poll()                # not a second yet
    now[0] += 1.0
    assert watcher.poll()
    now[0] += 1.0
    assert not watcher.poll()                # nothing new since


def test_a_half_typed_reflection_survives_a_reload(make_app, minimaal):
    from escapebox.ui.screens.reflection import ReflectionScreen
    app, pilot = start_dev(make_app, minimaal)
    app.game.apply(C.Inspect("prikbord"))
    app.game.apply(C.TryAnswer("kastje", "0412"))
    app.game.route()
    pilot.run()
    assert isinstance(pilot.screen, ReflectionScreen)
    pilot.type("In de map van de afdeling")
    save(minimaal, (minimaal / "scenario.yaml").read_text(encoding="utf-8").replace(OLD_TEXT, NEW_TEXT))
    let_watcher_look(app, pilot)
    assert isinstance(pilot.screen, ReflectionScreen) and pilot.screen is not None
    assert app.game.scenario.rooms["teampost"].text.startswith(NEW_TEXT)
    assert pilot.screen.entry.text == "In de map van de afdeling"



def _broken_start(make_app, folder):
    """What ``escapebox play FOLDER --dev`` does with a file that does not load: open on its messages."""
    from escapebox.cli import build_parser
    from escapebox.cli.play_cmd import _open
    from escapebox.i18n import Translator

    tr = Translator("nl")
    args = build_parser(tr, only="play").parse_args(["play", str(folder), "--dev"])
    loaded, broken = _open(args, tr)
    assert loaded is None and broken[0] == folder / "scenario.yaml"
    return make_app(None, dev=True, dev_broken=broken)


def test_a_file_broken_at_the_start_opens_on_its_messages_and_starts_when_fixed(make_app, minimaal):
    from escapebox.ui.screens.intro import IntroScreen

    good = (minimaal / "scenario.yaml").read_text(encoding="utf-8")
    save(minimaal, good.replace("locked_by: kastje", "locked_by: kastej"))
    app, pilot = _broken_start(make_app, minimaal)
    overlay = pilot.screen
    assert isinstance(overlay, ProblemsOverlay) and overlay.never_loaded
    assert "kastej" in "\n".join(overlay.lines())
    save(minimaal, good.replace("locked_by: kastje", "locked_by: kastjj"))   # still broken: stays open
    let_watcher_look(app, pilot)
    assert pilot.screen is overlay and "kastjj" in "\n".join(overlay.lines())
    save(minimaal, good)
    let_watcher_look(app, pilot)
    assert app.stack.find(ProblemsOverlay) is None
    assert isinstance(pilot.screen, IntroScreen) and pilot.screen.loaded.source == minimaal / "scenario.yaml"


def test_esc_on_a_file_broken_at_the_start_stops_the_game(make_app, minimaal):
    """There is no previous version to go on with: Esc (or the button) stops, and says so on the button."""
    good = (minimaal / "scenario.yaml").read_text(encoding="utf-8")
    save(minimaal, good.replace("start: teampost", "start: [teampost"))
    app, pilot = _broken_start(make_app, minimaal)
    assert isinstance(pilot.screen, ProblemsOverlay)
    assert pilot.screen.focus.widgets[0].text == "Stoppen (Esc)"
    pilot.press("escape")
    assert not app.running and app.exit_code == 1
