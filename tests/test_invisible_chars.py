"""Invisible characters anywhere in a scenario: a warning at the exact spot, naming the character."""

from __future__ import annotations

from pathlib import Path

from escapebox.i18n import Translator
from escapebox.scenario.invisible import invisible_problems
from escapebox.scenario.loader import load_scenario
from escapebox.scenario.validator import validate

MINIMAL = (Path(__file__).parents[1] / "scenarios" / "minimaal" / "scenario.yaml").read_text(encoding="utf-8")


def _load(tmp_path, text: str):
    folder = tmp_path / "s"
    folder.mkdir(exist_ok=True)
    (folder / "scenario.yaml").write_text(text, encoding="utf-8")
    return load_scenario(folder)


def test_the_bundled_minimal_scenario_has_none(tmp_path):
    assert invisible_problems(_load(tmp_path, MINIMAL)) == []


def test_soft_hyphen_in_a_text_is_found_at_its_line_and_column(tmp_path):
    text = MINIMAL.replace("Tussen de roosters hangt", "Tussen de roos\u00adters hangt")
    line_no = next(n for n, line in enumerate(text.splitlines(), 1) if "\u00ad" in line)
    column = text.splitlines()[line_no - 1].index("\u00ad") + 1
    (problem,) = invisible_problems(_load(tmp_path, text))
    assert (problem.code, problem.line, problem.column) == ("validate.invisible_char", line_no, column)
    assert problem.path == "rooms.teampost.objects.prikbord.text"
    assert "zachte afbreekstreep (U+00AD)" in problem.render(Translator("nl"))
    assert "soft hyphen (U+00AD)" in problem.render(Translator("en"))
    assert problem in validate(_load(tmp_path, text))


def test_every_format_character_and_separator_is_named(tmp_path):
    chars = {"\u200b": "breedteloze spatie", "\u2060": "woordverbinder", "\ufeff": "BOM",
             "\u200e": "richtingsteken", "\u2028": "regelscheidingsteken", "\u2061": "onzichtbaar opmaakteken",
             "\u3164": "onzichtbaar opmaakteken"}
    for char, name in chars.items():
        text = MINIMAL.replace("title: Geel briefje", f'title: "Geel{char}briefje"')
        (problem,) = invisible_problems(_load(tmp_path, text))
        assert name in problem.render(Translator("nl")) and f"U+{ord(char):04X}" in problem.render(Translator("nl"))


def test_a_joiner_inside_an_emoji_and_a_no_break_space_in_a_text_are_fine(tmp_path):
    text = MINIMAL.replace("name: Prikbord", 'name: "Prikbord \U0001F469\u200d\u2695\ufe0f \U0001F3F4\U000E0067\U000E0062\U000E007F"')
    text = text.replace("Tussen de roosters", "Tussen de\u00a0roosters")
    assert invisible_problems(_load(tmp_path, text)) == []


def test_a_comment_is_not_text_of_the_scenario(tmp_path):
    text = MINIMAL.replace("# Het kleinste", "# Het klein\u00adste")
    assert invisible_problems(_load(tmp_path, text)) == []


def test_an_escaped_character_is_found_at_its_value(tmp_path):
    text = MINIMAL.replace('answer: "0412"', 'answer: "04\\u200b12"')
    (problem,) = invisible_problems(_load(tmp_path, text))
    assert problem.path == "puzzles.kastje.answer" and problem.line is not None


def test_a_no_break_space_in_a_file_name_is_named(tmp_path):
    text = MINIMAL.replace("icon: pushpin", 'icon: "push\u00a0pin"')
    problems = [p for p in invisible_problems(_load(tmp_path, text))]
    assert [p.code for p in problems] == ["validate.invisible_in_file_name"]
    assert "harde spatie (U+00A0)" in problems[0].render(Translator("nl"))


def test_one_warning_per_text_and_character_with_the_count(tmp_path):
    text = MINIMAL.replace("Tussen de roosters hangt een geel briefje.", "Tus\u00adsen de roos\u00adters hangt een geel brief\u00adje.")
    (problem,) = invisible_problems(_load(tmp_path, text))
    assert problem.params["count"] == 3
