"""The projected debrief never turns a page for one or two lines (issue #17).

Played by hand, the bundled cases at large text made "(vervolg)" pages that held a single line: the
last questions, or one reflection under a two-goal heading of eight lines.  Every bundled scenario is
played along the solver's first branch to its debrief, at 1280×720 and at the beamer's 1920×1080, and
looked at in every text size.
"""

import pytest

from escapebox.core.autoplayer import branch_plan, reflection_answer
from escapebox.debrief import MIN_CONTINUED, page_breaks
from escapebox.paths import bundled_scenarios_dir
from escapebox.scenario.loader import load_scenario
from escapebox.ui.settings import TEXT_STEPS
from ui_helpers import start_game

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


def played_debrief(make_app, name, size):
    app, pilot = make_app(load_scenario(bundled_scenarios_dir() / name), size=size)
    start_game(pilot)
    game = app.game
    for planned in branch_plan(game.session, 0):
        while game.session.current_reflection():
            game.apply(reflection_answer(game.session, game.session.current_reflection()))
        game.apply(planned.command)
    while game.session.current_reflection():
        game.apply(reflection_answer(game.session, game.session.current_reflection()))
    game.route()
    pilot.run()
    pilot.press("return")                  # the ending: on to the debrief
    assert app.stack.top.name == "debrief", app.stack.top.name
    return app, pilot, app.stack.top


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280", "beamer"])
@pytest.mark.parametrize("name", SCENARIOS)
def test_no_continuation_page_holds_one_or_two_lines(make_app, name, size):
    app, pilot, screen = played_debrief(make_app, name, size)
    for text_size in TEXT_STEPS:
        app.apply_settings(app.settings.with_(text_size=text_size))
        where = f"{name} {size} {text_size}"
        short = [(p.heading[:40], p.lines) for p in screen.pages if p.first_line and p.lines < MIN_CONTINUED]
        assert not short, (where, short)
        for page in screen.pages:          # and each page's heading and lines fit its panel
            top = screen.body_area.top + 16 + (screen.tile_height() + 24 if page.tiles else 0)
            heading_h = screen.heading_layout(page.heading, continued=bool(page.first_line)).height + 24
            assert top + heading_h + page.lines * page.layout.line_height <= screen.body_area.bottom, where
        for heading, _ in screen.sections():   # every line of a section once, in order
            pages = [p for p in screen.pages if p.heading == heading]
            shown = [line for p in pages for line in p.layout.lines[p.first_line:p.first_line + p.lines]]
            assert shown == list(pages[0].layout.lines), (where, heading)
