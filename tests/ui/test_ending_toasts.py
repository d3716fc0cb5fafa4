"""The ending starts clean: messages from the last moves of the game do not cover its first lines."""
from __future__ import annotations

from escapebox.core.autoplayer import branch_plan, reflection_answer
from ui_helpers import start_game


def test_messages_of_the_game_in_progress_go_when_the_ending_comes(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario, size=(1280, 720))
    start_game(pilot)
    game, session = app.game, app.game.session
    plan = list(branch_plan(session, 0))
    for planned in plan[:-1]:
        while session.current_reflection():
            game.apply(reflection_answer(session, session.current_reflection()))
        game.apply(planned.command)
    app.toast("Nieuwe aanwijzing: Opdracht 3", seconds=60)
    game.apply(plan[-1].command)
    while session.current_reflection():
        game.apply(reflection_answer(session, session.current_reflection()))
    game.route()
    pilot.run()
    assert session.state.ended
    assert pilot.screen.name in ("ending", "debrief")
    assert app.toasts == []
