"""Old laptops on battery driving a beamer: pictures are rendered before they are needed, an idle game sleeps.

These tests check the *mechanisms* behind the performance budgets, never a
duration: timings live in benchmarks/run.py (docs/performance.md), because
CI machines are noisy.  A picture rendered at its exact size is the slow part
of a screen change, so the tests count SVG renders; an idle loop that polls
is what costs battery, so they count how often the loop wakes up.
"""

import time

import pygame
import pytest

from escapebox.ui import app as app_module
from escapebox.ui.warmup import WarmUp
from ui_helpers import start_game, tab_to


@pytest.fixture
def svg_renders(monkeypatch):
    """Every SVG rendered from now on (the calls that took 20–50 ms per picture)."""
    calls = []
    render = pygame.image.load_sized_svg

    def counting(path, size):
        calls.append((str(path), tuple(size)))
        return render(path, size)
    monkeypatch.setattr(pygame.image, "load_sized_svg", counting)
    return calls


def drain_idle_tasks(app):
    """What happens while the group reads: the loop runs the queued idle tasks, then collects garbage."""
    for _ in range(200):
        if not app.idle_work():
            return
        app.frame(block=False)
    raise AssertionError(f"idle tasks never finish: {app.idle_tasks}")


def test_the_first_room_is_drawn_while_the_group_types_its_name(make_app, fixture_scenario, svg_renders):
    app, pilot = make_app(fixture_scenario, fast=False)
    pilot.press("return")                       # intro → group name
    assert pilot.screen.name == "group"
    drain_idle_tasks(app)
    assert any("kantoor" in path for path, _ in svg_renders), "the start room's picture was not pre-rendered"
    assert app.game is None, "the warm-up must not start (or save) a session"
    svg_renders.clear()
    pilot.type("Groep 3")
    pilot.press("return")                       # the very first room entry (and, after its frame, one idle task)
    assert pilot.screen.name == "room"
    pictures = [path for path, _ in svg_renders if "fixtures" in path]   # an opened object's icons may follow
    assert pictures == [], "entering the first room rendered its picture again"


def test_what_can_be_opened_from_a_room_is_drawn_in_idle_time(make_app, fixture_scenario, svg_renders):
    app, pilot = make_app(fixture_scenario, fast=False)
    start_game(pilot)
    assert any(isinstance(task, WarmUp) for task in app.idle_tasks)
    drain_idle_tasks(app)
    svg_renders.clear()
    tab_to(pilot, "obj:bord")
    pilot.press("return")
    assert pilot.screen.name == "object"
    pictures = [path for path, _ in svg_renders if "fixtures" in path]    # small icons may follow the new state
    assert pictures == [], "opening an object rendered a picture that idle time could have rendered"


def test_warm_up_leaves_text_input_as_the_screen_on_top_wants_it(make_app, fixture_scenario, monkeypatch):
    """A warm puzzle focuses its own answer field; the room on top has none, so text input ends off."""
    from escapebox.ui.screens.puzzles import puzzle_screen
    from escapebox.ui.warmup import draw_offscreen

    app, pilot = make_app(fixture_scenario, fast=False)
    start_game(pilot)
    calls = []
    monkeypatch.setattr(pygame.key, "start_text_input", lambda: calls.append("start"))
    monkeypatch.setattr(pygame.key, "stop_text_input", lambda: calls.append("stop"))
    draw_offscreen(app, lambda: puzzle_screen(app, "woord-slot"))
    assert "start" in calls, "the warm puzzle did not focus its field, so this test proves nothing"
    assert calls[-1] == "stop"
    assert pilot.screen.name == "room"


def test_warm_ups_are_skipped_when_fast_forwarding(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario, fast=True)
    start_game(pilot)
    assert not any(isinstance(task, WarmUp) for task in app.idle_tasks)


def test_idle_game_sleeps_a_frame_at_a_time_until_the_next_clock_second(make_app, fixture_scenario, monkeypatch):
    app, pilot = make_app(fixture_scenario, size=(1280, 720), fast=False)
    start_game(pilot)
    drain_idle_tasks(app)
    app.draw()
    assert not app.dirty
    timeout = app._idle_timeout()
    assert 10 <= timeout <= 1000
    naps = []
    sleep = app_module.time.sleep
    monkeypatch.setattr(app_module.time, "sleep", lambda s: (naps.append(s), sleep(s)))
    monkeypatch.setattr(pygame.event, "wait", lambda *a: pytest.fail("pygame.event.wait polls every millisecond"))
    draws = len(app.frame_times)
    app.frame(block=True)                       # sleeps until the clock ticks over
    assert naps, "the idle loop did not sleep"
    assert all(nap <= app_module.FRAME_MS / 1000 + 1e-9 for nap in naps), "a key press would wait longer than a frame"
    assert len(naps) <= timeout / app_module.FRAME_MS + 2, "the idle loop woke up more often than once a frame"
    assert len(app.frame_times) - draws <= 1


def test_a_key_press_ends_the_idle_sleep(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario, size=(1280, 720), fast=False)
    start_game(pilot)
    drain_idle_tasks(app)
    app.draw()
    # F1, not a letter: letter shortcuts are held for a moment after a screen comes on top (typing guard)
    for event in [pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F1, mod=0, unicode="", scancode=0)]:
        pygame.event.post(event)
    app.frame(block=True)
    assert pilot.screen.name == "help"


def test_a_game_nobody_touches_looks_for_input_a_third_as_often(make_app, fixture_scenario, monkeypatch):
    """After IDLE_AFTER_S without input, 20 wake-ups a second (a key still answered within 50 ms, under
    the ~100 ms a person notices); the next input brings the 60 Hz pace back."""
    app, pilot = make_app(fixture_scenario, size=(1280, 720), fast=False)
    start_game(pilot)
    drain_idle_tasks(app)
    naps = []
    sleep = app_module.time.sleep
    monkeypatch.setattr(app_module.time, "sleep", lambda s: (naps.append(s), sleep(s)))
    app._last_input -= app_module.IDLE_AFTER_S + 1            # nobody touched it for a while
    app._sleep_until_event(200)
    assert naps and max(naps) > app_module.FRAME_MS / 1000 + 1e-9
    assert all(nap <= app_module.IDLE_FRAME_MS / 1000 + 1e-9 for nap in naps)
    assert len(naps) <= 200 / app_module.IDLE_FRAME_MS + 2
    assert app_module.IDLE_FRAME_MS >= 50 > 1000 / 30 and max(naps) <= 0.1   # 20 Hz, and never slower than 100 ms
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(5, 5), rel=(1, 1), buttons=(0, 0, 0)))
    assert app._sleep_until_event(200)                          # the input ends the sleep at once
    naps.clear()
    app._sleep_until_event(100)
    assert naps and all(nap <= app_module.FRAME_MS / 1000 + 1e-9 for nap in naps)   # 60 Hz again


def test_garbage_is_collected_while_the_loop_would_sleep_not_inside_a_frame(make_app, fixture_scenario):
    """Thrown-away screens are cycles (some hold 8 MB scratch surfaces): left to Python's thresholds, a
    young collection of up to 8 ms and a full one of 26 ms came inside frames (docs/performance.md)."""
    import gc
    import weakref

    app, pilot = make_app(fixture_scenario, size=(1280, 720), fast=False)
    start_game(pilot)
    drain_idle_tasks(app)
    while app.run_idle_task():
        pass

    class Screenish:
        pass
    thrown = []
    for _ in range(app_module.GARBAGE_YOUNG):
        item = Screenish()
        item.me = item                      # a cycle: only the collector frees it
        thrown.append(weakref.ref(item))
    del item
    assert app.idle_work()                  # the loop will not sleep before this is collected
    before = [0]
    gc.callbacks.append(lambda phase, info: phase == "start" and before.__setitem__(0, info["generation"]))
    try:
        assert app.run_idle_task()
        assert before[0] == 1 and all(ref() is None for ref in thrown)
        assert not app.idle_work()
        for _ in range(app_module.GARBAGE_FULL_AFTER):
            gc.collect(1)
        [Screenish() for _ in range(app_module.GARBAGE_YOUNG)]
        cycle = [Screenish() for _ in range(app_module.GARBAGE_YOUNG)]
        for item in cycle:
            item.me = item
        del cycle
        assert app.run_idle_task() and before[0] == 2      # enough young collections: a full one, in idle time
    finally:
        gc.callbacks.pop()


@pytest.fixture
def warm_screens(monkeypatch):
    """Every screen the warm-up draws from now on."""
    from escapebox.ui import warmup
    screens = []
    draw = warmup.draw_offscreen

    def keeping(app, make_screen):
        draw(app, lambda: screens.append(make_screen()) or screens[-1])
    monkeypatch.setattr(warmup, "draw_offscreen", keeping)
    return screens


def looks(screen):
    """Where a screen put its widgets, with their badges: the layout its pictures are rendered for."""
    return [(w.key, tuple(w.rect), getattr(w, "badge", None)) for w in screen.focus.widgets]


def test_an_object_not_opened_yet_is_drawn_as_it_looks_once_opened(make_app, fixture_scenario, warm_screens):
    """Opening the prikbord finds the briefje: the warm-up draws the board with it (the clue's button and
    picture change the layout), from a copy of the session; the group's own game is not touched."""
    app, pilot = make_app(fixture_scenario, fast=False)
    game = start_game(pilot)
    events = list(game.session.state.events)
    drain_idle_tasks(app)
    assert game.session.state.events == events and "briefje" not in game.session.state.clues
    boards = [s for s in warm_screens if s.name == "object" and s.object_id == "bord"]
    assert boards, "the prikbord was not drawn in idle time"
    tab_to(pilot, "obj:bord")
    pilot.press("return")
    assert pilot.screen.name == "object" and "briefje" in game.session.state.clues
    assert looks(boards[-1]) == looks(pilot.screen)
    assert ("clue:briefje", ) == tuple(k for k, _, _ in looks(pilot.screen) if k.startswith("clue:"))


def test_the_object_a_solved_lock_opens_is_drawn_as_it_will_look_before_going_on(make_app, fixture_scenario,
                                                                                   warm_screens):
    """Back from the kastje's code (and its reflection) the room opens the kastje, with what the Inspect found:
    the warm-up draws that look (from an unsaved copy of the session) while the group reads "Gelukt!"."""
    from escapebox.core import events as E

    app, pilot = make_app(fixture_scenario, fast=False)
    game = start_game(pilot)
    drain_idle_tasks(app)
    tab_to(pilot, "obj:kastje")
    pilot.press("return")
    assert pilot.screen.name == "puzzle-code"
    pilot.press("1", "2", "3", "4", "return")
    assert pilot.screen.solved is not None
    events = list(game.session.state.events)
    for _ in range(100):                         # "Gelukt!" comes on (idle tasks wait for it), then the group reads
        if not pilot.screen.animating:
            break
        time.sleep(0.02)
        app.frame(block=False)
    drain_idle_tasks(app)
    assert game.session.state.events == events, "the warm-up applied a command to the group's game"
    assert app.game is game and "kaartje" not in game.session.state.clues
    objects = [s for s in warm_screens if s.name == "object" and s.object_id == "kastje"]
    assert objects, "the opened kastje was not drawn in idle time"
    pilot.press("return")                        # Verder: the reflection on this lock, then the kastje opened
    assert pilot.screen.name == "reflection-text"
    pilot.type("Eerst de hint lezen")
    tab_to(pilot, "confirm")
    pilot.press("return")
    assert pilot.screen.name == "object" and "kaartje" in game.session.state.clues
    assert any(isinstance(e, E.ObjectInspected) for e in game.session.state.events[len(events):])
    assert looks(objects[-1]) == looks(pilot.screen), "the warm-up drew another look than the group gets"
    assert any(key == "clue:kaartje" for key, _, _ in looks(pilot.screen))
