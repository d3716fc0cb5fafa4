"""The projected debrief never turns a page for one or two lines, nor in the middle of a sentence (issue #17).

Played by hand, the bundled cases at large text made "(vervolg)" pages that held a single line: the
last questions, or one reflection under a two-goal heading of eight lines.  Every bundled scenario is
played along the solver's first branch to its debrief, at 1280×720 and at the beamer's 1920×1080, and
looked at in every text size.
"""

import itertools
import random

import pytest

from escapebox.debrief import (BLANK_LINE, MID_SENTENCE, MIN_CONTINUED, PARAGRAPH_START, SENTENCE_START,
                               page_breaks, start_kinds)
from escapebox.paths import bundled_scenarios_dir
from escapebox.scenario.loader import load_scenario
from escapebox.ui.settings import TEXT_STEPS
from ui_helpers import play_to_ending, start_game

SCENARIOS = sorted(p.name for p in bundled_scenarios_dir().iterdir() if (p / "scenario.yaml").exists())


def test_a_short_last_page_takes_lines_from_the_pages_before():
    assert page_breaks(11, 10, 10) == [(0, 8), (8, 3)]              # greedy: 10 and 1
    assert page_breaks(13, 4, 4) == [(0, 4), (4, 3), (7, 3), (10, 3)]   # greedy: 4, 4, 4, 1
    assert page_breaks(25, 4, 10) == [(0, 4), (4, 7), (11, 7), (18, 7)]  # greedy: 4, 10, 10, 1
    assert page_breaks(14, 10, 10) == [(0, 10), (10, 4)]            # long enough: as filled
    assert page_breaks(5, 10, 10) == [(0, 5)]


def test_page_breaks_keep_every_line_once_and_within_each_page():
    for lines in range(40):
        for room in range(1, 12):
            for first_room in range(1, room + 1):
                pages = page_breaks(lines, first_room, room)
                assert [first for first, _ in pages] == [sum(n for _, n in pages[:k]) for k in range(len(pages))]
                assert sum(n for _, n in pages) == lines
                assert pages[0][1] <= first_room and all(n <= room for _, n in pages[1:])
                # short only where it cannot be helped: the first page keeps a line, each later one MIN
                if room >= MIN_CONTINUED and lines - 1 >= MIN_CONTINUED * (len(pages) - 1):
                    assert all(n >= MIN_CONTINUED for _, n in pages[1:]), (lines, first_room, room, pages)


P, S, M, B = PARAGRAPH_START, SENTENCE_START, MID_SENTENCE, BLANK_LINE


def test_each_line_says_how_well_a_page_may_begin_there():
    lines = ["1. Wat los je zelf op, en wanneer schakel je de", "teammanager of school in? Hoe praat je met",
             "een teammanager die het ziet?", "", "2. Welke regelingen kent jullie organisatie", "(‘moedercontract’).",
             "Wie weet dat?"]
    assert start_kinds(lines, [0, 3, 4]) == [P, M, M, B, P, M, S]
    assert start_kinds(["Zij zei: 'Ga maar.'", "Daarna"], [0]) == [P, S]      # a closing quote after the full stop


def test_a_page_begins_at_a_paragraph_or_a_sentence_where_that_keeps_its_room():
    # 13 lines, 10 a page: filled in turn the second page begins at line 10, mid-sentence
    starts = [P, M, M, P, M, M, S, M, M, P, M, M, M]
    assert page_breaks(13, 10, 10) == [(0, 10), (10, 3)]
    assert page_breaks(13, 10, 10, starts) == [(0, 9), (9, 4)]                # the paragraph at line 9
    no_paragraph = [P, M, M, M, M, M, M, S, M, M, M, M, M]
    assert page_breaks(13, 10, 10, no_paragraph) == [(0, 7), (7, 6)]          # else the sentence at line 7
    # a paragraph at line 11 leaves two lines: the continuation page keeps its three, mid-sentence
    assert page_breaks(13, 10, 10, [P] + [M] * 10 + [P, M]) == [(0, 10), (10, 3)]
    # a paragraph at line 2 would need a third page of 10: the number of pages stays two
    assert page_breaks(13, 10, 10, [P, M, P] + [M] * 10) == [(0, 10), (10, 3)]
    # never a page that opens on the blank line between two paragraphs
    assert page_breaks(13, 10, 10, [P] * 9 + [B, P, M, M]) == [(0, 10), (10, 3)]


def best_sum(lines, first_room, room, starts, pages, shortest):
    """The least summed kind of the page starts over every way to cut ``lines`` into ``pages`` pages."""
    best = None
    for cut in itertools.combinations(range(1, lines), pages - 1):
        sizes = [b - a for a, b in zip((0, *cut), (*cut, lines))]
        if sizes[0] <= first_room and all(shortest <= n <= room for n in sizes[1:]):
            total = sum(starts[c] for c in cut)
            best = total if best is None else min(best, total)
    return best


def test_the_chosen_starts_are_the_best_there_are():
    rng = random.Random(17)
    for _ in range(400):
        lines, room = rng.randint(2, 18), rng.randint(3, 8)
        first_room = rng.randint(1, room)
        starts = [P] + [rng.choice((P, S, M, M, M, B)) for _ in range(lines - 1)]
        filled, pages = page_breaks(lines, first_room, room), page_breaks(lines, first_room, room, starts)
        assert len(pages) == len(filled) and sum(n for _, n in pages) == lines
        assert pages[0][1] <= first_room and all(n <= room for _, n in pages[1:])
        shortest = min([MIN_CONTINUED] + [n for _, n in filled[1:]])
        assert all(n >= shortest for _, n in pages[1:]), (lines, first_room, room, starts, pages)
        chosen = sum(starts[first] for first, _ in pages[1:])
        assert chosen == best_sum(lines, first_room, room, starts, len(pages), shortest), (lines, starts, pages)


def played_debrief(make_app, name, size):
    app, pilot = make_app(load_scenario(bundled_scenarios_dir() / name), size=size)
    start_game(pilot)
    play_to_ending(app, pilot)
    pilot.press("return")                  # the ending: on to the debrief
    assert app.stack.top.name == "debrief", app.stack.top.name
    return app, pilot, app.stack.top


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280", "beamer"])
@pytest.mark.parametrize("name", SCENARIOS)
def test_no_continuation_page_holds_one_or_two_lines_nor_begins_mid_sentence(make_app, name, size):
    app, pilot, screen = played_debrief(make_app, name, size)
    for text_size in TEXT_STEPS:
        app.apply_settings(app.settings.with_(text_size=text_size))
        where = f"{name} {size} {text_size}"
        short = [(p.heading[:40], p.lines) for p in screen.pages if p.first_line and p.lines < MIN_CONTINUED]
        assert not short, (where, short)
        bodies = dict(screen.sections())
        midway = [p.layout.lines[p.first_line] for p in screen.pages if p.first_line and start_kinds(
            p.layout.lines, screen.paragraph_starts(bodies[p.heading], p.layout))[p.first_line] > SENTENCE_START]
        assert not midway, (where, midway)          # "of school in? Hoe praat je …" began the last page
        for page in screen.pages:          # and each page's heading and lines fit its panel
            top = screen.body_area.top + 16 + (screen.tile_height() + 24 if page.tiles else 0)
            heading_h = screen.heading_layout(page.heading, continued=bool(page.first_line)).height + 24
            assert top + heading_h + page.lines * page.layout.line_height <= screen.body_area.bottom, where
        for heading, _ in screen.sections():   # every line of a section once, in order
            pages = [p for p in screen.pages if p.heading == heading]
            shown = [line for p in pages for line in p.layout.lines[p.first_line:p.first_line + p.lines]]
            assert shown == list(pages[0].layout.lines), (where, heading)
