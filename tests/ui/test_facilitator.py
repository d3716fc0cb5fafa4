"""The trainer's console window and overlay: every control changes the game and is logged."""

import pygame
import pytest

from escapebox.core import events as E
from ui_helpers import start_game, tab_to


def click_console(pilot, key):
    """A real click in the console window: the event carries that window, like SDL's do."""
    console = pilot.app.console
    widget = console.focus.find(key)
    assert widget is not None and widget.enabled, key
    pos = console.canvas.to_physical(widget.rect.center)
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        pygame.event.post(pygame.event.Event(kind, pos=pos, button=1, window=console.window))
    pilot.run()


def logged(game, kind):
    return [e for e in game.session.state.events if isinstance(e, kind)]


def console_text(app):
    app.draw()
    return app.console.focus.find("info").text


def open_kastje(pilot):
    tab_to(pilot, "obj:kastje")
    pilot.press("return")
    assert pilot.app.stack.top.name == "puzzle-code"


def test_console_is_a_second_window_even_headless(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario, console=True)
    assert app.console is not None
    assert isinstance(app.console.window, pygame.Window) and app.console.window.get_surface().get_size() == (1120, 630)
    start_game(pilot)
    assert "Kamer:" in console_text(app)


def test_console_pause_time_and_the_puzzle_on_screen(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario, console=True)
    game = start_game(pilot)
    app.draw()
    click_console(pilot, "pause")
    assert game.session.state.paused and app.stack.top.name == "pause"
    assert logged(game, E.Paused)[-1].by_facilitator
    pilot.press("p", "escape", "space", "b", "pagedown")  # the group's keys and clicker do not lift it
    assert game.session.state.paused and app.stack.top.name == "pause"
    assert not logged(game, E.Resumed) and pilot.widget("resume") is None
    click_console(pilot, "pause")                       # now "Verder spelen"
    assert not game.session.state.paused and app.stack.top.name == "room"
    assert logged(game, E.Resumed)[-1].by_facilitator
    click_console(pilot, "plus")
    click_console(pilot, "minus")
    assert [e.seconds for e in logged(game, E.TimeAdjusted)] == [300, -300]

    open_kastje(pilot)
    pilot.press("4", "3", "2", "1", "return")
    text = console_text(app)
    assert "Puzzel:" in text and game.scenario.puzzles["kastje-slot"].title in text
    assert game.scenario.puzzles["kastje-slot"].describe_solution() in text     # the window is the trainer's own
    assert "“4321”" in text                                                      # what the group typed


def test_console_hint_reveal_skip_jump_and_end(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario, console=True)
    game = start_game(pilot)
    open_kastje(pilot)
    pilot.type("12")                                     # half-typed: must survive the trainer's dialogs
    app.draw()

    click_console(pilot, "hint")
    hint = logged(game, E.HintShown)[-1]
    assert hint.pushed and hint.puzzle == "kastje-slot"
    assert app.stack.top.name == "facilitator-notice" and app.stack.top.text == hint.text
    pilot.press("escape")
    assert app.stack.top.name == "puzzle-code"

    click_console(pilot, "reveal")
    revealed = logged(game, E.AnswerRevealed)[-1]
    assert revealed.puzzle == "kastje-slot" and app.stack.top.text == revealed.solution
    pilot.press("escape")

    click_console(pilot, "skip")
    lock = logged(game, E.LockOpened)[-1]
    assert lock.skipped and game.session.state.opened["kastje-slot"] == "skipped"
    assert app.stack.top.name == "reflection-text"       # the reflection after the lock still comes
    pilot.type("Bij de koffie.")
    pilot.press("ctrl+return")
    assert "Bij de koffie." in console_text(app)         # reflections come in as they are answered

    click_console(pilot, "room:kantine")
    entered = logged(game, E.RoomEntered)[-1]
    assert entered.room == "kantine" and entered.by_facilitator
    assert game.session.state.room == "kantine"

    click_console(pilot, "end")                          # asks once more: a slip must not end the game
    assert not game.session.state.ended
    app.draw()
    click_console(pilot, "end")
    assert logged(game, E.GameEnded)[-1].reason == "facilitator"
    assert app.stack.top.name == "debrief"


def test_a_refused_command_is_a_message_not_a_crash(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario, console=True)
    game = start_game(pilot)
    open_kastje(pilot)
    app.draw()
    for _ in range(len(game.scenario.puzzles["kastje-slot"].hints)):
        click_console(pilot, "hint")
        pilot.press("escape")
    app.draw()
    click_console(pilot, "hint")
    assert app.console.message[1] == "danger"
    assert app.console.message[0] == app.tr("rules.no_more_hints")


def test_without_a_second_window_the_overlay_is_offered(make_app, fixture_scenario, monkeypatch):
    def refuse(*args, **kwargs):
        raise pygame.error("no more windows")
    monkeypatch.setattr(pygame, "Window", refuse)
    app, pilot = make_app(fixture_scenario, console=True)
    assert app.console is None
    assert any("Ctrl+Shift+F" in t.text for t in app.toasts)


@pytest.mark.parametrize("keys", ["f", "shift+f", "ctrl+f", "alt+f", "f1", "escape", "ctrl+alt+f"])
def test_the_overlay_needs_the_whole_combination(make_app, fixture_scenario, keys):
    app, pilot = make_app(fixture_scenario)
    start_game(pilot)
    pilot.press(keys)
    assert "facilitator" not in [s.name for s in app.stack.screens]


def test_overlay_hides_solutions_until_asked_and_esc_closes(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    game = start_game(pilot)
    open_kastje(pilot)
    pilot.press("ctrl+shift+f")
    overlay = app.stack.top
    assert overlay.name == "facilitator"
    solution = game.scenario.puzzles["kastje-slot"].describe_solution()
    first_hint = game.scenario.puzzles["kastje-slot"].hints[0]
    later = {rid: room.name for rid, room in game.scenario.rooms.items() if rid not in game.session.state.visited}
    assert later, "the fixture has rooms the group has not seen yet"

    def shown() -> str:
        return pilot.widget("info").text + " ".join(w.text for w in overlay.focus.widgets if w.key.startswith("room:"))

    for hidden in (solution, first_hint, *later.values()):        # the group reads along
        assert hidden not in shown()
    assert "nummer 1 van" in pilot.widget("info").text
    pilot.click_widget("show_solution")                  # asks first: a slip must not show the answers
    assert solution not in shown() and pilot.widget("show_solution").text.startswith("Zeker?")
    pilot.click_widget("show_solution")
    for revealed in (solution, first_hint, *later.values()):
        assert revealed in shown()
    pilot.click_widget("show_solution")                  # hiding again needs no confirmation
    assert solution not in shown()
    pilot.click_widget("plus")
    assert logged(game, E.TimeAdjusted)[-1].seconds == 300

    pilot.click_widget("hint")                           # the group's notice waits below the overlay
    assert app.stack.top is overlay and app.stack.screens[-2].name == "facilitator-notice"
    pilot.press("escape")
    assert app.stack.top.name == "facilitator-notice"
    pilot.press("escape")
    assert app.stack.top.name == "puzzle-code"


def test_overlay_jump_stays_open_and_end_goes_to_the_debrief(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    game = start_game(pilot)
    pilot.press("ctrl+shift+f")
    pilot.click_widget("room:gang")
    assert game.session.state.room == "gang" and logged(game, E.RoomEntered)[-1].by_facilitator
    assert app.stack.top.name == "facilitator"           # the trainer can go on
    assert app.stack.screens[-2].name == "reflection-scale"   # the gang's reflection waits for the group
    pilot.press("ctrl+shift+f")                          # the same keys close it again
    assert app.stack.top.name == "reflection-scale"
    pilot.press("ctrl+shift+f")
    pilot.click_widget("end")
    pilot.click_widget("end")
    assert logged(game, E.GameEnded)[-1].reason == "facilitator"
    assert "facilitator" not in [s.name for s in app.stack.screens]


def test_a_pack_without_the_trainers_password_shows_no_answer(make_app, fixture_scenario, tmp_path):
    """The console of a pack opened without its password: "antwoord niet beschikbaar…", and reveal is refused."""
    from escapebox.pack.reader import load_pack
    from escapebox.pack.writer import build_pack, write_pack

    write_pack(build_pack(fixture_scenario, password="een zin als wachtwoord"), tmp_path / "p.escapebox")
    app, pilot = make_app(load_pack(tmp_path / "p.escapebox"), console=True)
    game = start_game(pilot)
    open_kastje(pilot)
    text = console_text(app)
    assert "Oplossing: antwoord niet beschikbaar zonder trainerswachtwoord" in text
    click_console(pilot, "reveal")
    assert not logged(game, E.AnswerRevealed)
    assert app.console.message == (app.tr("rules.answer_sealed", puzzle=game.scenario.puzzles["kastje-slot"].title),
                                   "danger")
    pilot.press("4", "3", "2", "1", "return")            # a near miss still gives its feedback…
    assert logged(game, E.WrongAnswer)[-1].feedback == "Bijna! Andersom."
    pilot.press("backspace", "backspace", "backspace", "backspace", "1", "2", "3", "4", "return")
    assert game.session.state.opened.get("kastje-slot") == "solved"     # …and the answer opens the lock


def test_after_the_end_the_console_shows_the_outcome_and_the_way_to_the_debrief(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario, console=True)
    game = start_game(pilot)
    app.draw()
    click_console(pilot, "pause")
    assert app.console.message == (app.tr("facilitator.done.paused"), "success")
    click_console(pilot, "end")
    app.draw()
    click_console(pilot, "end")
    assert game.session.state.ended
    text = console_text(app)
    assert text.startswith("Het spel is afgelopen.") and "spelleider heeft het spel beëindigd" in text
    assert f"escapebox report {game.session.session_id} -o verslag.html" in text
    assert app.console.message is None                   # not "Het spel staat op pauze" any more
    keys = {w.key for w in app.console.focus.widgets}
    assert keys == {"info", "debrief"}                   # no pause, time, hint or room buttons
    assert app.stack.top.name == "debrief" and not app.console.focus.find("debrief").enabled
    assert "staat op het scherm van de groep" in text



def test_the_console_puts_the_debrief_on_after_the_ending(make_app, fixture_scenario):
    from escapebox.core.autoplayer import branch_plan, reflection_answer
    app, pilot = make_app(fixture_scenario, console=True)
    game = start_game(pilot)
    for planned in branch_plan(game.session, 0):          # the public command path to an ending
        while game.session.current_reflection():
            game.apply(reflection_answer(game.session, game.session.current_reflection()))
        if not game.session.state.ended:
            game.apply(planned.command)
    while game.session.current_reflection():
        game.apply(reflection_answer(game.session, game.session.current_reflection()))
    game.route()
    assert app.stack.top.name == "ending"
    text = console_text(app)
    assert "De groep is ontsnapt" in text and "klik ‘Nabespreking tonen’" in text
    click_console(pilot, "debrief")
    assert app.stack.top.name == "debrief"


def test_the_console_loads_its_fonts_before_the_game_starts(make_app, fixture_scenario, monkeypatch):
    """Its first frame with a game opens no font: each new one costs about 1 ms for its first line of letters."""
    app, pilot = make_app(fixture_scenario, console=True)
    console = app.console
    assert console.warm_fonts in app.idle_tasks        # run while the group reads the intro
    console.warm_fonts()
    opened = []
    real_open = type(app.fonts)._open
    monkeypatch.setattr(app.fonts, "_open", lambda style, px: opened.append((style, px)) or real_open(app.fonts, style, px))
    real_draw = console._draw

    def console_draw():
        before = len(opened)
        real_draw()
        assert opened[before:] == []
    monkeypatch.setattr(console, "_draw", console_draw)
    start_game(pilot)
    open_kastje(pilot)
    assert "Kamer:" in console_text(app)


def test_a_resized_console_loads_the_fonts_of_its_new_size(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario, console=True)
    console = app.console
    app.idle_tasks.remove(console.warm_fonts)
    console.window.size = (1920, 1080)
    console.handle(pygame.event.Event(pygame.WINDOWSIZECHANGED, window=console.window))
    assert console.canvas.scale == 1.0 and app.idle_tasks.count(console.warm_fonts) == 1
    console.handle(pygame.event.Event(pygame.WINDOWEXPOSED, window=console.window))   # the same size: nothing new
    assert app.idle_tasks.count(console.warm_fonts) == 1
