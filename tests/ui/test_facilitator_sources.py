"""The console shows the trainer notes and sources; the overlay on the group's screen only after "show answers"."""

from escapebox.scenario.loader import load_scenario
from escapebox.ui.facilitator import facts
from ui_helpers import SCENARIOS, start_game


def test_notes_and_sources_of_the_scenario_room_and_puzzle_show_with_the_solution_only(make_app):
    app, pilot = make_app(load_scenario(SCENARIOS / "voorbeeld-compleet"))
    start_game(pilot)
    scenario = app.game.scenario
    shown = facts.facts_text(app, "buddy", True)
    for note in (scenario.rooms["teampost"].trainer_notes, scenario.puzzles["buddy"].trainer_notes):
        assert note in shown
    assert " ".join(scenario.trainer_notes.split()) in " ".join(shown.split())
    assert f"Bron: {scenario.sources[0].title}" in shown and "Voor de trainer:" in shown
    hidden = facts.facts_text(app, "buddy", False)
    assert "Voor de trainer:" not in hidden and scenario.puzzles["buddy"].trainer_notes not in hidden
    other = facts.facts_text(app, "kluisje", True)      # another puzzle: not the buddy puzzle's note
    assert scenario.puzzles["buddy"].trainer_notes not in other
