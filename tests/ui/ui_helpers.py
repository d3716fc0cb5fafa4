"""Shared helpers for the UI tests (a module of its own, so no other conftest.py can shadow it)."""

from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "alle-soorten"
REPO = HERE.parents[1]
SCENARIOS = REPO / "scenarios"


def start_game(pilot, group="Groep 3"):
    """From the intro screen to the first room, by keyboard only."""
    pilot.press("return")            # Start (focused by default)
    pilot.type(group)
    pilot.press("return")
    return pilot.app.game


def focus_key(app):
    focused = app.stack.top.focus.focused
    return focused.key if focused else None


def tab_to(pilot, key, limit=60):
    """Press Tab until the widget with ``key`` has focus."""
    for _ in range(limit):
        if focus_key(pilot.app) == key:
            return
        pilot.press("tab")
    raise AssertionError(f"could not tab to {key}; focus on {focus_key(pilot.app)}")


def play_to_ending(app, pilot, branch=0):
    """Apply a branch's plan (answering reflections as they come) and show the ending screen."""
    from escapebox.core.autoplayer import branch_plan, reflection_answer
    game = app.game
    for planned in branch_plan(game.session, branch):
        while game.session.current_reflection():
            game.apply(reflection_answer(game.session, game.session.current_reflection()))
        game.apply(planned.command)
    while game.session.current_reflection():
        game.apply(reflection_answer(game.session, game.session.current_reflection()))
    game.route()
    pilot.run()
    assert app.stack.top.name == "ending", app.stack.top.name
    return app.stack.top
