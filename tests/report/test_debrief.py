"""The debrief's numbers for the scripted game in helpers.py, worked out by hand from its timetable."""

import pytest

from escapebox.core import commands as C
from escapebox.debrief import OTHER_GOAL, build_debrief

from tests.report.helpers import REFLECTION_GOAL, REFLECTION_OTHER, play_script, with_reflections


@pytest.fixture(scope="module")
def debrief():
    session = play_script()
    return build_debrief(session.scenario, session.state.events)


def test_time_used_available_paused_and_penalties(debrief):
    t = debrief.time
    assert t.available == 20 * 60 + 120          # the trainer added two minutes
    assert t.elapsed == 260 and t.paused == 240 and t.duration == 500
    assert t.penalties == 2 * 10 + 30            # two wrong answers, one hint the group asked for
    assert t.used == 310 and t.overtime == 0 and t.adjusted == 120


def test_hints_and_wrong_answers_per_puzzle_with_what_was_typed(debrief):
    kast = debrief.puzzle("kastcode")
    assert (kast.hints, kast.pushed_hints) == (1, 0)
    assert [(w.at, w.text, w.feedback) for w in kast.wrong] == [(50, "0421", "Bijna.")]
    assert [w.text for w in debrief.puzzle("eind").wrong] == ["z4"]
    assert debrief.hints == 2 and debrief.wrong_answers == 2


def test_time_per_puzzle_runs_from_first_sight_to_open_without_pauses(debrief):
    seconds = {p.id: p.seconds for p in debrief.puzzles}
    assert seconds["kastcode"] == 60      # kast inspected at 30, open at 90
    assert seconds["deurwoord"] == 130    # its door is in the start room: visible from 0
    assert seconds["keuze"] == 20         # tafel at 280, chosen at 300
    assert seconds["paren"] == 15 and seconds["eind"] == 30
    assert seconds["plek"] is None and debrief.puzzle("plek").status == "open"
    assert debrief.puzzle("kastcode").seen_at == 30 and debrief.puzzle("kastcode").opened_at == 90


def test_time_per_puzzle_leaves_out_a_pause_in_between():
    script = [(10, C.Inspect("kast")), (20, C.Pause()), (320, C.Resume()), (330, C.Inspect("prikbord")),
              (340, C.TryAnswer("kastcode", "0412"))]
    session = play_script(script=script)
    puzzle = build_debrief(session.scenario, session.state.events).puzzle("kastcode")
    assert puzzle.opened_at - puzzle.seen_at == 330 and puzzle.seconds == 30


def test_what_the_trainer_did(debrief):
    assert [p.id for p in debrief.skipped_puzzles] == ["volgorde"]
    assert [p.id for p in debrief.revealed_puzzles] == ["paren"]
    assert debrief.puzzle("volgorde").pushed_hints == 1 and debrief.puzzle("volgorde").helped
    assert debrief.puzzle("paren").status == "solved"


def test_path_choices_ending_and_group(debrief):
    assert [v.room for v in debrief.path] == ["hal", "kamer"]
    [choice] = debrief.choices
    assert (choice.puzzle, choice.option, choice.text, choice.feedback) == ("keuze", 0, "Blijven", "Je blijft.")
    assert choice.options == ("Blijven", "Naar de tuin")
    assert debrief.ending.id == "klaar" and debrief.ending.title == "Klaar"
    assert debrief.finished and debrief.end_reason == "escaped" and debrief.group == "Groep 1"


def test_reflections_grouped_by_goal_with_other_last(debrief):
    groups = [(g.goal, [(a.id, a.answer) for a in g.answers]) for g in debrief.by_goal]
    assert groups == [("zoeken", [("binnen", "4")]), ("kiezen", [("waarom_blijven", REFLECTION_GOAL)]),
                      (OTHER_GOAL, [("na_kast", REFLECTION_OTHER)])]
    assert debrief.reflection("binnen").scale.max == 5
    assert [r.id for r in debrief.skipped_reflections] == ["slot"]


def test_scenario_debrief_text_and_questions(debrief):
    assert debrief.debrief_text == "Bespreek." and debrief.questions == ("Wat ging goed?",)


def test_the_other_branch_goes_through_the_garden():
    session = play_script(script=with_reflections({}, choice=1))
    debrief = build_debrief(session.scenario, session.state.events)
    assert [v.room for v in debrief.path] == ["hal", "kamer", "tuin"]
    assert debrief.choices[0].text == "Naar de tuin" and debrief.ending.id == "buiten"


def test_overtime_and_time_up():
    session = play_script(script=[(1300, C.Inspect("prikbord"))])
    debrief = build_debrief(session.scenario, session.state.events)
    assert debrief.time.overtime == 100 and not debrief.finished
    assert any(e.type == "TimeUp" for e in debrief.events)


def test_a_game_still_going_counts_until_now():
    session = play_script(script=[(10, C.Inspect("prikbord"))])
    assert build_debrief(session.scenario, session.state.events, now=70).time.elapsed == 70


def test_events_the_scenario_no_longer_knows_are_left_out():
    from escapebox.core import events as E
    session = play_script(script=[(10, C.Inspect("prikbord"))])
    log = session.state.events + [E.ReflectionPrompted(at=20, reflection="bestaat_niet")]
    debrief = build_debrief(session.scenario, log)
    assert len(debrief.events) == len(session.state.events)
