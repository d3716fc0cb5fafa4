"""The first check of a file builds pydantic's validator for the puzzle kinds it names alone.

Building the union of every kind was about 40 % of building the validator, and the first
start of a new file waits for it (docs/performance.md).  What a trainer reads must not
change: a wrong field of a kind the file uses, an unknown kind and every golden broken
scenario give the same messages from the narrowed validator as from the whole one.
"""

from pathlib import Path

import pytest

from escapebox.i18n import Translator
from escapebox.problems import EscapeboxError
from escapebox import puzzles
from escapebox.puzzles import CodePuzzle, MatchPuzzle, WordPuzzle, kinds_named
from escapebox.scenario import checking
from escapebox.scenario.loader import load_scenario_text
from escapebox.scenario.model import Scenario
from escapebox.scenario.yamlsafe import parse_yaml

BROKEN = sorted((Path(__file__).parent / "golden" / "broken").glob("*.yaml"))

SCENARIO = """\
format: 1
id: smal
title: Smal
summary: Twee soorten.
duration: 10
start: hal
rooms:
  hal:
    name: Hal
    text: Een hal.
    objects:
      kast: {{name: Kast, text: Een kast., locked_by: kluis}}
endings:
  uit: {{title: Uit, text: Klaar.}}
puzzles:
  kluis: {{kind: code, title: Kluis, question: Code?, answer: '12', hints: [Kijk.], leads_to: uit{extra}}}
  woord: {{kind: {second}, title: Woord, question: Woord?, answer: open, hints: [Denk.]}}
"""


@pytest.fixture
def fresh(monkeypatch):
    """A process that has built no validator yet, as at a first start."""
    monkeypatch.setattr(checking, "_built", {})


def messages(raw: str | bytes, lang: str = "nl") -> list[str]:
    tr = Translator(lang)
    try:
        load_scenario_text(raw)
    except EscapeboxError as exc:
        return [p.render(tr) for p in exc.problems]
    return []


@pytest.fixture
def whole_messages(monkeypatch):
    """The messages the whole union gives, as before: the loader is told the file names no known kinds."""
    def read(raw: str | bytes, lang: str = "nl") -> list[str]:
        with monkeypatch.context() as patch:
            patch.setattr(puzzles, "kinds_named", lambda found: None)
            return messages(raw, lang)
    return read


def test_the_kinds_a_file_names_in_the_registry_order():
    assert kinds_named({"a": {"kind": "word"}, "b": {"kind": "code"}, "c": {"kind": "word"}}) == (CodePuzzle, WordPuzzle)
    assert kinds_named(None) == kinds_named({}) == (CodePuzzle,)   # no puzzles: some union of one, never used


@pytest.mark.parametrize("puzzles", [
    {"a": {"kind": "codee"}}, {"a": {"kind": "zoekplaat"}}, {"a": {"title": "zonder soort"}},
    {"a": {"kind": ["code"]}}, {"a": "code"}, ["code"],
])
def test_anything_but_registered_kinds_asks_for_the_whole_union(puzzles):
    assert kinds_named(puzzles) is None


def test_the_first_check_builds_only_the_named_kinds(fresh):
    load_scenario_text(SCENARIO.format(extra="", second="word"))
    [(held, _)] = checking._built[(Scenario, checking_registry())]
    assert held == {CodePuzzle, WordPuzzle}


def test_a_second_file_with_other_kinds_gets_the_whole_union_once(fresh):
    load_scenario_text(SCENARIO.format(extra="", second="word"))
    messages(SCENARIO.format(extra="", second="match"))
    messages(SCENARIO.format(extra=", answr: x", second="match"))
    held = [h for h, _ in checking._built[(Scenario, checking_registry())]]
    assert held == [{CodePuzzle, WordPuzzle}, None]
    assert MatchPuzzle not in held[0]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_wrong_field_of_a_used_kind_reads_the_same(fresh, whole_messages, lang):
    text = SCENARIO.format(extra=", answr: '12'", second="word")
    narrowed = messages(text, lang)
    assert narrowed == whole_messages(text, lang)
    assert any("answr" in line and "answer" in line for line in narrowed)   # "bedoelde je 'answer'?"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_kind_the_registry_does_not_know_is_refused_as_before(fresh, whole_messages, lang):
    text = SCENARIO.format(extra="", second="woordd")
    narrowed = messages(text, lang)
    assert narrowed == whole_messages(text, lang)
    assert any("woordd" in line and "word" in line for line in narrowed)


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_every_golden_broken_scenario_reads_the_same_from_a_narrowed_validator(fresh, whole_messages, path):
    text = path.read_bytes()
    try:
        data = parse_yaml(text, path.name).data
    except EscapeboxError:
        pytest.skip("a YAML mistake: never reaches pydantic")
    if not isinstance(data, dict) or kinds_named(data.get("puzzles")) is None:
        pytest.skip("names no registered kinds only: the whole union, as before")
    assert messages(text) == whole_messages(text)


def checking_registry():
    from escapebox.puzzles import kind_classes
    return kind_classes()
