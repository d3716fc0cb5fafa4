"""The console names a spot puzzle's answer as a place in the picture, never as the author's [x, y, w, h]."""

from pathlib import Path

from escapebox.puzzles.spot import SpotPuzzle
from escapebox.scenario.loader import load_scenario
from escapebox.ui.facilitator.facts import puzzle_lines
from ui_helpers import start_game

SCENARIO = Path(__file__).resolve().parents[2] / "scenarios" / "hele-team-leert"


def test_the_console_says_where_the_spot_answer_is(make_app):
    app, pilot = make_app(load_scenario(SCENARIO))
    start_game(pilot)
    spots = [pid for pid, p in app.game.scenario.puzzles.items() if isinstance(p, SpotPuzzle)]
    assert spots
    for pid in spots:
        target = app.game.scenario.puzzles[pid].target
        solution = puzzle_lines(app, pid, show_solution=True)[1]
        assert "[" not in solution and "procent van links" in solution, solution
        assert f"{target.x:g} tot {target.x + target.w:g}" in solution, solution
