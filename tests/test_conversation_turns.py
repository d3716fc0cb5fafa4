"""A conversation of several turns (``then`` on a dilemma option): format, rules, log and replay (issue #17)."""

import textwrap

import pytest

from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.core.clock import ManualClock
from escapebox.core.replay import checked_replay
from escapebox.core.session import GameSession
from escapebox.i18n import Translator
from escapebox.problems import EscapeboxError
from escapebox.scenario.loader import load_scenario_text
from escapebox.scenario.solver import solve

TALK = textwrap.dedent("""\
    format: 1
    id: gesprek
    title: Gesprek
    summary: Een gesprek van drie beurten.
    duration: 5
    start: kamer
    rooms:
      kamer:
        name: Kamer
        text: Sam zit aan tafel.
        objects:
          tafel:
            name: Tafel
            text: Het gesprek is gevoerd.
            locked_by: praten
    puzzles:
      praten:
        kind: dilemma
        title: Praten met Sam
        question: "Sam: 'Ik red het niet.' Wat zeggen jullie?"
        character: Sam
        leads_to: einde
        options:
          - id: vragen
            text: Wat lukt er niet?
            reply: Alles tegelijk. School, werk, thuis.
            feedback: Je vraagt door.
            then:
              question: Sam kijkt je aan.
              options:
                - text: Zullen we één ding kiezen?
                  reply: School dan.
                  feedback: Klein beginnen.
                  then:
                    options:
                      - text: Morgen om negen uur?
                        reply: Goed.
                        feedback: Een afspraak.
                      - text: Wanneer jij wilt.
                        reply: Volgende week.
                        feedback: Sam kiest zelf.
                - text: Dat komt wel goed.
                  reply: Dat zegt iedereen.
                  feedback: Geruststellen sluit het gesprek.
          - id: oplossen
            text: Ik regel het met je rooster.
            reply: Oh. Oké.
            feedback: Snel, maar wie houdt de regie?
        hints: [Er is geen fout antwoord.]
    endings:
      einde:
        title: Afgelopen
        text: Het gesprek is voorbij.
    """)


def talk():
    return load_scenario_text(TALK)


def test_every_path_through_the_talk_is_an_answer_and_half_a_talk_is_not():
    puzzle = talk().scenario.puzzles["praten"]
    assert puzzle.paths() == [[0, 0, 0], [0, 0, 1], [0, 1], [1]]
    assert puzzle.solutions() == puzzle.paths()
    for incomplete in ([0], [0, 0], [0, 2], [1, 0], [], [2], "0"):
        assert not puzzle.check(incomplete).correct, incomplete
    verdict = puzzle.check([0, 0, 1])
    assert verdict.correct and verdict.option == 0 and verdict.feedback == "Sam: 'Volgende week.'\n\nSam kiest zelf."
    assert puzzle.describe_answer([0, 1]) == "Wat lukt er niet? » Dat komt wel goed."
    assert puzzle.describe_answer([1]) == "Ik regel het met je rooster."


def test_the_log_holds_the_path_and_replays():
    loaded = talk()
    session = GameSession.start(loaded, ManualClock(), group="Groep")
    session.apply(C.Inspect("tafel"))
    assert [e.type for e in session.apply(C.TryAnswer("praten", [0, 0]))] == ["WrongAnswer"]   # not yet the end
    events = session.apply(C.TryAnswer("praten", [0, 0, 0]))
    [chosen] = [e for e in events if isinstance(e, E.DilemmaChosen)]
    assert chosen.option == 0 and chosen.path == (0, 0, 0)
    assert chosen.text == "Wat lukt er niet? » Zullen we één ding kiezen? » Morgen om negen uur?"
    assert session.state.choices == {"praten": 0} and session.state.ended
    assert E.event_from_dict(chosen.to_dict()).path == (0, 0, 0)
    replayed = checked_replay(loaded.index, list(session.state.events))
    assert replayed.choices == {"praten": 0} and replayed.ended


def test_a_one_turn_choice_logs_no_path():
    session = GameSession.start(talk(), ManualClock(), group="Groep")
    session.apply(C.Inspect("tafel"))
    [chosen] = [e for e in session.apply(C.TryAnswer("praten", [1])) if isinstance(e, E.DilemmaChosen)]
    assert chosen.path == () and chosen.text == "Ik regel het met je rooster."


def test_the_solver_plays_every_path_as_a_branch():
    solution = solve(talk().scenario)
    answers = sorted(step.detail for b in solution.branches for step in b.steps if step.kind == "answer")
    assert answers == [[0, 0, 0], [0, 0, 1], [0, 1], [1]] and all(b.ending == "einde" for b in solution.branches)


def test_what_a_later_turn_cannot_change_is_an_error_at_its_line():
    """Clues, rooms and ids belong to the first choice; a later line has only words."""
    line = next(line for line in TALK.splitlines(keepends=True) if "reply: Dat zegt iedereen." in line)
    indent = line[:len(line) - len(line.lstrip())]
    broken = TALK.replace(line, line + f"{indent}leads_to: einde\n")
    with pytest.raises(EscapeboxError) as caught:
        load_scenario_text(broken)
    assert "puzzles.praten.options[0].then.options[1].leads_to: onbekend veld 'leads_to'" in \
        caught.value.render(Translator("nl"))


def test_the_guides_conversation_example_is_a_clean_talk():
    """docs/authoring.md, "Een gesprek van meer beurten": the example loads and is checked without findings."""
    import re
    from pathlib import Path

    from escapebox.authoring.checks import all_problems

    doc = (Path(__file__).parents[1] / "docs" / "authoring.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(.*?)```", doc.split("<!-- voorbeeld: gesprek -->", 1)[1], re.DOTALL).group(1)
    puzzle = textwrap.indent(block, "  ").rstrip() + "\n    leads_to: einde\n"
    scenario = TALK.split("puzzles:\n")[0] + "puzzles:\n" + puzzle + "endings:" + TALK.split("endings:")[1]
    scenario = scenario.replace("locked_by: praten", "locked_by: gesprek")
    loaded = load_scenario_text(scenario)
    assert [p.code for p in all_problems(loaded)] == []
    assert loaded.scenario.puzzles["gesprek"].paths() == [[0, 0, 0], [0, 0, 1], [0, 1], [1]]


def test_the_report_shows_the_path_the_group_talked_along():
    from escapebox.debrief import build_debrief
    from escapebox.report.html import render_html
    from escapebox.report.markdown import render_markdown
    from escapebox.report.sources import ReportSession

    loaded = talk()
    session = GameSession.start(loaded, ManualClock(), group="Groep")
    session.apply(C.Inspect("tafel"))
    session.apply(C.TryAnswer("praten", [0, 0, 1]))
    d = build_debrief(loaded.scenario, session.state.events)
    [choice] = d.choices
    assert choice.later_lines == ("Zullen we één ding kiezen?", "Wanneer jij wilt.")
    assert choice.feedback == "Sam kiest zelf."             # where the talk ended
    tr = Translator("nl")
    sessions = [ReportSession("s1", "Groep", "store", loaded.scenario, d)]
    html = render_html(sessions, tr, "vandaag")
    said = "Sam: Alles tegelijk. School, werk, thuis. » jullie: Zullen we één ding kiezen? » Sam: School dan. » " \
           "jullie: Wanneer jij wilt. » Sam: Volgende week."
    assert f'Wat lukt er niet? ✔<span class="talk">» {said}</span></li>' in html   # one item: the ticked option
    assert f"Wat lukt er niet? » {said}" in render_markdown(sessions, tr, "vandaag")


def test_a_later_line_without_feedback_is_warned_about_at_its_line():
    from escapebox.scenario.validator import validate

    line = next(line for line in TALK.splitlines(keepends=True) if "feedback: Geruststellen sluit" in line)
    loaded = load_scenario_text(TALK.replace(line, ""))
    found = [p for p in validate(loaded) if p.code == "validate.puzzle.dilemma_option_no_feedback"]
    assert [p.path for p in found] == ["puzzles.praten.options[0].then.options[1]"]
    assert TALK.splitlines()[found[0].line - 1].strip() == "- text: Dat komt wel goed."      # at the line itself


def test_the_printed_card_has_every_turn_under_the_line_it_follows():
    puzzle = talk().scenario.puzzles["praten"]
    assert puzzle.card_lines(Translator("nl"), "gesprek", "praten") == [
        "1. Wat lukt er niet?",
        "   Sam: 'Alles tegelijk. School, werk, thuis.'",
        "   Sam kijkt je aan.",
        "   1.1. Zullen we één ding kiezen?",
        "      Sam: 'School dan.'",
        "      1.1.1. Morgen om negen uur?",
        "      1.1.2. Wanneer jij wilt.",
        "   1.2. Dat komt wel goed.",
        "2. Ik regel het met je rooster.",
    ]
