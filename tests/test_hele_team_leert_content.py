"""Content findings of the hand play-through of hele-team-leert (issue #17, docs/playtest.md).

What a group reads there was checked by playing; these tests keep the fixed wording from coming back.
"""

from pathlib import Path

import pytest

from escapebox.scenario.loader import load_scenario

SCENARIO = Path(__file__).resolve().parents[1] / "scenarios" / "hele-team-leert"


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(SCENARIO).scenario


def test_wrong_feedback_does_not_repeat_the_screens_own_not_yet(scenario):
    # the puzzle screen writes "Nog niet goed." before the author's text (ui.toml `wrong`): the group
    # read "Nog niet goed. Nog niet alles klopt." on the planbord and "Nog niet goed. Dat is het niet."
    repeats = {pid: p.wrong_feedback for pid, p in scenario.puzzles.items()
               if p.wrong_feedback and p.wrong_feedback.startswith(("Nog niet", "Dat is het niet"))}
    assert repeats == {}


def test_dilemma_options_to_dewi_have_no_quote_inside_the_quote(scenario):
    # the conversation, the ending and the debrief put the chosen line between quotes; a quote inside it
    # showed as "...zo?'" + "'" on the beamer, and option 2 talked about Dewi to Dewi
    options = scenario.puzzles["p_kees"].options
    assert [o.id for o in options if "'" in o.text] == []
    assert all("Dewi" not in o.text for o in options)


def test_the_school_visit_comes_before_the_one_oclock_team_meeting(scenario):
    # the team meeting is at 13.00 and the group goes to school before it: "praktijkmiddag" and
    # "vanmiddag naar de praktijkmiddag" put the school visit after the meeting
    texts = [scenario.rooms["leerplein"].text, scenario.puzzles["p_buddy"].solved_text]
    assert [t for t in texts if "middag" in t] == []
