"""Combine by keys as everywhere (docs/rules.md, "Controls"): Space picks an item, Enter checks.

Before, Enter on a focused item ticked it, so "Controleer (Enter)" was not what Enter did,
and Enter with nothing picked did nothing at all.
"""

import pytest

from escapebox.core import commands as C
from escapebox.scenario.loader import load_scenario
from test_puzzles import open_lock, play_until
from ui_helpers import FIXTURE, focus_key, start_game


@pytest.fixture
def combine(make_app):
    app, pilot = make_app(load_scenario(FIXTURE))
    start_game(pilot)
    play_until(app, "eind")
    for command in (C.Inspect("kast"), C.TakeItem("pasje")):
        assert app.game.apply(command).refused is None
    screen = open_lock(app, pilot, "samen")
    assert focus_key(app).startswith("item:")
    return app, pilot, screen


def test_enter_on_an_item_with_nothing_picked_says_how_to_pick(combine):
    app, pilot, screen = combine
    pilot.press("return")
    assert screen.picked == [] and screen.solved is None
    assert screen.feedback[0] == app.tr("ui.combine.pick_first")


def test_space_picks_and_enter_checks_with_the_focus_on_an_item(combine):
    app, pilot, screen = combine
    pilot.press("space")
    assert screen.feedback is None and len(screen.picked) == 1
    pilot.press("right", "space")
    assert sorted(screen.picked) == ["lamp", "pasje"]
    assert focus_key(app).startswith("item:")
    pilot.press("return")
    assert screen.solved is not None
