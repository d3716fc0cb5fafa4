"""What the game tells after a conversation does not contradict what the group said in it (issue #17).

An ending's ``variants`` and a climax's ``after_choice`` follow the option of the conversation's
first turn only; the later turns "only have words" (docs/authoring.md, "Een gesprek van meer
beurten"). So a variant has to be true for every later line under its option. Found when the cases
were played by hand: after "geheim » Dan is het tijd om het Hanneke samen te vertellen" the ending
asked how long the group would keep up a secret that had just been given an end date.

For every conversation path the solver plays in a bundled case, the ending it reaches and the
climax texts of that choice must not say any phrase listed below for that path. The table is written
from reading every path (``escapebox play S --autoplay --branch N``); each phrase says why it
contradicts.
"""

from dataclasses import dataclass

import pytest

from escapebox.paths import bundled_scenarios_dir
from escapebox.scenario.branches import chosen_ids, object_text, shown_ending
from escapebox.scenario.loader import load_scenario
from escapebox.scenario.solver import solve


@dataclass(frozen=True)
class Clash:
    option: str                 # the id of the first turn's option
    later: str | None           # words of a later line on the path; None: every path under the option
    phrase: str                 # what the ending or the climax must not say after that path
    why: str


CLASHES = {
    "student-met-rugzak": [
        Clash("geheim", "Hanneke samen te vertellen", "hoe lang houden jullie dit vol",
              "the group and Samira set a date to tell Hanneke together: the secret has an end"),
        Clash("geheim", "Hanneke samen te vertellen", "dragen nu samen met haar een geheim",
              "an open-ended secret, while Samira just agreed to tell Hanneke before the end of the month"),
        Clash("open", "Jij vertelt het, wij zitten ernaast", "Mag ik er dan bij zijn?",
              "the group already asked Samira to tell Hanneke herself, with them beside her"),
        Clash("open", "Jij vertelt het, wij zitten ernaast", "boos bijna",
              "her answer to that line is calm: she writes down what she wants to say"),
        Clash("open", "Hanneke vandaag nog zelf", "met z'n drieën bij Hanneke",
              "the group said it tells Hanneke itself, so Samira is not there"),
        Clash("open", "Hanneke vandaag nog zelf", "Alleen durf ik het niet",
              "Samira is not the one who tells Hanneke on this path: the group is"),
        Clash("open", "Hanneke vandaag nog zelf", "Gaan jullie mee naar Hanneke",
              "the group goes to Hanneke without Samira on this path"),
    ],
    "zij-instromer": [
        Clash("extra-ja", "Ik kijk elke week", "elke twee weken",
              "the group itself promised Karin to look at Marco's homework every week"),
        Clash("extra-ja", "Dat doet school", "Petra spreekt af dat jullie",
              "the group told Karin that school watches the homework, not the workplace"),
        Clash("extra-nee", "Kun jij het hem zeggen?", "Als jullie uitleggen waarom",
              "the group asked Karin to tell Marco; the ending had the group explain it"),
        Clash("extra-nee", "Ja, vandaag nog", "Karin belt Marco",
              "the group promised Karin to tell Marco itself, today"),
    ],
    "hele-team-leert": [
        Clash("kees-zelf", None, "gesprek van gisteren",
              "the group talks to Kees 'vandaag nog', the Tuesday of the 13.00 meeting, not yesterday"),
        Clash("kees-zelf", None, "vanochtend liet hij mevrouw Van Dam zelf",
              "this morning is when Kees took the pen over, which the conversation is about"),
        Clash("kees-team", "Vertel wat je zag", "Drie collega's geven een voorbeeld",
              "Dewi was asked to tell what she saw; the ending had only three colleagues speak"),
    ],
}


def conversation_paths(name):
    """(lines said, texts shown after the talk) for every branch the solver plays in a bundled case."""
    scenario = load_scenario(bundled_scenarios_dir() / name).scenario
    talk = next(pid for pid, p in scenario.puzzles.items() if p.kind == "dilemma" and p.character)
    puzzle = scenario.puzzles[talk]
    speaking = [obj for _, obj in scenario.objects().values() if obj.after_choice]
    for branch in solve(scenario).branches:
        path = next(step.detail for step in branch.steps if step.target == talk and step.kind == "answer")
        chosen = chosen_ids(scenario, branch.choices)
        shown = [shown_ending(scenario, branch.ending, branch.choices).text]
        shown += [object_text(obj, chosen) for obj in speaking]
        yield puzzle.path_lines(path), " ".join(" ".join(text.split()) for text in shown)


def applies(clash, lines):
    return lines[0].id == clash.option and (clash.later is None
                                            or any(clash.later in line.text for line in lines[1:]))


@pytest.mark.parametrize("name", sorted(CLASHES))
def test_the_ending_of_every_conversation_path_is_true_for_what_the_group_said(name):
    paths = list(conversation_paths(name))
    # a phrase whose path no longer exists (an option renamed, a line rewritten) would test nothing
    assert [c for c in CLASHES[name] if not any(applies(c, lines) for lines, _ in paths)] == []
    found = [(" » ".join(line.text for line in lines), clash.phrase, clash.why)
             for lines, shown in paths for clash in CLASHES[name]
             if applies(clash, lines) and clash.phrase in shown]
    assert found == []
