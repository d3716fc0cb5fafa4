"""The discussion card opens on "Klaar met bespreken"; a group that starts typing its notes there keeps
them (played by hand on student-met-rugzak: the first space pressed "Klaar" and saved "besproken")."""

import pygame

from escapebox.core import commands as C
from test_puzzles import play_until
from ui_helpers import start_game


def typed_by_hand(pilot, text: str) -> None:
    """What SDL sends for each key of a person typing: the key, then the letter it makes, but that
    letter only while text input is on, which the game starts when a text field gets the focus."""
    for char in text:
        text_input_on = pilot.app.stack.top.focus.typing
        key = pygame.K_SPACE if char == " " else pygame.key.key_code(char.lower())
        mod = pygame.KMOD_SHIFT if char.isupper() else 0
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=char, scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, scancode=0))
        if text_input_on:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char))
        pilot.run()


def in_discussion(app, pilot):
    start_game(pilot)
    play_until(app, "dilemma")
    app.game.apply(C.TryAnswer("dilemma", [0]))        # the first option asks for the discussion card
    app.game.route()
    assert app.stack.top.name == "reflection-discuss"
    assert app.stack.top.focus.focused.key == "confirm"


def test_typing_on_the_discussion_card_goes_into_the_notes(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    in_discussion(app, pilot)
    typed_by_hand(pilot, "Rob belt zelf")
    assert app.stack.top.name == "reflection-discuss"       # no letter opened a tool, no space confirmed
    pilot.press("ctrl+return")
    answers = [e.answer for e in app.game.session.state.events if e.type == "ReflectionAnswered"]
    assert answers[-1] == "Rob belt zelf"


def test_space_and_enter_still_work_the_focused_button(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    in_discussion(app, pilot)
    pilot.press("return")
    answers = [e.answer for e in app.game.session.state.events if e.type == "ReflectionAnswered"]
    assert answers[-1] == app.tr("ui.reflection.discussed")
