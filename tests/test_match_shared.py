"""A match where one answer fits several situations (issue #18: the municipality and UWV both help)."""

from escapebox.i18n import Translator
from escapebox.puzzles.match import MatchPuzzle, Pair
from escapebox.scenario.mistakes import describe_mistake

REGELS = "Helpt met regelingen"


def _puzzle(*pairs) -> MatchPuzzle:
    return MatchPuzzle(kind="match", title="Wie helpt?", question="Koppel.",
                       pairs=tuple(Pair(left=left, right=right) for left, right in pairs))


SHARED = _puzzle(("De gemeente", REGELS), ("Het UWV", REGELS), ("De school", "Geeft taalles"))


def test_an_answer_written_at_two_pairs_is_one_entry_that_opens_for_both():
    assert SHARED.rights == (REGELS, "Geeft taalles") and SHARED.shared
    assert SHARED.solution() == [0, 0, 1]
    assert SHARED.check([0, 0, 1]).correct
    wrong = SHARED.check([0, 1, 1])
    assert not wrong.correct and wrong.option == 2          # two of three pairs right
    assert not SHARED.check([0, 0]).correct and not SHARED.check([0, 0, 2]).correct
    assert not SHARED.check(None).correct and not SHARED.check(["0", 0, 1]).correct


def test_a_one_to_one_match_still_wants_every_answer_once():
    plain = _puzzle(("a", "1"), ("b", "2"))
    assert not plain.shared and plain.solution() == [0, 1]
    assert not plain.check([0, 0]).correct and plain.check([0, 1]).correct


def test_the_card_lists_the_shared_answer_once_and_says_it_may_fit_more():
    tr = Translator("nl")
    lines = SHARED.card_lines(tr, "s", "p")
    assert sum(REGELS in line for line in lines) == 1
    assert lines[-1] == "Let op: een antwoord rechts kan bij meer dan één situatie horen."
    assert "Let op" not in " ".join(_puzzle(("a", "1"), ("b", "2")).card_lines(tr, "s", "p"))


def test_the_debrief_names_only_the_wrong_pairs():
    tr = Translator("nl")
    assert SHARED.wrong_pairs([0, 1, 1]) == ["Het UWV – Geeft taalles"]
    assert describe_mistake(SHARED, [0, 1, 1], tr) == tr("report.mistake.pairs", count=1, of=3,
                                                          pairs="Het UWV – Geeft taalles")
    assert SHARED.describe_answer([1, 0, 1]) == f"De gemeente – Geeft taalles; Het UWV – {REGELS}; De school – Geeft taalles"


def test_lint_finds_an_ambiguous_left_a_near_twin_right_and_a_match_with_nothing_to_choose():
    codes = lambda puzzle: [(f.code, f.path, f.warning) for f in puzzle.lint()]  # noqa: E731
    assert codes(SHARED) == []
    assert codes(_puzzle(("De gemeente", REGELS), ("De gemeente", "Geeft taalles"))) == [
        ("validate.puzzle.match_left_twice", ("pairs", 1, "left"), False)]
    assert codes(_puzzle(("a", "1"), ("a", "1"), ("b", "2"))) == [("validate.puzzle.match_pair_twice", ("pairs", 1), False)]
    assert codes(_puzzle(("a", REGELS), ("b", "helpt  met regelingen"), ("c", "2"))) == [
        ("validate.puzzle.match_right_almost_same", ("pairs", 1, "right"), True)]
    assert codes(_puzzle(("a", REGELS), ("b", REGELS))) == [("validate.puzzle.match_one_right", ("pairs",), True)]
