"""One input model on every screen (docs/rules.md, "Controls").

Enter does what the button with "(Enter)" says, also with the focus on an
option; Space (F5, a digit) selects; Ctrl+Enter confirms a reflection; a
presenter clicker (PageDown/PageUp, F5, B) plays what needs no typing; and
a letter typed a moment after the screen changed is no shortcut.  Every
label that names a key in brackets is checked against that key: pressing
it must do what a click on the button does.
"""

import re

import pytest

from escapebox.core import commands as C
from escapebox.core.autoplayer import branch_plan, reflection_answer
from escapebox.ui.screens import base as screens_base
from test_puzzles import open_lock, play_until
from ui_helpers import start_game


def answer_reflections(game):
    while game.session.current_reflection():
        game.apply(reflection_answer(game.session, game.session.current_reflection()))


def to_reflection(app, reflection):
    """The public command path up to ``reflection`` (it is then on screen)."""
    game = app.game
    if reflection == "gang-schaal":
        game.apply(C.JumpToRoom("gang"))
    else:
        game.apply(C.Inspect("kastje"))
        game.apply(C.TryAnswer("kastje-slot", "1234"))
    game.route()
    assert app.stack.top.name.startswith("reflection"), app.stack.top.name
    return app.stack.top


def to_ending(app, branch=1):
    """Every planned command of one branch: the ending is on screen."""
    game = app.game
    for planned in branch_plan(game.session, branch):
        answer_reflections(game)
        if not game.session.state.ended:
            game.apply(planned.command)
    answer_reflections(game)
    game.route()
    assert app.stack.top.name == "ending", app.stack.top.name
    return app.stack.top


def to_debrief(app, pilot):
    to_ending(app)
    pilot.press("return")
    assert app.stack.top.name == "debrief"
    return app.stack.top


# ------------------------------------------------------------ Enter does what the button says


def test_enter_on_a_focused_option_checks_instead_of_toggling(game_app):
    app, pilot = game_app
    screen = open_lock(app, pilot, "keuze")
    pilot.press("3")                                   # the wrong one; the focus is now on option 3
    assert screen.focus.focused.key == "opt:2"
    tries = len(app.game.history)
    pilot.press("return")
    assert screen.picked == [2]                        # not toggled off
    assert len(app.game.history) == tries + 1          # "Controleer (Enter)" was pressed
    assert "Leuk, maar niet nodig." in screen.feedback[0]
    pilot.press("1", "2", "3")                         # the digits still toggle; option 3 off again
    pilot.press("kp_enter")
    assert screen.solved is not None


def test_space_selects_the_focused_option_and_enter_chooses_the_dilemma(game_app):
    app, pilot = game_app
    play_until(app, "dilemma")
    screen = open_lock(app, pilot, "dilemma")
    pilot.press("down", "space")
    assert screen.picked == [1]
    pilot.press("return")
    assert screen.solved is not None and screen.choice_text == screen.puzzle.options[1].text


def test_enter_with_nothing_chosen_says_how_to_choose(game_app):
    app, pilot = game_app
    screen = open_lock(app, pilot, "keuze")
    tries = len(app.game.history)
    pilot.press("return")
    assert len(app.game.history) == tries              # nothing to check yet
    assert screen.feedback[0] == app.tr("ui.choice.pick_first")
    pilot.press("space")
    assert screen.picked == [0] and screen.feedback is None


def test_scale_reflection_confirms_with_enter_and_ctrl_enter(game_app):
    app, pilot = game_app
    screen = to_reflection(app, "gang-schaal")
    assert screen.focus.find("confirm").text == app.tr("ui.reflection.confirm_scale")
    pilot.press("return")                              # nothing picked: says so, stays
    assert app.stack.top is screen and screen.message == app.tr("ui.reflection.pick_first")
    pilot.press("right", "right", "space")             # arrows move along the scale, Space picks
    assert screen.value == 3
    pilot.press("return")
    answers = [e for e in app.game.session.state.events if type(e).__name__ == "ReflectionAnswered"]
    assert [a.answer for a in answers] == ["3"] and app.stack.top is not screen


def test_ctrl_enter_confirms_a_scale_from_a_value(game_app):
    app, pilot = game_app
    screen = to_reflection(app, "gang-schaal")
    pilot.press("4", "ctrl+return")
    assert app.stack.top is not screen
    assert app.game.session.state.reflections["gang-schaal"] == "4"


def test_text_reflection_enter_is_a_new_line_and_ctrl_enter_confirms(game_app):
    app, pilot = game_app
    screen = to_reflection(app, "na-kastje")
    assert screen.focus.typing
    pilot.type("Op het prikbord")
    pilot.press("return")
    pilot.type("en in de map")
    assert app.stack.top is screen and screen.text == "Op het prikbord\nen in de map"
    pilot.press("ctrl+kp_enter")
    assert app.game.session.state.reflections["na-kastje"] == "Op het prikbord\nen in de map"


# ------------------------------------------------------------ every "(Key)" label against its key

KEY_NAMES = {"enter": "return", "ctrl+enter": "ctrl+return", "esc": "escape", "f1": "f1", "pageup": "pageup",
             "pagedown": "pagedown", "pgdn": "pagedown", "spatie": "space", "space": "space"}
LABEL_KEY = re.compile(r"\(([^()]+)\)$")


def key_of(label: str) -> str | None:
    """The key a label names in brackets at its end ("Controleer (Enter)" → return), or None."""
    found = LABEL_KEY.search(label.strip())
    if not found:
        return None
    name = found.group(1).strip().lower()
    if name in KEY_NAMES:
        return KEY_NAMES[name]
    return name if len(name) == 1 and name.isalnum() else None


SIMPLE = (bool, int, str, type(None))


def screen_state(screen) -> dict:
    """The screen's own simple fields (what is chosen, shown, which page); no clock readings, no widgets."""
    state = {}
    for name, value in vars(screen).items():
        if isinstance(value, (list, tuple)) and all(isinstance(v, SIMPLE) for v in value):
            state[name] = list(value)
        elif isinstance(value, SIMPLE) and not name.startswith("_"):
            state[name] = value
    return state


def fingerprint(app):
    """What a key press or a click can change: the screens, the game's events, the top screen's own state."""
    game = app.game
    events = [type(e).__name__ for e in game.session.state.events] if game else []
    return [type(s).__name__ for s in app.stack.screens], events, screen_state(app.stack.top), app.running


def nothing(app, pilot):
    """The first room."""


def in_choice(app, pilot):
    open_lock(app, pilot, "keuze")
    pilot.press("1")                                   # something chosen: "Controleer" can be pressed


def in_dilemma(app, pilot):
    play_until(app, "dilemma")
    open_lock(app, pilot, "dilemma")
    pilot.press("2")


def in_scale(app, pilot):
    to_reflection(app, "gang-schaal")
    pilot.press("4")


def in_text(app, pilot):
    to_reflection(app, "na-kastje")
    pilot.type("Op het prikbord")


def in_discussion(app, pilot):
    play_until(app, "dilemma")
    app.game.apply(C.TryAnswer("dilemma", [0]))        # the first option asks for the discussion card
    app.game.route()
    assert app.stack.top.name == "reflection-discuss"


def in_hint(app, pilot):
    open_lock(app, pilot, "kastje-slot")
    app.stack.top.open_hint()


def in_hint_after_one(app, pilot):
    in_hint(app, pilot)
    pilot.press("return")                              # the first hint; the focus goes to "Sluiten"


def in_help(app, pilot):
    pilot.press("f1")


def in_pause(app, pilot):
    app.stack.top.open_pause()


def in_solved(app, pilot):
    open_lock(app, pilot, "woord-slot")
    pilot.type("moedercontract")
    pilot.press("return")


def in_ending(app, pilot):
    to_ending(app)


def in_debrief(app, pilot):
    to_debrief(app, pilot)


def in_time_up(app, pilot):
    from escapebox.ui.screens.timeup import TimeUpScreen
    app.game.apply(C.EndGame())
    app.stack.push(TimeUpScreen(app))


SCREENS = {"room": nothing, "choice": in_choice, "dilemma": in_dilemma, "scale": in_scale, "text": in_text,
           "discussion": in_discussion, "hint": in_hint, "hint-again": in_hint_after_one, "help": in_help,
           "pause": in_pause, "solved": in_solved, "ending": in_ending, "debrief": in_debrief, "timeup": in_time_up}
#: the toolbar is the same on every game screen: checked where it is first seen, and on a puzzle
TOOLBAR_ON = {"room", "choice"}


def labelled_buttons(app, screen_name):
    top = app.stack.top
    for widget in top.focus.widgets:
        key = key_of(getattr(widget, "text", "") or "")
        if key is None or not widget.enabled or not widget.visible:
            continue
        if (widget.key or "").startswith("tb_") and screen_name not in TOOLBAR_ON:
            continue
        yield widget.key, widget.text, key


def test_labels_are_parsed_for_their_key():
    assert key_of("Controleer (Enter)") == "return"
    assert key_of("Bevestigen (Ctrl+Enter)") == "ctrl+return"
    assert key_of("Aanwijzingen (C)") == "c"
    assert key_of("Volgende (PageDown)") == "pagedown"
    assert key_of("Aanwijzingen (3)") == "3"
    assert key_of("Stoppen (later verder waar je was)") is None


@pytest.mark.parametrize("screen_name", sorted(SCREENS))
def test_every_key_in_a_label_does_what_the_button_does(make_app, fixture_scenario, screen_name):
    setup = SCREENS[screen_name]
    app, pilot = make_app(fixture_scenario)
    start_game(pilot)
    setup(app, pilot)
    buttons = list(labelled_buttons(app, screen_name))
    assert buttons or screen_name == "discussion-none", f"no labelled button on {screen_name}"
    for widget_key, label, key in buttons:
        clicked_app, clicked = make_app(fixture_scenario)
        start_game(clicked)
        setup(clicked_app, clicked)
        clicked.click_widget(widget_key)
        pressed_app, pressed = make_app(fixture_scenario)
        start_game(pressed)
        setup(pressed_app, pressed)
        before = fingerprint(pressed_app)
        pressed.press(key)
        assert fingerprint(clicked_app) != before, f"{label!r}: the click did nothing on {screen_name}"
        assert fingerprint(pressed_app) == fingerprint(clicked_app), f"{label!r} on {screen_name}: {key} differs"


# ------------------------------------------------------------ the presenter clicker alone

def test_a_scale_reflection_by_clicker_keys_only(game_app):
    """PageDown/PageUp move on, F5 presses: no Tab, no Enter, no typing, no mouse."""
    app, pilot = game_app
    scale = to_reflection(app, "gang-schaal")
    for _ in range(3):                                 # along the scale: the prompt fits, so the focus moves
        pilot.press("pagedown")
    pilot.press("pageup")
    assert scale.focus.focused.key == "value:3"
    pilot.press("f5")
    assert scale.value == 3
    while scale.focus.focused.key != "confirm":
        pilot.press("pagedown")
    pilot.press("f5")
    assert app.game.session.state.reflections["gang-schaal"] == "3"


def test_a_dilemma_and_the_debrief_by_clicker_keys_only(game_app):
    app, pilot = game_app
    game = app.game
    play_until(app, "dilemma")
    dilemma = open_lock(app, pilot, "dilemma")
    pilot.press("pagedown", "f5")                      # the second option
    assert dilemma.picked == [1]
    while dilemma.focus.focused.key != "submit":
        pilot.press("pagedown")
    pilot.press("f5")
    assert dilemma.solved is not None
    for _ in range(10):                                # read the feedback, then "Verder"
        if app.stack.top is not dilemma:
            break
        pilot.press("pagedown")
    answer_reflections(game)
    game.route()
    pilot.run()
    assert app.stack.top.name == "ending"
    for _ in range(10):
        if app.stack.top.name == "debrief":
            break
        pilot.press("pagedown")
    debrief = app.stack.top
    assert debrief.name == "debrief"
    for _ in range(len(debrief.pages) + 3):            # a press too many does not close it
        pilot.press("pagedown")
    assert app.stack.top is debrief and debrief.index == len(debrief.pages) - 1
    assert debrief.focus.focused.key == "close"        # at the end: closing is what is left, on purpose
    pilot.press("b")                                   # blank the wall, and back
    assert app.stack.top.name == "blank"
    pilot.press("b")
    assert app.stack.top is debrief
    pilot.press("f5")
    assert app.stack.top is not debrief or not app.running


def test_b_pauses_a_game_and_b_again_plays_on(game_app):
    app, pilot = game_app
    pilot.press("b")
    assert app.stack.top.name == "pause" and app.game.session.state.paused
    pilot.press("b")
    assert app.stack.top.name == "room" and not app.game.session.state.paused


# ------------------------------------------------------------ stray keys


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(screens_base, "input_clock", fake)
    return fake


@pytest.fixture
def people_app(make_app, fixture_scenario, clock):
    """Played by people (not fast-forwarded): the shortcut guard is on."""
    app, pilot = make_app(fixture_scenario, fast=False)
    start_game(pilot)
    clock.now += 5
    return app, pilot


def test_a_letter_right_after_the_success_panel_is_no_shortcut(people_app, clock):
    app, pilot = people_app
    screen = open_lock(app, pilot, "woord-slot")
    clock.now += 5
    pilot.type("moedercontract")
    pilot.press("return")
    assert screen.solved is not None
    clock.now += 0.2                                   # the same typing burst
    pilot.press("p")
    assert app.stack.top is screen and not app.game.session.state.paused
    clock.now += screens_base.SHORTCUT_GUARD_S + 0.05  # a deliberate P, after a pause
    pilot.press("p")
    assert app.stack.top.name == "pause"


def test_a_letter_right_after_a_screen_came_on_top_is_no_shortcut(people_app, clock):
    app, pilot = people_app
    app.stack.top.open_help()
    clock.now += 5
    pilot.press("escape")                              # the room comes on top again
    clock.now += 0.3
    pilot.press("c")
    assert app.stack.top.name == "room"
    clock.now += screens_base.SHORTCUT_GUARD_S + 0.05
    pilot.press("c")
    assert app.stack.top.name != "room"


def test_a_screens_own_letter_waits_for_the_hands_too(people_app, clock):
    """The room's A ("show all places") is a letter shortcut like C: held right after the room came on top."""
    app, pilot = people_app
    app.stack.top.open_help()
    clock.now += 5
    pilot.press("escape")
    room = app.stack.top
    clock.now += 0.3
    pilot.press("a")
    assert room.name == "room" and not room.show_all
    clock.now += screens_base.SHORTCUT_GUARD_S + 0.05
    pilot.press("a")
    assert room.show_all


def test_typed_letters_keep_the_shortcuts_off_while_the_burst_lasts(people_app, clock):
    app, pilot = people_app
    for letter in "zoekp":                             # typed on the room, 150 ms apart: "p" ends a word
        clock.now += 0.15
        pilot.press(letter)
    assert app.stack.top.name == "room" and not app.game.session.state.paused
    clock.now += 0.15 + screens_base.SHORTCUT_GUARD_S
    pilot.press("p")
    assert app.stack.top.name == "pause"


def test_enter_digits_and_esc_are_never_held(people_app, clock):
    app, pilot = people_app
    screen = open_lock(app, pilot, "keuze")            # just came on top: letters are held, these are not
    pilot.press("2")
    assert screen.picked == [1]
    pilot.press("return")
    assert len([e for e in app.game.session.state.events if type(e).__name__ == "WrongAnswer"]) == 1
    pilot.press("escape")
    assert app.stack.top.name == "room"


def test_fast_is_no_reason_to_drop_the_guard(fixture_scenario, tmp_path):
    """``--fast`` skips animations for a person; only a program's keys (autoplay, a pilot) skip the guard."""
    from escapebox.ui.main import PlayOptions, build_app
    from escapebox.ui.pilot import Pilot

    made = []
    for autoplay in (False, True):
        app = build_app(PlayOptions(loaded=fixture_scenario, window=(1280, 720), fast=True, autoplay=autoplay,
                                    sound=False, save=False, data_dir=tmp_path / "data"))
        made.append(app)
        assert app.scripted is autoplay
    Pilot(made[0], hands=True)
    assert not made[0].scripted
    Pilot(made[0])
    assert made[0].scripted
    for app in made:
        app.services.launcher.close()
        app.close()
