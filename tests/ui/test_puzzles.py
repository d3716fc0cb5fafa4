"""Each puzzle kind, by keyboard and by mouse.  Set-up uses the core's plan; the puzzle itself is played."""

import pytest

from escapebox.core import commands as C
from escapebox.core.autoplayer import branch_plan, reflection_answer


def play_until(app, puzzle, branch=0):
    """Apply the plan's commands (the public command path) until ``puzzle`` can be tried here."""
    game = app.game
    session = game.session
    for planned in branch_plan(session, branch):
        while session.current_reflection():
            game.apply(reflection_answer(session, session.current_reflection()))
        target, state = session.scenario.puzzles[puzzle], session.state
        ready = (all(i in state.inventory for i in target.required_items())
                 and all(state.has(n) for n in target.needs)
                 and all(p in state.opened for p in target.prerequisite_puzzles()))
        if puzzle in session.available_puzzles() and ready:
            break
        game.apply(planned.command)
    while game.session.current_reflection():
        game.apply(reflection_answer(game.session, game.session.current_reflection()))
    game.route()


def open_lock(app, pilot, puzzle):
    """From the room, by keyboard: Tab to the object or exit the lock sits on, Enter."""
    play_until(app, puzzle)
    pilot.perform(app.stack.top.autoplay(C.TryAnswer(puzzle, None)))
    screen = app.stack.top
    assert getattr(screen, "puzzle_id", None) == puzzle, screen.name
    return screen


def test_code_keypad_by_mouse(game_app):
    app, pilot = game_app
    screen = open_lock(app, pilot, "kastje-slot")
    for digit in "1234":
        pilot.click_widget(f"pad:{digit}")
    pilot.click_widget("pad:back")
    assert screen.keypad.digits == "123"
    pilot.click_widget("pad:4")
    pilot.click_widget("pad:ok")
    assert screen.solved is not None


def test_code_keypad_takes_full_width_digits_from_an_input_method(game_app):
    """The check reads ０４１２ as 0412 (docs/rules.md), so the keypad types them too."""
    app, pilot = game_app
    screen = open_lock(app, pilot, "kastje-slot")
    answer = screen.puzzle.answer[0]
    pilot.press(*(chr(ord(d) + 0xFEE0) for d in answer))
    assert screen.keypad.digits == answer
    pilot.press("return")
    assert screen.solved is not None


def test_word_with_accents_and_composition(game_app):
    app, pilot = game_app
    screen = open_lock(app, pilot, "woord-slot")
    assert screen.focus.typing                      # the field has focus: letters are text
    pilot.type("moeder")
    pilot.compose("co")                             # an input method composing: not yet text
    assert screen.field.text == "moeder"
    assert screen.field.composition == "co"
    pilot.type("contract")
    assert screen.field.text == "moedercontract"
    pilot.press("c", "i", "h")                      # shortcut letters do nothing while typing
    assert app.stack.top is screen
    pilot.press("return")
    assert screen.solved is not None


def test_word_wrong_then_right_keeps_feedback_readable(game_app):
    app, pilot = game_app
    screen = open_lock(app, pilot, "woord-slot")
    pilot.type("Moedercontractt")
    pilot.press("return")
    assert screen.feedback and "Nog niet goed" in screen.feedback[0]
    pilot.press("backspace", "return")
    assert screen.solved is not None                # case and accents do not count


def test_choice_multiple_by_keys(game_app):
    app, pilot = game_app
    screen = open_lock(app, pilot, "keuze")
    assert screen.multiple and screen.note
    pilot.press("3")                                # digits pick options
    assert screen.picked == [2]
    for _ in range(10):
        if screen.focus.focused.key == "submit":
            break
        pilot.press("tab")
    pilot.press("return")
    assert "Leuk, maar niet nodig." in screen.feedback[0]
    pilot.press("3", "1", "2")
    assert screen.picked == [0, 1]
    pilot.click_widget("submit")
    assert screen.solved is not None


def test_order_by_keyboard_grab_and_move(game_app):
    app, pilot = game_app
    screen = open_lock(app, pilot, "volgorde")
    assert screen.order != [0, 1, 2]
    start = list(screen.order)
    first = start[0]
    pilot.press("space")                            # pick up the focused (first) step
    assert screen.grabbed == first
    pilot.press("down", "down")
    assert screen.order[-1] == first
    pilot.press("space")
    assert screen.grabbed is None
    # finish by dragging with the mouse
    while screen.order != [0, 1, 2]:
        step = next(s for p, s in enumerate([0, 1, 2]) if screen.order[p] != s)
        source = screen.focus.find(f"step:{step}").rect.center
        target = screen.focus.find(f"step:{screen.order[[0, 1, 2].index(step)]}").rect.center
        pilot.drag(source, target)
    pilot.click_widget("submit")
    assert screen.solved is not None


def test_match_by_mouse(game_app):
    app, pilot = game_app
    screen = open_lock(app, pilot, "koppel")
    assert screen.active == 0                       # the first situation starts chosen
    pilot.click_widget("left:2")
    assert screen.active == 2
    for i in range(3):
        pilot.click_widget(f"left:{i}")
        pilot.click_widget(f"right:{(i + 1) % 3}")
    pilot.click_widget("submit")
    assert screen.feedback and screen.solved is None
    for i in range(3):
        pilot.click_widget(f"left:{i}")
        pilot.click_widget(f"right:{i}")
    pilot.click_widget("submit")
    assert screen.solved is not None


def test_spot_decoy_click_then_keyboard_crosshair(game_app):
    app, pilot = game_app
    screen = open_lock(app, pilot, "plek")
    image = screen.image_rect
    pilot.click(image.left + image.width // 10, image.centery)      # Monday: a decoy
    assert "Maandag klopt wel." in screen.feedback[0]
    assert screen.misses
    x = screen.point[0]                             # the crosshair is where the click was
    assert x == pytest.approx(10, abs=0.5)
    pilot.press(*["right"] * 20)                    # 20 × 2 % to the right
    pilot.press(*["shift+left"] * 3)                # 3 × 0.5 % back
    assert screen.point[0] == pytest.approx(x + 40 - 1.5)
    pilot.press("return")                           # about 48.5 %: inside the target (40–60 %)
    assert screen.solved is not None


def test_combine_needs_the_right_items(game_app):
    app, pilot = game_app
    play_until(app, "eind")
    for command in (C.Inspect("kast"), C.TakeItem("pasje")):
        assert app.game.apply(command).refused is None
    screen = open_lock(app, pilot, "samen")
    keys = screen.autoplay(C.TryAnswer("samen", ["lamp", "pasje"]))
    assert keys
    pilot.click_widget("item:lamp")
    pilot.click_widget("submit")
    assert screen.feedback and screen.solved is None
    pilot.click_widget("item:pasje")
    pilot.click_widget("submit")
    assert screen.solved is not None


def test_meta_tiles_add_results(game_app):
    app, pilot = game_app
    screen = open_lock(app, pilot, "eind")
    for pid in ("kastje-slot", "woord-slot", "keuze", "volgorde"):
        pilot.click_widget(f"tile:{pid}")
    assert screen.keypad.digits == "4719"
    pilot.click_widget("pad:ok")
    assert screen.solved is not None


def test_dilemma_choice_shows_its_feedback(game_app):
    app, pilot = game_app
    screen = open_lock(app, pilot, "dilemma")
    pilot.press("2")
    pilot.click_widget("submit")
    assert screen.solved is not None
    assert screen.choice_text == "We stellen de eerste dag uit."
    assert "de student heeft zich erop voorbereid" in screen.body_box.text
    pilot.press("return")
    assert app.stack.top.name == "reflection-text"  # the at_end reflection before the ending
    pilot.type("Een plan B.")
    pilot.press("ctrl+return")
    assert app.stack.top.name == "ending"
    pilot.press("return")
    assert app.stack.top.name == "debrief"
    assert "We stellen de eerste dag uit." in app.stack.top.path_text()
