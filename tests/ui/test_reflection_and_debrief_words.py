"""Issue #17 on screen: a confirmed reflection says it was saved; the debrief lists each wrong
attempt on its own line and counts hints in proper Dutch ("1 hint")."""

import pytest

from escapebox.core import commands as C
from ui_helpers import start_game


@pytest.mark.parametrize("save, key", [(True, "ui.reflection.saved"), (False, "ui.reflection.kept")])
def test_confirming_a_reflection_says_it_was_saved(make_app, fixture_scenario, save, key):
    app, pilot = make_app(fixture_scenario, save=save)
    game = start_game(pilot)
    game.apply(C.Inspect("kastje"))
    game.apply(C.TryAnswer("kastje-slot", "1234"))
    game.route()
    pilot.run()
    assert app.stack.top.name == "reflection-text"
    app.toasts.clear()
    pilot.type("Op het prikbord.")
    pilot.press("ctrl+return")
    pilot.run()
    assert app.stack.top.name != "reflection-text"
    assert [t.text for t in app.toasts] == [app.tr(key)]


def test_the_debrief_lists_wrong_attempts_apart_and_says_1_hint(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    game = start_game(pilot)
    game.apply(C.Inspect("kastje"))
    game.apply(C.TryAnswer("kastje-slot", "4321"))
    game.apply(C.TryAnswer("kastje-slot", "4321"))     # the same again: no new attempt
    game.apply(C.TryAnswer("kastje-slot", "1111"))
    game.apply(C.TakeHint("kastje-slot"))
    game.apply(C.TryAnswer("kastje-slot", "1234"))
    game.apply(C.AnswerReflection("na-kastje", "Op het prikbord."))
    game.apply(C.EndGame())
    game.route()
    pilot.run()
    screen = app.stack.top
    assert screen.name == "debrief"
    lines = screen.puzzles_text().splitlines()
    first = next(n for n, line in enumerate(lines) if "Het kastje" in line or "kastje" in line.lower())
    assert "1 hint · 2 keer fout geprobeerd:" in lines[first] and "spelleider" not in lines[first]
    tiles = dict((label, number) for number, label in screen.tiles())
    assert tiles["hint"] == "1" and tiles["foute antwoorden"] == "2"     # the label follows the count
    assert lines[first + 1:first + 3] == ["   – 4321", "   – 1111"]


def test_the_debrief_names_the_ending_the_choice_led_to(make_app):
    from escapebox.core.autoplayer import autoplay
    from escapebox.scenario.loader import load_scenario
    from ui_helpers import SCENARIOS
    app, pilot = make_app(load_scenario(SCENARIOS / "student-met-rugzak"))
    game = start_game(pilot)
    autoplay(game.session, 2)        # the talk's paths: [0, 0], [0, 1], then [1, 0], the "open" choice
    game.route()
    pilot.run()
    pilot.press("return")        # the ending: on to the debrief
    screen = app.stack.top
    assert screen.name == "debrief"
    assert "Zo eindigde het spel: ‘Open kaart’." in screen.path_text()
    dilemma = next(line for line in screen.puzzles_text().splitlines() if "Samira vraagt iets" in line)
    assert " – gekozen" in dilemma and "opgelost" not in dilemma     # a dash: "signalen?: opgelost" read badly


def test_the_ending_shows_the_choice_the_time_and_the_hints(make_app):
    from escapebox.core.autoplayer import autoplay
    from escapebox.scenario.loader import load_scenario
    from ui_helpers import SCENARIOS
    app, pilot = make_app(load_scenario(SCENARIOS / "zij-instromer"))
    game = start_game(pilot)
    game.apply(C.AnswerReflection("r_start", "Klaar."))
    assert not game.apply(C.TakeHint("p_rooster")).refused
    autoplay(game.session, 2)        # the talk's paths: [0, 0], [0, 1], then [1, 0], "extra-nee"
    game.route()
    pilot.run()
    screen = app.stack.top
    assert screen.name == "ending" and screen.title() == "Eerst de opleiding"
    outcome = screen.outcome_text().splitlines()
    assert outcome[0].startswith("Jullie keuze bij Marco vraagt extra diensten: “Nee, nu nog niet.")
    assert outcome[1].startswith("Tijd: ") and outcome[1].endswith(" van de 40:00 · 1 hint gebruikt")
    assert outcome[2].startswith("Zo meteen de nabespreking")


def test_a_dilemma_choice_has_its_own_look_not_the_green_tick(make_app, fixture_scenario):
    from escapebox.ui.pilot import resolve
    from escapebox.ui.screens.puzzles import puzzle_screen
    app, pilot = make_app(fixture_scenario)
    game = start_game(pilot)
    game.apply(C.JumpToRoom("kantine"))
    app.stack.push(puzzle_screen(app, "dilemma"))
    pilot.run()
    screen = app.stack.top
    for _ in range(10):
        if screen.solved is not None:
            break
        pilot.perform(resolve(screen, screen.autoplay(C.TryAnswer("dilemma", [0])) or []))
        pilot.run()
    assert screen.solved is not None
    screen.anim = 10.0                 # the animation's last frame
    app.draw()
    # inside the mark's circle (radius 70 round the point 80, 80 of the panel), left of the fork's stem
    point = app.canvas.to_physical((screen.solved_rect.left + 80 - 40, screen.solved_rect.top + 80 + 30))
    pixel = tuple(app.window.get_at(point))[:3]
    colours = app.theme.colours
    assert pixel == tuple(colours.accent) and pixel != tuple(colours.success)
