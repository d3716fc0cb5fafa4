"""Authoring, round two (issue #18): counts in words, one summary format, `escapebox icons`,
and the places where the docs and the program must say the same thing.

The messages themselves (input YAML and exact text) are golden cases in tests/golden/broken.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from escapebox.authoring.wording import counted
from escapebox.cli import main
from escapebox.i18n import Translator
from escapebox.scenario.icons import shared_icon_list
from escapebox.scenario.schema_errors import DUTCH_KIND_NAMES

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "broken"
DOCS = ROOT / "docs" / "authoring.md"


# ----- counts and the summary line --------------------------------------------------------------


@pytest.mark.parametrize("lang, n, expected", [
    ("nl", 0, "0 waarschuwingen"), ("nl", 1, "1 waarschuwing"), ("nl", 2, "2 waarschuwingen"),
    ("en", 1, "1 warning"), ("en", 3, "3 warnings"),
])
def test_a_count_takes_the_form_of_its_number(lang, n, expected):
    assert counted(Translator(lang), "validate.count.warnings", n) == expected


def _validate(capsys, *args) -> tuple[int, str]:
    code = main(["validate", *args])
    said = capsys.readouterr()
    return code, said.out + said.err


def test_one_warning_is_one_waarschuwing(capsys, monkeypatch):
    monkeypatch.chdir(GOLDEN)
    code, said = _validate(capsys, "comment_in_text.yaml")
    assert code == 0
    assert said.splitlines()[-1] == "comment_in_text.yaml: in orde (0 fouten, 1 waarschuwing)."


def test_a_file_with_errors_has_the_same_summary_format(capsys, monkeypatch):
    monkeypatch.chdir(GOLDEN)
    code, said = _validate(capsys, "exit_to_ending.yaml")
    assert code == 1
    assert said.splitlines()[-1] == "exit_to_ending.yaml: niet in orde (2 fouten, 0 waarschuwingen)."


def test_the_summary_in_english(capsys, monkeypatch):
    monkeypatch.chdir(GOLDEN)
    code = main(["--lang", "en", "validate", "comment_in_text.yaml"])
    assert code == 0
    assert capsys.readouterr().out.splitlines()[-1] == "comment_in_text.yaml: OK (0 errors, 1 warning)."


PACKED = """format: 1
id: samenwerken
title: Oefening in samenwerken
summary: Een scenario voor de tests.
duration: 5
start: hal
rooms:
  hal:
    name: Hal
    text: Op de deur hangt een letterslot.
    objects:
      deur: {name: Deur, text: Open., locked_by: letterslot}
endings:
  uit: {title: Uit, text: Klaar.}
puzzles:
  letterslot:
    kind: word
    title: Het letterslot
    question: Welk woord zoeken jullie?
    answer: samenwerken
    hints: [Het staat op de poster.]
    leads_to: uit
"""


def test_the_pack_summary_counts_every_warning_it_printed(tmp_path, capsys):
    """The answer stands in the scenario's id and title: a check warning and the pack's own."""
    folder = tmp_path / "casus"
    folder.mkdir()
    (folder / "scenario.yaml").write_text(PACKED, encoding="utf-8")
    assert main(["pack", str(folder), "-o", str(tmp_path / "casus.escapebox")]) == 0
    said = capsys.readouterr()
    printed = [line for line in said.err.splitlines() if "waarschuwing:" in line or line.startswith("Let op:")]
    assert len(printed) == 2
    assert re.search(r"\(.*, 0 beeldbestanden, 2 waarschuwingen\)", said.out)


# ----- escapebox icons --------------------------------------------------------------------------


def test_icons_lists_every_icon_with_what_it_shows(capsys):
    assert main(["icons"]) == 0
    out = capsys.readouterr().out
    listed = [line.split()[0] for line in out.splitlines()[:-1]]
    assert listed == [icon.id for icon in shared_icon_list()] and len(listed) > 50
    assert re.search(r"^chart +bar chart \(whiteboard", out, re.M)


def test_icons_with_a_word_shows_only_the_icons_that_mention_it(capsys):
    assert main(["icons", "whiteboard"]) == 0
    assert [line.split()[0] for line in capsys.readouterr().out.splitlines()[:-1]] == ["chart"]
    assert main(["icons", "zeppelin"]) == 1
    assert "geen icoon met 'zeppelin'" in capsys.readouterr().out


def test_icons_html_shows_every_picture(tmp_path, capsys):
    page = tmp_path / "iconen.html"
    assert main(["icons", "--html", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    assert text.count("<figure>") == len(shared_icon_list())
    assert text.count('src="data:image/svg+xml;base64,') == len(shared_icon_list())
    assert "<code>icon: chart</code>" in text
    assert f"{len(shared_icon_list())} iconen" in capsys.readouterr().out


def test_the_unknown_icon_message_names_the_command_that_exists():
    tr = Translator("nl")
    assert "escapebox icons" in tr("validate.unknown_icon", icon="x", suggestion="")
    assert "assets/icons/index.yaml" not in tr("validate.unknown_icon", icon="x", suggestion="")


# ----- docs and program agree -------------------------------------------------------------------


def test_every_dutch_kind_name_in_the_docs_is_understood():
    """``### 4.17 `spot` — zoekplaat``: ``kind: zoekplaat`` gets "Bedoelde je 'spot'?"."""
    headings = re.findall(r"^### 4\.\d+ `(\w+)` — (.+)$", DOCS.read_text(encoding="utf-8"), re.M)
    assert len(headings) >= 9
    for kind, name in headings:
        assert DUTCH_KIND_NAMES.get(name.strip().lower()) == kind, name
