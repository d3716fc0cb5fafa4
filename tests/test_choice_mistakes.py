"""A wrong multiple choice in the debrief: which options were ticked wrongly and which were missed (issue #17).

Before, the debrief wrote every ticked option in full, one after another, as one line that ran
onto "(vervolg)" on the projected debrief; the group could not see what was wrong with it.
"""

from pathlib import Path

from escapebox.i18n import Translator
from escapebox.puzzles.choice import ChoiceOption, ChoicePuzzle
from escapebox.scenario.loader import load_scenario
from escapebox.scenario.mistakes import OPTION_WORDS, describe_mistake

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"

LONG = "Een uitzondering op de rotatie: Samira blijft op De Vlinder tot het einde van haar opleiding"


def _puzzle(*options) -> ChoicePuzzle:
    return ChoicePuzzle(kind="choice", title="Wat past?", question="Kies ze allemaal.",
                        options=tuple(ChoiceOption(text=text, correct=right) for text, right in options))


SEVERAL = _puzzle(("Een flexibeler traject", True), ("De waarschuwingsbrief van Rob", False),
                  (LONG, True), ("In de team-app zetten", False))


def test_a_wrong_tick_and_a_missed_option_are_named_apart():
    tr = Translator("nl")
    said = describe_mistake(SEVERAL, [0, 1], tr)
    assert said == "onterecht gekozen: ‘De waarschuwingsbrief van Rob’; niet gekozen: ‘Een uitzondering op de rotatie: Samira …’"
    assert describe_mistake(SEVERAL, [0, 2, 3], tr) == "onterecht gekozen: ‘In de team-app zetten’"
    assert describe_mistake(SEVERAL, [0], tr) == "niet gekozen: ‘Een uitzondering op de rotatie: Samira …’"
    assert describe_mistake(SEVERAL, [0, 1], Translator("en")).startswith("chosen wrongly: ‘De waarschuwingsbrief")


def test_a_single_choice_and_a_broken_answer_stay_the_option_itself():
    tr = Translator("nl")
    single = _puzzle(("Ja", True), ("Nee", False))
    assert describe_mistake(single, [1], tr) == "Nee"
    assert describe_mistake(SEVERAL, [9], tr) == SEVERAL.describe_answer([9])


def test_every_bundled_wrong_tick_is_short():
    """Every wrong answer of one tick too many or one right option left out, in every bundled multiple choice."""
    tr, seen = Translator("nl"), 0
    for folder in sorted(p for p in SCENARIOS.iterdir() if p.is_dir()):
        for puzzle in load_scenario(folder).scenario.puzzles.values():
            if isinstance(puzzle, ChoicePuzzle) and puzzle.multiple:
                right = puzzle.correct_indices()
                for wrong in [right[1:]] + [sorted(right + [i]) for i in range(len(puzzle.options)) if i not in right]:
                    said = describe_mistake(puzzle, wrong, tr)
                    assert len(said) <= len("onterecht gekozen: ‘ …’") + OPTION_WORDS and said != puzzle.describe_answer(wrong), said
                    seen += 1
    assert seen >= 10
