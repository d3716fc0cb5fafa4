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
