"""``escapebox print`` carries the learning: reflection cards, dilemma choices, ending variants,
a trainer's sheet with near misses, mistakes and the debrief, and spot answers drawn on the picture.

Issue #18, "Print carries the learning".  Text is checked in the page model (cards and sheet
entries: the PDF holds pictures of pages), the drawn outline on a rendered page.
"""

import os
import shutil

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from escapebox.i18n import Translator  # noqa: E402
from escapebox.print.cards import build_cards  # noqa: E402
from escapebox.print.sheet import trainer_sheet  # noqa: E402
from escapebox.scenario.loader import load_scenario  # noqa: E402

from tests.authoring.test_workflow_screens import REPO  # noqa: E402

CASES = ("student-met-rugzak", "zij-instromer", "hele-team-leert", "voorbeeld-compleet")
NL = Translator("nl")


@pytest.fixture(scope="module")
def samira():
    return load_scenario(REPO / "scenarios" / "student-met-rugzak")


def text_of(card):
    return "\n".join([card.title, *card.paragraphs, card.note])


def sheet_text(loaded, answers=True):
    lines = []
    for section in trainer_sheet(loaded, NL, answers):
        lines.append(section.heading)
        for entry in section.entries:
            lines += [entry.title, *entry.lines]
    return "\n".join(lines)


def test_every_reflection_has_a_card_with_its_question_goals_moment_and_room_to_write(samira):
    scenario = samira.scenario
    cards = [c for c in build_cards(samira, NL) if c.kind == "reflection"]
    assert len(cards) == len(scenario.reflections)
    for number, (card, reflection) in enumerate(zip(cards, scenario.reflections.values()), 1):
        assert card.title == f"Reflectie {number}"
        assert reflection.prompt in card.paragraphs
        assert all(scenario.goals[g] in text_of(card) for g in reflection.goals)
        assert card.write_lines > 0
        assert (card.scale is not None) == (reflection.kind == "scale")
    first, scale = cards[0], cards[2]              # nacht-reflectie after team-app; hoe-zeker on entering
    assert first.note == "Reflectie · na de puzzel 'De team-app'"
    assert scale.scale == (1, 5) and "1 = Heel onzeker, 5 = Heel zeker" in text_of(scale)
    assert "als jullie De stilteruimte binnenkomen" in scale.note
    assert cards[3].note == "Reflectie · na Samira vraagt iets · keuze 1"      # vertrouwen-ja: a dilemma option's


def test_each_dilemma_option_has_a_card_with_reply_feedback_and_what_follows(samira):
    dilemma = samira.scenario.puzzles["in-vertrouwen"]
    cards = {c.title.split(" · keuze ")[1]: c for c in build_cards(samira, NL) if c.kind == "choice"}
    assert list(cards) == ["1", "1.1", "1.2", "2", "2.1", "2.2", "3", "4"]   # geheim and open talk on
    for number, option in enumerate(dilemma.options, 1):
        card = cards[str(number)]
        assert card.paragraphs[0] == f"Jullie kozen: {option.text}"
        assert f"Samira: '{option.reply}'" in card.paragraphs and option.feedback in card.paragraphs
        assert card.note == "Dilemma · pas lezen na jullie keuze in 'Samira vraagt iets'"
        # the reflection card the first choice leads to is named where the talk ends
        ends = [cards[f"{number}.{n}"] for n in (1, 2)] if option.then else [card]
        assert all(f"Pak nu reflectiekaart {3 + number}." in end.paragraphs for end in ends)
        if option.then:
            assert f"Pak nu reflectiekaart {3 + number}." not in card.paragraphs
            assert [f"Keuze {number}.{n}: {line.text}" for n, line in enumerate(option.then.options, 1)] == \
                card.paragraphs[-2:]
            for n, line in enumerate(option.then.options, 1):
                assert cards[f"{number}.{n}"].paragraphs[:3] == [f"Jullie kozen: {line.text}", f"Samira: '{line.reply}'",
                                                                 line.feedback]
    assert dilemma.options[1].then.question in cards["2"].paragraphs


def test_every_ending_variant_has_a_card_naming_its_choice(samira):
    ending = samira.scenario.endings["samen-verder"]
    cards = {c.title: c for c in build_cards(samira, NL) if c.kind == "ending"}
    assert len(cards) == 1 + len(ending.variants)
    assert "als geen andere eindkaart bij jullie keuze hoort" in cards["Samen verder"].note
    regie = cards["Samira vertelt het zelf"]
    assert regie.paragraphs == [ending.variants["regie"].text]
    assert regie.note.endswith("als jullie kozen: Samira vraagt iets · keuze 4")


def test_the_trainer_sheet_has_debrief_goals_near_misses_mistakes_and_dilemma_feedback(samira):
    scenario = samira.scenario
    text = sheet_text(samira)
    assert scenario.debrief.text in text
    assert all(f"{n}. {q}" in text for n, q in enumerate(scenario.debrief.questions, 1))
    assert all(f"Leerdoel: {goal}" in text for goal in scenario.goals.values())
    for puzzle in scenario.puzzles.values():
        for near, feedback in getattr(puzzle, "near_misses", {}).items():
            assert f"Bijna goed: '{near}'. De groep hoort: {feedback}" in text
        for decoy in getattr(puzzle, "decoys", ()):
            assert decoy.feedback in text
        if puzzle.kind == "choice":
            assert all(f"Fout: '{o.text}'" in text for o in puzzle.options if not o.correct)
        if puzzle.wrong_feedback:
            assert f"Elk ander fout antwoord. De groep hoort: {puzzle.wrong_feedback}" in text
    for number, option in enumerate(scenario.puzzles["in-vertrouwen"].options, 1):
        assert option.feedback in text and option.reply in text
        for n, line in enumerate(option.then.options if option.then else (), 1):
            assert f"Keuze {number}.{n}: {line.text}" in text and line.reply in text and line.feedback in text
    assert "Het gesprek gaat verder: Samira kijkt jullie afwachtend aan. Wat zeggen jullie?" in text
    assert "Einde dat erbij hoort: 'Open kaart'" in text


def test_without_answers_the_sheet_keeps_dilemmas_and_debrief_but_no_answer(samira):
    text = sheet_text(samira, answers=False)
    assert samira.scenario.debrief.questions[0] in text and "Keuze 1:" in text
    assert "Antwoord:" not in text and "Bijna goed" not in text


@pytest.mark.parametrize("case", CASES)
def test_no_group_card_shows_an_answer_or_what_only_the_trainer_hears(case):
    loaded = load_scenario(REPO / "scenarios" / case)
    cards = "\n".join(text_of(c) for c in build_cards(loaded, NL))
    secret = []
    for puzzle in loaded.scenario.puzzles.values():
        secret += list(getattr(puzzle, "near_misses", {}).values()) + list(puzzle.hints)
        secret += [d.feedback for d in getattr(puzzle, "decoys", ())]
        if puzzle.kind == "choice":
            secret += [o.feedback for o in puzzle.options if o.feedback]
        if puzzle.kind == "code":
            secret += list(puzzle.answer)
    assert secret and not [s for s in secret if s in cards]
    assert sheet_text(loaded).count("Antwoord:") >= 1


def _rendered_sheet(loaded):
    from escapebox.print.pages import PageMaker
    maker = PageMaker(NL, "test", loaded.scenario.title)
    maker.add_cards(build_cards(loaded, NL))
    cards_end = len(maker.pages)
    maker.add_trainer_sheet(trainer_sheet(loaded, NL))
    return maker, cards_end


def _colours(page, x, y, spread_y):
    """The colours on the page at (x, y) and up to ``spread_y`` pixels above and below it."""
    return {tuple(page.get_at((round(x), round(y) + dy)))[:3] for dy in range(-spread_y, spread_y + 1)}


def _assert_outlined(maker, cards_end):
    """The target's outline lies just outside its area, solid on all four sides (drawn last, on top);
    each decoy's dashes run down its left and right sides; all on the sheet only."""
    from escapebox.print.pages import DECOY, DECOY_W, TARGET, TARGET_W
    assert maker.marked, "no spot picture was drawn on the sheet"
    for index, rect, marked in maker.marked:
        assert index >= cards_end
        page = maker.pages[index]
        for mark in marked.marks:
            left, top = rect.x + mark.area.x * rect.w / 100, rect.y + mark.area.y * rect.h / 100
            right, bottom = left + mark.area.w * rect.w / 100, top + mark.area.h * rect.h / 100
            middle_x, middle_y = (left + right) / 2, (top + bottom) / 2
            if mark.role == "target":
                width = TARGET_W // 2
                for x, y in ((middle_x, top - width), (middle_x, bottom + width), (left - width, middle_y),
                             (right + width, middle_y)):
                    assert _colours(page, x, y, 0) == {TARGET}, (mark, x, y)
            else:                                   # a dash is 14 px: a 30 px stretch always holds one
                for x in (left - DECOY_W // 2, right + DECOY_W // 2):
                    assert DECOY in _colours(page, x, middle_y, 15), (mark, x)
    for page in maker.pages[:cards_end]:        # the group's copy of the picture is bare
        width, height = page.get_size()
        assert not any(tuple(page.get_at((x, y)))[:3] == TARGET for x in range(0, width, 2) for y in range(0, height, 2))


def test_the_spot_answer_is_outlined_on_the_svg_picture(samira):
    maker, cards_end = _rendered_sheet(samira)
    _assert_outlined(maker, cards_end)
    assert len(maker.marked) == 1 and len(maker.marked[0][2].marks) == 1 + len(samira.scenario.puzzles["team-app"].decoys)


def test_the_spot_answer_is_outlined_on_a_png_picture(tmp_path):
    import pygame
    folder = tmp_path / "alle-soorten"
    shutil.copytree(REPO / "tests" / "ui" / "fixtures" / "alle-soorten", folder)
    svg = folder / "images" / "rooster.svg"
    pygame.image.save(pygame.image.load_sized_svg(str(svg), (800, 450)), str(folder / "images" / "rooster.png"))
    yaml = folder / "scenario.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("image: images/rooster.svg", "image: images/rooster.png"),
                    encoding="utf-8")
    loaded = load_scenario(folder)
    assert loaded.scenario.puzzles["plek"].image.endswith(".png")
    maker, cards_end = _rendered_sheet(loaded)
    _assert_outlined(maker, cards_end)
    assert maker.marked[0][2].path.suffix == ".png"


def test_a_spot_answer_without_its_picture_is_told_in_words_not_as_a_list(tmp_path):
    folder = tmp_path / "alle-soorten"
    shutil.copytree(REPO / "tests" / "ui" / "fixtures" / "alle-soorten", folder)
    loaded = load_scenario(folder)
    (folder / "images" / "rooster.svg").unlink()          # gone after loading: print must still say where
    entry = next(e for s in trainer_sheet(loaded, NL) for e in s.entries if e.title == "Klopt het rooster?")
    assert entry.picture is None and "[" not in entry.lines[0]
    assert entry.lines[0] == ("Antwoord: het gebied van 40 tot 60 procent van links, 20 tot 80 procent van boven "
                              "in het plaatje")


def _catalogue_patterns(lang="nl"):
    import re
    import tomllib
    with open(REPO / "escapebox" / "locales" / lang / "print.toml", "rb") as file:
        catalogue = tomllib.load(file)

    def values(table):
        for value in table.values():
            yield from values(value) if isinstance(value, dict) else [value]

    return [(".+".join(re.escape(part) for part in re.split(r"\{[a-z_]+\}", text)), text) for text in values(catalogue)]


def test_the_printing_doc_quotes_what_print_really_writes_on_the_cards():
    """Every card text docs/printing.md quotes (with … for the scenario's words) is a catalogue text,
    or a part of one ("na de puzzel '…'")."""
    import re
    doc = (REPO / "docs" / "printing.md").read_text(encoding="utf-8")
    quoted = [q for q in re.findall(r"`([^`\n]+)`", doc) if " " in q and not q.startswith(("escapebox", "kind:", "-"))]
    patterns = _catalogue_patterns()
    assert len(quoted) >= 10
    for text in quoted:
        example, fragment = text.replace("…", "X"), re.escape(text).replace("…", ".+")
        assert any(re.search(pattern, example) or re.search(fragment, template) for pattern, template in patterns), text


def test_a_hidden_side_and_a_text_after_a_choice_get_cards_of_their_own():
    loaded = load_scenario(REPO / "scenarios" / "hele-team-leert")
    cards = build_cards(loaded, NL)
    zorgmap = loaded.scenario.rooms["huis"].objects["zorgmap"]
    hidden = [c for c in cards if c.kind == "hidden"]
    assert [c.title for c in hidden] == ["Zorgmap"] and hidden[0].paragraphs[0] == zorgmap.hidden_text
    assert hidden[0].note == "Verborgen · pas geven als jullie 'Schoolopdracht van Dewi' gebruiken bij 'Zorgmap'"
    assert not [c for c in cards if c.kind != "hidden" and zorgmap.hidden_text in c.paragraphs]
    keuken = next(o for room in loaded.scenario.rooms.values() for o in room.objects.values() if o.name == "Keuken")
    instead = [c for c in cards if c.title == "Keuken" and "in plaats van" in c.note]
    assert [c.paragraphs[0] for c in instead] == list(keuken.after_choice.values())
    assert instead[0].note.endswith("als jullie kozen: Kees deed het anders · keuze 1")


def test_the_pdf_carries_the_text_as_a_layer_a_viewer_can_find_and_copy(samira, tmp_path):
    import subprocess
    from escapebox.print.book import write_book
    out = tmp_path / "kaarten.pdf"
    write_book(samira, NL, out)
    data = out.read_bytes()
    assert b"3 Tr" in data and b"/BaseFont /Helvetica /Encoding /WinAnsiEncoding" in data
    for line in ("Reflectie 3", "Samira vraagt iets · keuze 2", "Antwoorden en veelgemaakte fouten", "Nabespreking"):
        assert b"(" + line.encode("cp1252") + b") Tj" in data, line
    if shutil.which("gs"):                       # what a viewer reads back, where Ghostscript is at hand
        text = subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=txtwrite", "-sOutputFile=-", str(out)],
                              capture_output=True, text=True, check=True).stdout
        assert "Reflectie 3" in text and "Bijna goed: '418'" in text and "Leerdoel:" in text


SOURCES = """sources:
  - title: Regeling Flexibel Opleiden
    url: https://example.org/regeling
    checked_on: 2025-01-10
  - title: Cao Gehandicaptenzorg
    checked_on: 2026-11-20
trainer_notes: Vraag eerst wie de regeling kent.
"""


def test_sources_checked_dates_and_trainer_notes_go_on_the_trainer_sheet_only(tmp_path):
    from datetime import date
    folder = tmp_path / "alle-soorten"
    shutil.copytree(REPO / "tests" / "ui" / "fixtures" / "alle-soorten", folder)
    yaml = folder / "scenario.yaml"
    text = yaml.read_text(encoding="utf-8").replace("\nrooms:\n", "\n" + SOURCES + "\nrooms:\n", 1)
    text = text.replace("    name: Het kantoor\n", "    name: Het kantoor\n    trainer_notes: Het kastje klemt soms.\n", 1)
    text = text.replace("    title: Het kastje\n", "    title: Het kastje\n    sources:\n      - title: Handboek sloten\n", 1)
    yaml.write_text(text, encoding="utf-8")
    loaded = load_scenario(folder)
    sections = trainer_sheet(loaded, NL, today=date(2026, 12, 3))
    notes = next(s for s in sections if s.heading == "Bronnen en aantekeningen voor de trainer")
    whole, room, puzzle = notes.entries
    assert (puzzle.title, puzzle.lines) == ("Het kastje", ["Bron: Handboek sloten"])
    assert whole.title == "Het hele scenario: Alle soorten sloten"
    assert whole.lines == [
        "Bron: Regeling Flexibel Opleiden (https://example.org/regeling) (gecontroleerd op 2025-01-10, meer dan een "
        "jaar geleden: kijk na of het nog klopt)",
        "Bron: Cao Gehandicaptenzorg (gecontroleerd op 2026-11-20)",
        "Aantekening: Vraag eerst wie de regeling kent."]
    assert room.title == "Het kantoor" and room.lines == ["Aantekening: Het kastje klemt soms."]
    cards = "\n".join(text_of(c) for c in build_cards(loaded, NL))
    assert "Regeling Flexibel" not in cards and "klemt" not in cards and "wie de regeling" not in cards
