"""Choices with consequences: ending variants, after_choice texts and only_after objects.

One small scenario in which a dilemma's two options lead through the same
final lock to the same ending, told differently; the game, the solver, the
auto-player and the validator must agree on what each branch shows.
"""

import textwrap

import pytest

from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.core.autoplayer import autoplay
from escapebox.core.clock import ManualClock
from escapebox.core.session import GameSession
from escapebox.paths import bundled_scenarios_dir
from escapebox.scenario.loader import load_scenario, load_scenario_text
from escapebox.scenario.solver import solve
from escapebox.scenario.branches import branch_findings

SCENARIO = textwrap.dedent("""\
    format: 1
    id: keuzes
    title: Keuzes
    summary: Een keuze met gevolgen.
    duration: 5
    start: kamer
    rooms:
      kamer:
        name: Kamer
        text: Je staat in de kamer.
        after_choice:
          praten: Je hebt gekozen om te praten.
        objects:
          briefje:
            name: Briefje
            text: Er staat niets bijzonders op.
            after_choice:
              wachten: Op de achterkant staat nu een code.
          brief:
            name: Brief van de student
            text: De student schreef je terug.
            only_after: praten
          gesprek:
            name: Gesprek
            text: Het gesprek is gevoerd.
            locked_by: keuze
          kastje:
            name: Kastje
            text: Het kastje is open.
            locked_by: slot
    puzzles:
      keuze:
        kind: dilemma
        title: Wat doe je?
        question: Praten of wachten?
        options:
          - id: praten
            text: Nu praten
            feedback: Je gaat het gesprek aan.
          - id: wachten
            text: Eerst wachten
            feedback: Je wacht nog even.
        hints: [Er is geen fout antwoord.]
      slot:
        kind: code
        title: Het slot
        question: Welke code?
        answer: "12"
        hints: [Twaalf.]
        leads_to: einde
    endings:
      einde:
        title: Afgelopen
        text: Het gewone einde.
        variants:
          praten:
            title: Het gesprek
            text: De student voelt zich gehoord.
          wachten:
            text: De student wacht nog op jullie.
    """)


def load(text=SCENARIO):
    return load_scenario_text(text)


def session_for(loaded):
    return GameSession.start(loaded, ManualClock(), group="Groep")


def choose(session, option):
    events = session.apply(C.TryAnswer("keuze", [option]))
    assert any(isinstance(e, E.DilemmaChosen) for e in events), events


def test_the_ending_variant_follows_the_choice():
    loaded = load()
    for option, title, text in ((0, "Het gesprek", "De student voelt zich gehoord."),
                                (1, "Afgelopen", "De student wacht nog op jullie.")):
        session = session_for(loaded)
        choose(session, option)
        session.apply(C.TryAnswer("slot", "12"))
        shown = session.shown_ending()
        assert (shown.ending, shown.title, shown.text) == ("einde", title, text)


def test_without_a_choice_the_default_text_is_shown():
    session = session_for(load())
    session.apply(C.TryAnswer("slot", "12"))
    shown = session.shown_ending()
    assert (shown.variant, shown.text) == (None, "Het gewone einde.")


def test_texts_change_after_a_choice_and_objects_appear():
    session = session_for(load())
    assert session.objects() == ["briefje", "gesprek", "kastje"]
    assert session.room_text() == "Je staat in de kamer."
    refused = session.apply(C.Inspect("brief"))
    assert isinstance(refused[0], E.CommandRefused) and refused[0].reason == "rules.not_here"
    choose(session, 0)
    assert session.objects() == ["briefje", "brief", "gesprek", "kastje"]
    assert session.room_text() == "Je hebt gekozen om te praten."
    assert session.object_view("briefje")["text"] == "Er staat niets bijzonders op."
    assert not isinstance(session.apply(C.Inspect("brief"))[0], E.CommandRefused)


def test_the_other_choice_changes_the_object_text_not_the_room():
    session = session_for(load())
    choose(session, 1)
    assert session.room_text() == "Je staat in de kamer."
    assert session.object_view("briefje")["text"] == "Op de achterkant staat nu een code."
    assert "brief" not in session.objects()


def test_the_autoplayer_names_the_variant_of_each_branch():
    loaded = load()
    solution = solve(loaded.scenario)
    labels = set()
    for number in range(len(solution.branches)):
        result = autoplay(session_for(loaded), number)
        assert result.finished and result.refused == []
        labels.add(result.label)
    assert labels == {"ending 'einde' (variant 'praten')", "ending 'einde' (variant 'wachten')"}


def test_the_solver_inspects_an_only_after_object_on_its_branch_only():
    loaded = load()
    seen = {tuple(b.choices): b.objects for b in solve(loaded.scenario).branches}
    assert "brief" in seen[(("keuze", 0),)] and "brief" not in seen[(("keuze", 1),)]


def codes(text):
    """The branch checks' findings, as the validator reports them (its hook: ``branch_findings``)."""
    scenario = load(text).scenario
    return [(code, "WARNING" if warning else "ERROR") for code, _, _, warning in branch_findings(scenario, solve(scenario))]


def test_a_valid_scenario_has_no_branch_messages():
    assert codes(SCENARIO) == []


@pytest.mark.parametrize("old, new, expected", [
    ("  praten:\n        title", "  praaten:\n        title", ("validate.branch.unknown_option", "ERROR")),
    ("only_after: praten", "only_after: praat", ("validate.branch.unknown_option", "ERROR")),
    ("- id: wachten", "- id: praten", ("validate.branch.duplicate_option", "ERROR")),
    ("  wachten:\n        text: De student wacht",
     "  praten+wachten:\n        text: De student wacht", ("validate.branch.variant_unreached", "WARNING")),
])
def test_branch_mistakes_are_named(old, new, expected):
    assert old in SCENARIO
    assert expected in codes(SCENARIO.replace(old, new))


def test_a_branch_without_its_variant_is_warned_about():
    text = SCENARIO.replace("      wachten:\n        text: De student wacht nog op jullie.\n", "")
    assert text != SCENARIO
    assert codes(text) == [("validate.branch.default_shown", "WARNING")]


CASES = ("student-met-rugzak", "zij-instromer", "hele-team-leert", "voorbeeld-compleet")


@pytest.mark.parametrize("name", CASES)
def test_every_branch_of_a_bundled_case_ends_in_its_own_variant(name):
    loaded = load_scenario(bundled_scenarios_dir() / name)
    solution = solve(loaded.scenario)
    labels = {}
    for number, branch in enumerate(solution.branches):
        result = autoplay(session_for(loaded), number)
        assert result.finished and result.refused == [], (number, result.refused)
        # a conversation's later turns are talk: branches that differ only there share a choice
        labels.setdefault(tuple(branch.choices), set()).add(result.label)
    assert all(len(found) == 1 for found in labels.values()), labels
    labels = [found.pop() for found in labels.values()]
    # voorbeeld-compleet: one option leads to its own ending, which has no variants
    with_variant = [label for label in labels if "(variant '" in label]
    assert len(with_variant) >= len(labels) - (name == "voorbeeld-compleet")
    assert len(set(labels)) == len(labels), labels


@pytest.mark.parametrize("name", CASES[:3])
def test_the_climax_of_each_case_answers_every_choice_in_the_characters_words(name):
    """After the dilemma, an object of the last rooms speaks differently for every option (``after_choice``)."""
    scenario = load_scenario(bundled_scenarios_dir() / name).scenario
    dilemma = next(p for p in scenario.puzzles.values() if p.always_opens)
    speaking = [obj for _, obj in scenario.objects().values() if obj.after_choice]
    assert speaking, name
    assert any(set(obj.after_choice) == {o.id for o in dilemma.options} for obj in speaking), name
    assert all("'" in text for obj in speaking for text in obj.after_choice.values())   # somebody speaks


@pytest.mark.parametrize("name, character", [("student-met-rugzak", "Samira"), ("zij-instromer", "Karin"),
                                             ("hele-team-leert", "Dewi")])
def test_each_cases_key_conversation_lets_the_character_answer_every_choice(name, character):
    """A dilemma with a ``character`` is a conversation: the chosen option's ``reply`` comes first, then the feedback."""
    loaded = load_scenario(bundled_scenarios_dir() / name)
    dilemma = next(p for p in loaded.scenario.puzzles.values() if p.always_opens)
    assert dilemma.character == character
    for path in dilemma.paths():          # every line the talk can end on: the character answers it
        last = dilemma.path_lines(path)[-1]
        verdict = dilemma.check(path)
        assert verdict.correct and verdict.feedback == f"{character}: '{last.reply}'\n\n{last.feedback}"
        assert not dilemma.check(path[:-1]).correct if len(path) > 1 else True    # half a talk is no answer
