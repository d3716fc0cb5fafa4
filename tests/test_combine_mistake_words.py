"""A wrong combination is told in the debrief by the items' names, as the group saw them."""
from __future__ import annotations

from pathlib import Path

from escapebox.core import events as E
from escapebox.debrief import build_debrief
from escapebox.scenario.loader import load_scenario

ALLES = Path(__file__).resolve().parent / "fixtures" / "alles"


def test_a_wrong_combination_names_the_items():
    scenario = load_scenario(ALLES).scenario
    log = [E.SessionStarted(scenario=scenario.id, room=scenario.start),
           E.WrongAnswer(at=5, puzzle="samen", answer=["sleutel", "uvlamp"], shown="sleutel + uvlamp")]
    samen = next(p for p in build_debrief(scenario, log).puzzles if p.id == "samen")
    # the ids (sleutel, uvlamp) are the author's; the group picked "Sleutel" and "UV-lamp"
    assert [w.text for w in samen.wrong] == ["Sleutel + UV-lamp"]
