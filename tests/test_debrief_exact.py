"""The debrief tells the truth: a dilemma is chosen (not solved), the ending is the variant read.

The scripted game of tests/report/helpers.py chooses "Blijven" at the dilemma ``keuze``.
"""

from escapebox.core import commands as C
from escapebox.core.clock import ManualClock
from escapebox.core.session import GameSession
from escapebox.debrief import build_debrief
from escapebox.i18n import Translator
from escapebox.report import parts
from tests.report.helpers import play_script
from tests.test_consequences import load


def test_a_dilemma_is_chosen_not_solved():
    debrief = build_debrief(play_script().scenario, play_script().state.events)
    assert debrief.puzzle("keuze").status == "chosen"
    assert debrief.puzzle("kastcode").status == "solved"


def test_the_report_tags_a_choice_as_chosen_in_its_own_style():
    debrief = build_debrief(play_script().scenario, play_script().state.events)
    for lang, word in (("nl", "gekozen"), ("en", "chosen")):
        tags = parts.status_tags(debrief.puzzle("keuze"), Translator(lang))
        assert tags[0] == (word, "chosen")


def test_the_debrief_names_the_variant_the_group_read():
    loaded = load()
    session = GameSession.start(loaded, ManualClock(), group="Groep")
    session.apply(C.TryAnswer("keuze", [1]))
    session.apply(C.TryAnswer("slot", "12"))
    ending = build_debrief(loaded.scenario, session.state.events).ending
    assert (ending.id, ending.variant, ending.title, ending.text) == (
        "einde", "wachten", "Afgelopen", "De student wacht nog op jullie.")


KINDS = """\
format: 1
id: fouten
title: Fouten
summary: Drie soorten fouten.
duration: 5
timer: {minutes: 10, wrong_penalty: 20, hint_penalty: 0}
goals:
  kijken: Je kijkt goed.
  praten: Je praat erover.
start: kamer
rooms:
  kamer:
    name: Kamer
    text: Hier.
    objects:
      a: {name: A, text: a, locked_by: paren}
      b: {name: B, text: b, locked_by: stappen}
      c: {name: C, text: c, locked_by: plek}
puzzles:
  paren:
    kind: match
    title: Paren
    question: Koppel.
    pairs:
      - {left: Rood, right: Stop}
      - {left: Groen, right: Rijden}
      - {left: Oranje, right: Opletten}
    hints: [Kleuren.]
  stappen:
    kind: order
    title: Stappen
    question: Volgorde?
    steps: [Plek kiezen, Vertellen, Luisteren, Afspreken]
    hints: [Eerst de plek.]
  plek:
    kind: spot
    title: Plek
    question: Waar?
    image: plaatje.svg
    target: [0, 0, 20, 20]
    decoys:
      - area: [50, 50, 20, 20]
        feedback: Dit is de kapstok. Kijk nog eens naar de tafel.
    hints: [Linksboven.]
    leads_to: klaar
reflections:
  mee:
    kind: text
    prompt: Wat neem je mee?
    after: paren
    goals: [kijken, praten]
  alleen:
    kind: text
    prompt: Wat zag je?
    after: stappen
    goals: [kijken]
endings:
  klaar: {title: Klaar, text: Klaar.}
"""


def kinds_session():
    from escapebox.scenario.loader import load_scenario_text
    return GameSession.start(load_scenario_text(KINDS), ManualClock(), group="Groep")


def wrong_texts(session, puzzle):
    return [w.text for w in build_debrief(session.scenario, session.state.events).puzzle(puzzle).wrong]


def test_a_wrong_match_names_only_the_wrong_pairs():
    session = kinds_session()
    session.apply(C.TryAnswer("paren", [0, 2, 1]))
    assert wrong_texts(session, "paren") == ["2 van de 3 paren verkeerd: Groen – Opletten; Oranje – Rijden"]


def test_a_wrong_order_names_the_steps_out_of_place():
    session = kinds_session()
    session.apply(C.TryAnswer("stappen", [0, 2, 1, 3]))
    assert wrong_texts(session, "stappen") == [
        "niet op hun plek: ‘Luisteren’ op plek 2 (hoort op 3); ‘Vertellen’ op plek 3 (hoort op 2)"]


def test_a_wrong_spot_is_beside_the_target_or_on_a_decoy_never_coordinates():
    session = kinds_session()
    session.apply(C.TryAnswer("plek", [90.0, 90.0]))
    session.apply(C.TryAnswer("plek", [55.0, 55.0]))
    assert wrong_texts(session, "plek") == ["naast het doel", "op een afleider: ‘Dit is de kapstok’"]


def test_the_same_wrong_answer_twice_in_a_row_is_one_attempt_with_one_penalty():
    session = kinds_session()
    for answer in ([90.0, 90.0], [90.0, 90.0], [55.0, 55.0], [90.0, 90.0]):   # click + Enter, then two more
        session.apply(C.TryAnswer("plek", answer))
    assert len(wrong_texts(session, "plek")) == 3
    assert session.state.penalties == 3 * 20
    assert len(session.state.wrong["plek"]) == 3


def test_a_reflection_with_two_goals_appears_once_under_both():
    session = kinds_session()
    session.apply(C.TryAnswer("paren", [0, 1, 2]))
    session.apply(C.AnswerReflection("mee", "Goed kijken."))
    session.apply(C.TryAnswer("stappen", [0, 1, 2, 3]))
    session.apply(C.AnswerReflection("alleen", "De tafel."))
    groups = build_debrief(session.scenario, session.state.events).by_goal
    assert [(g.goals, [a.id for a in g.answers]) for g in groups] == [
        (("kijken",), ["alleen"]), (("kijken", "praten"), ["mee"])]
    assert groups[1].texts == ("Je kijkt goed.", "Je praat erover.")


def test_no_bundled_feedback_repeats_the_screens_own_not_yet():
    """The puzzle screen says "Nog niet goed." before every wrong feedback (ui.puzzle.wrong)."""
    from escapebox.paths import bundled_scenario_dirs
    from escapebox.scenario.loader import load_scenario
    prefix = Translator("nl")("ui.puzzle.wrong", feedback="").strip()
    for folder in bundled_scenario_dirs():
        if not (folder / "scenario.yaml").is_file():
            continue
        for pid, puzzle in load_scenario(folder).scenario.puzzles.items():
            texts = [puzzle.wrong_feedback or ""] + list(getattr(puzzle, "near_misses", {}).values())
            assert not [t for t in texts if t.startswith(prefix)], (folder.name, pid)
