"""Authoring, round two (issue #18): counts in words, one summary format, `escapebox icons`,
and the places where the docs and the program must say the same thing.

The messages themselves (input YAML and exact text) are golden cases in tests/golden/broken.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml

from escapebox.authoring.wording import counted
from escapebox.cli import main
from escapebox.i18n import LOCALES, Translator
from escapebox.problems import EscapeboxError
from escapebox.scenario.loader import load_scenario_text
from escapebox.scenario.schema import scenario_json_schema
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
    """The answer stands in the scenario's id and title: said once, at the answer, and counted once."""
    folder = tmp_path / "casus"
    folder.mkdir()
    (folder / "scenario.yaml").write_text(PACKED, encoding="utf-8")
    assert main(["pack", str(folder), "-o", str(tmp_path / "casus.escapebox")]) == 0
    said = capsys.readouterr()
    printed = [line for line in said.err.splitlines() if "waarschuwing:" in line or line.startswith("Let op:")]
    assert len(printed) == 1 and re.match(r".*scenario\.yaml:\d+:\d+: waarschuwing:", printed[0])
    assert re.search(r"\(.*, 0 beeldbestanden, 1 waarschuwing\)", said.out)


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


# ----- the editor schema: descriptions, yes/no, codes, and the docs' list of false underlines ------

EDITOR_SETUP = ROOT / "docs" / "editor-setup.md"
MODEL_MARKER = re.compile(r"<!--\s*model:\s*(\w+)\s*-->")
FIELD_ROW = re.compile(r"^\|\s*`(\w+)`\s*\|\s*([^|]*?)\s*\|\s*(.*?)\s*\|\s*$")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def _parts(schema: dict):
    """Every object of the schema with properties: each part, and each shape of a part (an area's x, y, w, h)."""
    for name, part in [("Scenario", schema), *schema["$defs"].items()]:
        for holder in [part, *part.get("anyOf", [])]:
            if "properties" in holder:
                yield name, holder


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_field_in_the_editor_schema_has_a_description_and_an_example(lang):
    schema = scenario_json_schema(lang)
    bare = [(name, key) for name, part in _parts(schema) for key, prop in (part.get("properties") or {}).items()
            if not prop.get("description") or not prop.get("examples") or "title" in prop]
    assert not bare, f"add these to escapebox/locales/{lang}/schema_doc.toml ([field.X] and [example.X]): {bare}"
    assert schema["$defs"]["CodePuzzle"]["title"] == ("Cijferslot (code)" if lang == "nl" else "Number lock (code)")
    area = [shape["description"] for shape in schema["$defs"]["Area"]["anyOf"]]
    assert all(("procent" in text) == (lang == "nl") for text in area), area


def _doc_tables() -> dict[str, dict[str, str]]:
    """Each model's field table in docs/authoring.md, as the schema says it: "Verplicht. Wat het doet"."""
    found: dict[str, dict[str, str]] = {}
    model = None
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        marker = MODEL_MARKER.search(line)
        if marker:
            model = marker.group(1)
            found[model] = {}
        elif line.startswith("#") and not line.startswith("####"):
            model = None
        elif model and (row := FIELD_ROW.match(line.replace("\\|", "\0"))):
            need, what = (LINK.sub(r"\1", part).replace("\0", "|").strip() for part in row.group(2, 3))
            found[model][row.group(1)] = f"{need[0].upper()}{need[1:]}. {what}"
    return found


def test_the_dutch_field_texts_are_the_tables_of_the_guide():
    """Change a field's row in docs/authoring.md and the editor's hover says the same (copy it to the catalogue)."""
    shipped = tomllib.loads((LOCALES / "nl" / "schema_doc.toml").read_text(encoding="utf-8"))["field"]
    tables = _doc_tables()
    assert set(tables) == set(shipped)
    different = [(model, key) for model, rows in tables.items() for key, text in rows.items()
                 if shipped[model].get(key) != text]
    assert not different, f"docs/authoring.md and escapebox/locales/nl/schema_doc.toml differ at {different}"
    assert all(set(rows) == set(shipped[model]) for model, rows in tables.items())


def _base() -> str:
    return (GOLDEN / "answer_given_away.yaml").read_text(encoding="utf-8")


def _editor_and_program(text: str) -> tuple[bool, bool]:
    """(the editor's schema accepts it, Escapebox accepts it), reading YAML as an editor does."""
    editor = jsonschema.Draft202012Validator(scenario_json_schema()).is_valid(yaml.safe_load(text))
    try:
        load_scenario_text(text)
        program = True
    except EscapeboxError:
        program = False
    return editor, program


@pytest.mark.parametrize("word", ["true", "false", "ja", "Nee", "YES", "no",
                                  "misschien", "j", "waar", "onwaar", "on", "1", "jA"])
def test_yes_no_has_one_rule_in_program_and_editor(word):
    text = _base() + f"reflections:\n  terug: {{kind: discuss, prompt: Wat ging goed, at_end: '{word}'}}\n"
    editor, program = _editor_and_program(text)
    assert editor == program
    assert program == (word.lower() in ("true", "false", "ja", "nee", "yes", "no") and word in
                       (word.lower(), word.capitalize(), word.upper()))


def test_the_editor_schema_marks_codes_as_text():
    assert _editor_and_program(_base()) == (True, True)
    assert _editor_and_program(_base().replace('answer: "0311"', "answer: 0311")) == (False, True)


#: Where each snippet of editor-setup.md's list goes in the base scenario (answer_given_away.yaml).
FALSE_UNDERLINES = {
    "answer: 0412": ('answer: "0311"', "answer: 0412"),
    "result: 4": ("    leads_to: uit\n", "    leads_to: uit\n    result: 4\n"),
    "title: 2025": ("title: Nuchter", "title: 2025"),
    "hints:": ("hints: [Kijk naar de datum., De code is 0311.]", "hints:"),
}


def test_the_editor_setup_list_of_false_underlines_is_true():
    """Each snippet of the list is underlined by the schema and accepted by Escapebox; nothing else is listed."""
    text = EDITOR_SETUP.read_text(encoding="utf-8")
    listed = text.split("<!-- onderstreept maar goed: begin -->")[1].split("<!-- onderstreept maar goed: eind -->")[0]
    snippets = re.findall(r"^- `([^`]+)`(?: zonder [^`]*)?(?: of `([^`]+)`)?", listed, re.M)
    assert {s for pair in snippets for s in pair if s} == set(FALSE_UNDERLINES)
    for snippet, (old, new) in FALSE_UNDERLINES.items():
        assert old in _base()
        assert _editor_and_program(_base().replace(old, new, 1)) == (False, True), snippet
    no_longer = {  # what the list used to name: the schema accepts these now, and the page says so
        "area: [10, 20, 30, 15]": ("locked_by: kluis}", "locked_by: kluis, area: [10, 20, 30, 15]}"),
        "minutes: geen": ("duration: 5\n", "duration: 5\ntimer: {minutes: geen}\n"),
        "players: 4": ("duration: 5\n", "duration: 5\nplayers: 4\n"),
    }
    for snippet, (old, new) in no_longer.items():
        assert snippet in text and _editor_and_program(_base().replace(old, new, 1)) == (True, True), snippet


# ----- escapebox svgtext -------------------------------------------------------------------------

DRAWING = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50"><rect width="100" height="50" fill="#eee"/>'
           '<text x="10" y="30" font-size="20">Rooster</text></svg>')


def test_svgtext_turns_words_into_outlines_and_keeps_the_original(tmp_path, capsys):
    pytest.importorskip("fontTools")
    drawing = tmp_path / "rooster.svg"
    drawing.write_text(DRAWING, encoding="utf-8")
    assert main(["svgtext", str(drawing)]) == 0
    converted = drawing.read_text(encoding="utf-8")
    assert "<text" not in converted and converted.count("<path") == 1 and "<!-- Rooster -->" in converted
    assert (tmp_path / "rooster.tekst.svg").read_text(encoding="utf-8") == DRAWING
    assert "rooster.tekst.svg" in capsys.readouterr().out


def test_svgtext_without_fonttools_names_the_extra_to_install(tmp_path, capsys, monkeypatch):
    from escapebox.authoring import svgtext

    def missing(style):
        raise svgtext.FontToolsMissing()
    monkeypatch.setattr(svgtext, "font", missing)
    drawing = tmp_path / "rooster.svg"
    drawing.write_text(DRAWING, encoding="utf-8")
    assert main(["svgtext", str(drawing), str(tmp_path / "uit.svg")]) == 1
    assert 'pip install "escapebox[authoring]"' in capsys.readouterr().err
    assert drawing.read_text(encoding="utf-8") == DRAWING and not (tmp_path / "uit.svg").exists()


def test_svgtext_leaves_a_drawing_without_text_alone(tmp_path, capsys):
    drawing = tmp_path / "leeg.svg"
    drawing.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    assert main(["svgtext", str(drawing)]) == 0
    assert "geen tekst" in capsys.readouterr().out and not (tmp_path / "leeg.tekst.svg").exists()


def test_the_svg_text_warning_names_the_command_and_the_extra():
    message = Translator("nl")("validate.svg_text", file="images/rooster.svg")
    assert "escapebox svgtext images/rooster.svg" in message and "escapebox[authoring]" in message
    assert "scripts/svgtext.py" not in message
    small = Translator("nl")("validate.svg_small_text", file="f.svg", count=1, minimum=24, text="'x'", px=9, units=30)
    assert "escapebox svgtext" in small and "scripts/svgtext.py" not in small     # a pip install has no scripts/
