"""A conversation of several turns on the dilemma screen, by keys and by mouse (issue #17).

Samira's talk in ``student-met-rugzak``: the first choice's reply and feedback
stand above the next turn, whose lines depend on that choice; the last line
sends the whole path, which the debrief shows.
"""

import pytest

from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.paths import bundled_scenarios_dir
from escapebox.scenario.loader import load_scenario
from test_puzzles import play_until
from ui_helpers import start_game

TALK = "in-vertrouwen"


@pytest.fixture
def samira(make_app):
    app, pilot = make_app(load_scenario(bundled_scenarios_dir() / "student-met-rugzak"), size=(1280, 720),
                          timer_visible=False)
    start_game(pilot)
    play_until(app, TALK)
    pilot.perform(app.stack.top.autoplay(C.TryAnswer(TALK, None)))
    assert app.stack.top.name == "puzzle-dilemma"
    return app, pilot


def chosen(app):
    return [e for e in app.game.session.state.events if isinstance(e, E.DilemmaChosen)]


def test_keys_a_first_line_brings_the_next_turn_and_the_last_line_is_the_answer(samira, tmp_path):
    app, pilot = samira
    screen, puzzle = app.stack.top, app.game.scenario.puzzles[TALK]
    assert pilot.widget("submit").text == "Kies dit (Enter)"
    pilot.press("1", "return")                           # "Ja. We passen aan …"
    assert pilot.widget("submit").text == "Zeg dit (Enter)"      # now the group talks to Samira
    assert not chosen(app) and screen.solved is None      # the talk goes on: nothing is decided yet
    first = puzzle.options[0]
    question = pilot.widget("question").text
    assert question.startswith(f"Jullie: '{first.text}'") and f"Samira: '{first.reply}'" in question
    assert first.feedback.split()[0] in question
    assert pilot.widget("opt:0").text.endswith(first.then.options[0].text)
    assert pilot.widget("opt:2") is None                   # the next turn has its own two lines
    assert screen.focus.focused.key == "opt:0" and not screen.picked
    pilot.screenshot(tmp_path / "turn2.png")
    pilot.press("2", "return")
    [event] = chosen(app)
    assert event.option == 0 and event.path == (0, 1)
    assert event.text == f"{first.text} » {first.then.options[1].text}"
    assert screen.solved is not None and first.then.options[1].reply in screen.solved.feedback
    # the heading keeps the choice the talk turned on; what was said after it is in the text below
    assert screen.solved_heading == f"Jullie keuze: {first.text}"
    assert pilot.widget("solved_text").text.startswith(f"Daarna zeiden jullie: ‘{first.then.options[1].text}’")


def test_mouse_plays_the_other_branch(samira):
    app, pilot = samira
    pilot.click_widget("opt:1")
    pilot.click_widget("submit")
    pilot.click_widget("opt:0")
    pilot.click_widget("submit")
    [event] = chosen(app)
    assert event.path == (1, 0) and app.game.session.state.choices[TALK] == 1


def test_a_line_without_a_next_turn_ends_the_talk_at_once(samira):
    app, pilot = samira
    pilot.press("3", "return")                            # "Een middenweg": no 'then'
    [event] = chosen(app)
    assert event.option == 2 and event.path == ()


def test_the_debrief_shows_the_path_the_group_talked_along(samira):
    from escapebox.debrief import build_debrief
    app, pilot = samira
    pilot.press("2", "return")
    assert app.stack.top.focus.focused.key == "opt:0"     # the next turn starts at its first line
    pilot.press("1", "return")
    puzzle = app.game.scenario.puzzles[TALK]
    d = build_debrief(app.game.scenario, app.game.session.state.events)
    [choice] = d.choices
    assert choice.text == f"{puzzle.options[1].text} » {puzzle.options[1].then.options[0].text}"
    assert choice.feedback == puzzle.options[1].then.options[0].feedback   # where the talk ended


@pytest.mark.parametrize("path", [[0, 1], [1, 0], [3]])
def test_autoplay_says_each_line_by_keys_and_by_mouse(samira, path):
    app, pilot = samira
    for _ in range(8):
        if chosen(app):
            break
        pilot.perform(app.stack.top.autoplay(C.TryAnswer(TALK, path)))
    assert chosen(app)[0].option == path[0] and list(chosen(app)[0].path) == (path if len(path) > 1 else [])


@pytest.mark.parametrize("size,prefix", [((1280, 720), "1280"), ((1920, 1080), "beamer")])
def test_golden_conversation_second_turn(make_app, update_goldens, size, prefix):
    """What was said, the reply and the feedback above the next turn's lines (the guide's own talk)."""
    from escapebox.scenario.loader import load_scenario_text
    from test_goldens import compare
    from tests.test_conversation_turns import TALK
    app, pilot = make_app(load_scenario_text(TALK), size=size, timer_visible=False)
    start_game(pilot)
    play_until(app, "praten")
    pilot.perform(app.stack.top.autoplay(C.TryAnswer("praten", None)))
    pilot.press("1", "return")
    app.toasts.clear()
    app.draw()
    assert not app.stack.top.question_box.overflows()     # the next question is in sight, not on page 2
    compare(app, f"{prefix}-conversation-turn", update_goldens)
