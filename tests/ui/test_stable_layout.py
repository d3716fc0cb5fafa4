"""Puzzle screens stay put: no control moves or changes size while the screen is open.

A click aimed at a keypad key, an option or a match row must land where the
group saw it, also once red feedback has appeared or a pair has been made
(issue #16).  Every puzzle screen of every bundled scenario and of the fixture
is opened through the room, as a group opens it; then it gets Enter on a fresh
screen (the how-to message), each wrong answer the test can think of (by keys and
by mouse, in turn) and a refused one (the game paused), and after every action
every widget's key and rectangle must be what they were when the screen opened.
"""

import pytest

from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.core.autoplayer import branch_plan, reflection_answer
from escapebox.scenario.freesolve import crosshair_start, spot_areas
from escapebox.scenario.loader import load_scenario
from escapebox.ui.screens.puzzles import PuzzleScreen
from escapebox.ui.screens.puzzles.choice import DilemmaScreen
from escapebox.ui.screens.puzzles.order import OrderScreen
from ui_helpers import FIXTURE, SCENARIOS, start_game

SCENARIO_DIRS = [SCENARIOS / name for name in
                 ("student-met-rugzak", "zij-instromer", "hele-team-leert", "tutorial", "voorbeeld-compleet")] + [FIXTURE]
SIZES = [(1280, 720), (1920, 1080)]
#: the kinds each walk must meet (a scenario change that loses one fails loudly); the fixture's
#: combine lock is never ready on its plan (the lamp goes into a combination first)
KINDS = {FIXTURE.name: {"code", "word", "meta", "choice", "dilemma", "match", "order", "spot"},
         "student-met-rugzak": {"combine"}, "voorbeeld-compleet": {"combine"}}
#: the most actions a screen may need to make one answer (a match of 6 pairs takes 12)
MAX_STEPS = 40


def snapshot(screen) -> dict:
    """Every widget's key and rectangle; the steps of an order puzzle by place (moving one is the point)."""
    rects = {}
    for widget in screen.focus.widgets:
        key = widget.key
        if isinstance(screen, OrderScreen) and key.startswith("step:"):
            key = f"place:{screen.order.index(int(key[5:]))}"
        rects[key] = tuple(widget.rect)
    return rects


def tries(game, puzzle_id: str) -> int:
    return sum(1 for o in game.history if isinstance(o.command, C.TryAnswer) and o.command.puzzle == puzzle_id)


def wrong_answers(screen) -> list:
    """Answers this puzzle does not accept, the near misses and wrong options with their own feedback first."""
    puzzle, kind = screen.puzzle, screen.puzzle.kind
    if kind in ("code", "word", "meta"):
        numeric = kind == "code" or screen.keypad is not None
        guesses = list(puzzle.near_misses) + (["0" * len(puzzle.answer[0]), "9" * len(puzzle.answer[0])]
                                              if numeric else ["zeker niet goed"])
        if numeric:
            guesses = [g for g in guesses if g.isdigit()]
    elif kind == "choice":
        guesses = [[n] for n in range(len(puzzle.options))] + ([list(range(len(puzzle.options)))] if puzzle.multiple else [])
    elif kind == "match":
        solution = puzzle.solution()
        guesses = [solution[1:] + solution[:1]]
    elif kind == "order":
        guesses = [list(screen.order)]        # shown never in the right order
    elif kind == "spot":
        guesses = [list(d.area.centre()) for d in puzzle.decoys] + [list(crosshair_start(spot_areas(puzzle)))]
    elif kind == "combine":
        inventory = screen.game.session.state.inventory
        guesses = [[iid] for iid in inventory] + [list(inventory)]
    else:
        guesses = []                          # a dilemma: every option opens
    return [g for g in guesses if not puzzle.check(g).correct][:4]


def play_answer(pilot, screen, answer, mode: str, check) -> None:
    """The screen's own autoplay towards ``answer``, by ``mode``, until it was tried; ``check`` after each action."""
    game, before = screen.game, tries(screen.game, screen.puzzle_id)
    for _ in range(MAX_STEPS):
        pilot.perform(screen.autoplay(C.TryAnswer(screen.puzzle_id, answer)), mode)
        check(f"{mode}, towards {answer!r}")
        if tries(game, screen.puzzle_id) > before:
            assert pilot.app.stack.top is screen and screen.solved is None
            return
    raise AssertionError(f"{screen.name}: {answer!r} was never tried")


def turn(screen) -> tuple:
    """Which turn of a conversation the screen shows (a later turn is a new page of the talk)."""
    return tuple(screen.path) if isinstance(screen, DilemmaScreen) else ()


def shake(app, pilot, screen) -> None:
    before, shown = snapshot(screen), turn(screen)

    def check(step: str) -> None:
        nonlocal before, shown
        now = snapshot(screen)
        if turn(screen) != shown:
            # the group said a line and the character answers: the next turn is laid out afresh
            # (its question holds what was said) and must stay put from there on
            before, shown = now, turn(screen)
            return
        moved = {k: (before.get(k), now.get(k)) for k in before.keys() | now.keys() if before.get(k) != now.get(k)}
        assert not moved, f"{screen.name} '{screen.puzzle_id}' after {step}: {moved}"

    pilot.press("return")
    check("Enter on a fresh screen")
    # a typed answer needs the keyboard (a mouse cannot clear what was typed before)
    modes = ("keys",) if screen.focus.find("answer") is not None else ("keys", "mouse")
    for n, answer in enumerate(wrong_answers(screen)):
        play_answer(pilot, screen, answer, modes[n % len(modes)], check)
        assert screen.feedback is not None
    if isinstance(screen, OrderScreen):
        pilot.press("space")
        check("a step picked up")
        pilot.press("space")
    app.game.apply(C.Pause())
    # a dilemma: a whole path through the talk (a first line alone only goes on to the next turn)
    answer = (wrong_answers(screen) or [screen.puzzle.paths()[0] if isinstance(screen, DilemmaScreen) else [0]])[0]
    play_answer(pilot, screen, answer, "keys", check)
    assert app.game.history[-1].first(E.CommandRefused) is not None
    app.game.apply(C.Resume())


def ready_puzzles(session) -> list[str]:
    """The puzzles of this room that can be tried now (their items held, what they need found)."""
    state, puzzles = session.state, session.scenario.puzzles
    return [p for p in session.available_puzzles()
            if all(i in state.inventory for i in puzzles[p].required_items())
            and all(state.has(n) for n in puzzles[p].needs)
            and all(q in state.opened for q in puzzles[p].prerequisite_puzzles())]


def open_puzzle(app, pilot, puzzle_id: str) -> PuzzleScreen:
    """From the room, the way the room's auto-player goes there (an object, then its lock)."""
    app.game.route()
    pilot.run()
    for _ in range(4):
        screen = app.stack.top
        if isinstance(screen, PuzzleScreen) and screen.puzzle_id == puzzle_id:
            return screen
        pilot.perform(screen.autoplay(C.TryAnswer(puzzle_id, None)))
    raise AssertionError(f"could not open '{puzzle_id}' (on {app.stack.top.name})")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("folder", SCENARIO_DIRS, ids=lambda p: p.name)
def test_puzzle_controls_stay_put(make_app, folder, size):
    app, pilot = make_app(load_scenario(folder), size=size)
    start_game(pilot)
    game, session, seen = app.game, app.game.session, {}
    for planned in branch_plan(session, 0):
        while session.current_reflection():
            game.apply(reflection_answer(session, session.current_reflection()))
        if session.state.ended:
            break
        for puzzle_id in ready_puzzles(session):       # the plan's, and those it leaves alone
            if puzzle_id not in seen:
                screen = open_puzzle(app, pilot, puzzle_id)
                shake(app, pilot, screen)
                seen[puzzle_id] = screen.puzzle.kind
        game.apply(planned.command)
    seen = set(seen.values())
    assert seen, "no puzzle screen was opened"
    assert KINDS.get(folder.name, set()) <= seen, KINDS[folder.name] - seen


# ---------------------------------------------------------------- keys (docs/rules.md, "Controls")

def reach(app, pilot, puzzle_id: str) -> PuzzleScreen:
    """Play the fixture's plan until ``puzzle_id`` can be tried, then open it from the room."""
    session = app.game.session
    for planned in branch_plan(session, 0):
        if puzzle_id in ready_puzzles(session):
            break
        while session.current_reflection():
            app.game.apply(reflection_answer(session, session.current_reflection()))
        app.game.apply(planned.command)
    return open_puzzle(app, pilot, puzzle_id)


def test_match_enter_on_an_entry_checks_and_space_picks(game_app):
    """Enter is "Controleer (Enter)" also on a right-hand entry; it never says "Kies eerst links"."""
    app, pilot = game_app
    screen = reach(app, pilot, "koppel")
    right = f"right:{screen.right_order[0]}"
    screen.focus.focus_key(right)
    pilot.press("return")                             # nothing paired yet: says so, pairs nothing
    assert screen.pairs == {} and screen.feedback == (app.tr("ui.match.incomplete"), "danger")
    for i, j in enumerate(screen.puzzle.solution()[1:] + screen.puzzle.solution()[:1]):
        screen.focus.focus_key(f"left:{i}")
        pilot.press("space")
        screen.focus.focus_key(f"right:{j}")
        pilot.press("space")
    assert len(screen.pairs) == len(screen.puzzle.pairs) and screen.active is None
    before = tries(app.game, "koppel")
    pilot.press("return")                             # all paired, focus on the right: checks
    assert tries(app.game, "koppel") == before + 1
    assert screen.feedback[0].startswith(app.tr("ui.puzzle.wrong", feedback="").strip())


def test_order_space_picks_a_step_up_and_enter_checks(game_app):
    app, pilot = game_app
    screen = reach(app, pilot, "volgorde")
    first = screen.order[0]
    assert screen.focus.focused.key == f"step:{first}"
    pilot.press("space", "down")
    assert screen.order[1] == first and screen.grabbed == first
    pilot.press("space")
    assert screen.grabbed is None
    before = tries(app.game, "volgorde")
    pilot.press("return")                             # on a step: checks, picks nothing up
    assert tries(app.game, "volgorde") == before + 1 and screen.grabbed is None


def test_code_enter_checks_with_the_focus_on_a_digit_key(game_app):
    """Enter is OK wherever the focus is on the keypad; Space presses the focused key."""
    app, pilot = game_app
    screen = reach(app, pilot, "kastje-slot")
    screen.focus.focus_key("pad:5")
    pilot.press("space")
    assert screen.keypad.digits == "5"
    wrong = next(g for g in ("0000", "9999") if not screen.puzzle.check(g).correct)
    pilot.press("backspace", *wrong)
    before = tries(app.game, "kastje-slot")
    pilot.press("return")
    assert tries(app.game, "kastje-slot") == before + 1
    assert app.game.history[-1].command.answer == wrong and screen.keypad.digits == ""


def test_feedback_longer_than_its_room_pages_in_place(game_app):
    """A text nobody reserved for (a long refusal) stays in the room and pages: nothing moves, nothing is cut."""
    app, pilot = game_app
    screen = reach(app, pilot, "koppel")
    before = snapshot(screen)
    screen.feedback = (" ".join(["Dit venster laat het spel alleen zien."] * 12), "danger")
    screen.layout()
    app.draw()                                        # drawn once: the box knows it overflows
    assert snapshot(screen) == before
    box = screen.focus.find("feedback")
    assert box.role == "small" and box.overflows() and screen.pager() is box
    first = box.first_line
    pilot.press("pagedown")
    assert box.first_line > first


# ---------------------------------------------------------------- nothing on top of anything

def overlaps(screen) -> list[str]:
    """Controls drawn over the feedback's reserved place, the check button or each other (rows of another page are not drawn)."""
    widgets = [w for w in screen.focus.widgets if w.key not in ("feedback",) and not w.clipped]
    places = [("feedback", screen.feedback_rect)] + [(w.key, w.rect) for w in widgets]
    found = []
    for n, (key, rect) in enumerate(places):
        for other, other_rect in places[n + 1:]:
            if rect.width and other_rect.width and rect.colliderect(other_rect):
                found.append(f"{key} {tuple(rect)} over {other} {tuple(other_rect)}")
    return found


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("text_size", ["large", "extra_large"])
@pytest.mark.parametrize("folder", SCENARIO_DIRS, ids=lambda p: p.name)
def test_no_control_covers_another_at_the_beamers_text(make_app, folder, text_size, size):
    """--beamer plays with large text, and a group may choose extra large (Settings) on the beamer
    or a laptop: the options, steps and pairs keep to their own place, above the feedback and the
    check button (play-through: feedback drawn over the last option, 'Controleer' over the last
    step, so a click meant to check picked up step 6)."""
    app, pilot = make_app(load_scenario(folder), size=size, text_size=text_size)
    start_game(pilot)
    game, session, seen, found = app.game, app.game.session, set(), []
    for planned in branch_plan(session, 0):
        while session.current_reflection():
            game.apply(reflection_answer(session, session.current_reflection()))
        if session.state.ended:
            break
        for puzzle_id in ready_puzzles(session):
            if puzzle_id not in seen:
                seen.add(puzzle_id)
                screen = open_puzzle(app, pilot, puzzle_id)
                found += [f"{puzzle_id}: {text}" for text in overlaps(screen)]
                pilot.press("escape")
        game.apply(planned.command)
    assert seen
    assert not found, "\n".join(found)
