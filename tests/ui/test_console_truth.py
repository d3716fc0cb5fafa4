"""The trainer's console and overlay tell one truth: the same time everywhere, nothing the group has
not found on the group's screen, and every control inside its box."""

import re

import pytest


from escapebox.core import commands as C
from escapebox.core import events as E

from test_facilitator import click_console, console_text
from ui_helpers import FIXTURE, SCENARIOS, start_game


def test_after_added_time_and_a_penalty_the_header_and_the_panel_say_the_same_time(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario, console=True)
    game = start_game(pilot)
    app.draw()
    click_console(pilot, "plus")                         # 5 minutes more on the clock
    click_console(pilot, "hint")                         # the trainer's pushed hint costs nothing…
    game.apply(C.TakeHint("kastje-slot"))                # …the group's own costs the fixture's 30 seconds
    assert [e.seconds for e in game.session.state.events if isinstance(e, E.PenaltyAdded)] == [30]
    click_console(pilot, "end")
    app.draw()
    click_console(pilot, "end")
    assert game.session.state.ended
    text = console_text(app)
    used = re.search(r"Tijd gebruikt: (\d\d:\d\d)", text).group(1)
    assert used >= "00:30"                               # the penalty is in it
    assert app.console.panel._clock_line() == f"afgelopen na {used}"
    assert "30 strafseconden" in text and "+5 minuten" in text   # why it differs from the clock


def _with_a_lock_after_the_choice(tmp_path):
    """The fixture plus a cupboard in the first room that is there only after the dilemma's first
    choice, locked by a puzzle whose title would give away what is coming."""
    import shutil

    import yaml

    from escapebox.scenario.loader import load_scenario
    folder = tmp_path / "na-de-keuze"
    shutil.copytree(FIXTURE, folder)
    document = yaml.safe_load((folder / "scenario.yaml").read_text(encoding="utf-8"))
    document["puzzles"]["dilemma"]["options"][0]["id"] = "collega"
    document["rooms"]["kantoor"]["objects"]["archief"] = {
        "name": "Archiefkast", "text": "De map van de collega.", "only_after": "collega", "locked_by": "archief-slot"}
    document["puzzles"]["archief-slot"] = {"kind": "code", "title": "Het geheime archief", "question": "Welke code?",
                                           "answer": "9999", "hints": ["Vraag het de collega."]}
    (folder / "scenario.yaml").write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return load_scenario(folder)


def _overlay_words(app):
    overlay = app.stack.top
    assert overlay.name == "facilitator"
    app.draw()
    return "\n".join(w.text for w in overlay.focus.widgets)


def test_the_overlay_never_names_a_lock_the_group_has_not_found(make_app, tmp_path):
    loaded = _with_a_lock_after_the_choice(tmp_path)
    app, pilot = make_app(loaded, console=True)
    game = start_game(pilot)
    assert "archief-slot" in game.session.available_puzzles()      # in this room, but not there yet
    pilot.press("ctrl+shift+f")
    for _ in range(4):                                             # "Ander slot" round every lock in sight
        assert "Het geheime archief" not in _overlay_words(app)
        pilot.click_widget("other_puzzle")
    overlay = app.stack.top
    other = overlay.focus.find("other_puzzle")
    assert other.text == app.tr("facilitator.button.other_puzzle", count=2)   # kastje and the door: no more
    assert "Het geheime archief" in console_text(app)              # the trainer's own window names it
    pilot.click_widget("show_solution")
    pilot.click_widget("show_solution")                            # "Antwoorden tonen", confirmed
    assert overlay.panel.candidates().count("archief-slot") == 1


BUNDLED = ["student-met-rugzak", "zij-instromer", "hele-team-leert", "tutorial", "voorbeeld-compleet"]


def _controls_fit(widgets, canvas, ctx):
    """Every button keeps its label whole with the button's own margins (PAD_Y above and below), in the
    controls column, and no two controls overlap."""
    from escapebox.ui.facilitator.panel import CONTROLS
    from escapebox.ui.widgets import Button
    buttons = [w for w in widgets if isinstance(w, Button)]
    for button in buttons:
        assert CONTROLS.contains(button.rect), (button.key, button.rect)
        needed = button.preferred_height(canvas, ctx, button.rect.width)
        assert button.rect.height >= needed, (button.key, button.text, button.rect, needed)
    for n, one in enumerate(buttons):
        for other in buttons[n + 1:]:
            assert not one.rect.colliderect(other.rect), (one.key, other.key)


#: a laptop, the beamer preset, and the largest text, where the room buttons were squeezed to 57 px
#: for labels that need 84-175 (the controls above them were measured at the button size, not "small")
@pytest.mark.parametrize("size, text_size", [((1280, 720), "normal"), ((1920, 1080), "large"),
                                             ((1280, 720), "extra_large")])
@pytest.mark.parametrize("name", BUNDLED)
def test_every_console_control_lies_inside_its_box(make_app, name, size, text_size):
    from escapebox.scenario.loader import load_scenario
    app, pilot = make_app(load_scenario(SCENARIOS / name), size=size, text_size=text_size, console=True)
    start_game(pilot)
    app.draw()
    console = app.console
    _controls_fit(console.focus.widgets, console.canvas, console.ctx)        # the trainer's window
    pilot.press("ctrl+shift+f")
    overlay = app.stack.top
    app.draw()
    _controls_fit(overlay.focus.widgets, app.canvas, app)                    # rooms as "Kamer 2"
    pilot.click_widget("show_solution")
    pilot.click_widget("show_solution")
    app.draw()
    _controls_fit(overlay.focus.widgets, app.canvas, app)                    # every room's own name
