"""``escapebox print``: cards without answers, a separate answer sheet, a PDF a viewer can open."""

import os
import re
import shutil
import subprocess

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from escapebox.cli import main as cli_main  # noqa: E402
from escapebox.i18n import Translator  # noqa: E402
from escapebox.print.book import make_pages  # noqa: E402
from escapebox.print.cards import Card, answer_sheet, build_cards  # noqa: E402
from escapebox.print.pdf import write_pdf  # noqa: E402
from escapebox.scenario.loader import load_scenario  # noqa: E402

from tests.authoring.test_workflow_screens import REPO  # noqa: E402

ALLE = REPO / "tests" / "ui" / "fixtures" / "alle-soorten"


@pytest.fixture(scope="module")
def alle():
    return load_scenario(ALLE)


def card_text(card):
    return "\n".join([card.title, *card.paragraphs, card.note])


def test_puzzle_cards_never_show_an_answer(alle):
    tr = Translator("nl")
    puzzles = {c.title: card_text(c) for c in build_cards(alle, tr) if c.kind == "puzzle"}
    scenario = alle.scenario
    assert len(puzzles) == len(scenario.puzzles)
    for puzzle in scenario.puzzles.values():
        text = puzzles[puzzle.title]
        for accepted in getattr(puzzle, "answer", ()) or ():
            assert str(accepted) not in text, (puzzle.title, accepted)
        if puzzle.kind == "order":
            shown = [line[2:] for line in text.splitlines() if line.startswith("• ")]
            assert sorted(shown) == sorted(puzzle.steps) and shown != list(puzzle.steps)
        if puzzle.kind == "choice":
            assert "correct" not in text.lower() and "goed" not in text.lower()


def test_locked_objects_have_an_outside_and_an_inside_card(alle):
    cards = build_cards(alle, Translator("nl"))
    inside = [c for c in cards if c.kind == "inside"]
    locked = [o for room in alle.scenario.rooms.values() for o in room.objects.values() if o.locked_by]
    assert len(inside) == len(locked) > 0
    outside = next(c for c in cards if c.kind == "object" and c.title == locked[0].name)
    assert locked[0].text not in card_text(outside)
    assert alle.scenario.puzzles[locked[0].locked_by].title in card_text(outside)


def test_the_answer_sheet_has_every_answer_and_hint(alle):
    sheet = dict(answer_sheet(alle, Translator("nl")))
    for puzzle in alle.scenario.puzzles.values():
        lines = "\n".join(sheet[puzzle.title])
        if puzzle.kind == "spot":            # drawn on its picture instead (tests/test_print_learning.py)
            assert "[" not in lines and "doorgetrokken rand" in lines
        elif puzzle.kind != "dilemma":       # every option opens a dilemma: its options are listed one by one
            assert puzzle.describe_solution() in lines
        assert all(hint in lines for hint in puzzle.hints)


def test_a_long_card_continues_on_the_next_page_instead_of_being_cut():
    from escapebox.print.pages import PageMaker, _body_lines
    tr = Translator("nl")
    maker = PageMaker(tr, "test")
    long = Card("clue", "Lange brief", [" ".join(f"woord{n}" for n in range(3000))], "Aanwijzing")
    maker.add_cards([long])
    assert len(maker.pages) >= 2
    assert "woord2999" in "\n".join(_body_lines(maker.fonts, long, 20, 900))


def test_arrows_the_font_lacks_are_printed_as_look_alikes():
    from escapebox.print.pages import Fonts, wrap
    font = Fonts().get("regular", 24)
    assert wrap(font, "Plannen → Doen", 2000) == ["Plannen -> Doen"]


def test_pdf_structure_is_valid(tmp_path):
    path = tmp_path / "x.pdf"
    write_pdf(path, [(2, 2, b"\xff" * 12), (2, 2, b"\x00" * 12)], title="Zoë (test)")
    data = path.read_bytes()
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    start = int(re.search(rb"startxref\n(\d+)", data).group(1))
    assert data[start:start + 4] == b"xref"
    offsets = re.findall(rb"(\d{10}) 00000 n ", data[start:])
    for number, offset in enumerate(offsets, 1):
        assert data[int(offset):].startswith(b"%d 0 obj" % number)
    assert data.count(b"/Type /Page ") == 2 and b"/Count 2" in data


def test_print_command_writes_a_pdf_a_viewer_opens(tmp_path, capsys):
    out = tmp_path / "kaarten.pdf"
    assert cli_main(["print", str(ALLE), "-o", str(out)]) == 0
    pages = len(make_pages(load_scenario(ALLE), Translator("nl")))
    assert f"({pages} pagina's)" in capsys.readouterr().out
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
        assert re.search(rf"Pages:\s+{pages}\b", info) and "A4" in info
    assert out.read_bytes().count(b"/Type /Page ") == pages


def test_print_without_answers_has_fewer_pages(tmp_path):
    loaded, tr = load_scenario(ALLE), Translator("nl")
    assert len(make_pages(loaded, tr, answers=False)) < len(make_pages(loaded, tr))


def test_print_refuses_a_name_that_is_not_pdf(tmp_path, capsys):
    assert cli_main(["print", str(ALLE), "-o", str(tmp_path / "kaarten.docx")]) == 1
    assert "kaarten.docx" in capsys.readouterr().err


def test_print_of_a_broken_scenario_is_a_message_not_a_traceback(tmp_path, capsys):
    broken = tmp_path / "kapot"
    broken.mkdir()
    (broken / "scenario.yaml").write_text("title: [\n", encoding="utf-8")
    assert cli_main(["print", str(broken), "-o", str(tmp_path / "k.pdf")]) == 1
    err = capsys.readouterr().err
    assert "scenario.yaml" in err and "Traceback" not in err
    assert not (tmp_path / "k.pdf").exists()
