"""A presenter clicker (PageDown/PageUp move the focus, F5 presses) lands on the control it needs (issue #16).

Played by hand at --beamer: on a scale reflection PageDown went 5, "Bevestigen", "Overslaan", so one
press too many skipped the question; on the group-name screen PageDown went on from "Start het
spel" to "Terug". Clicker keys only here: no Tab, Enter, typing or mouse.
"""
from escapebox.core import commands as C

from ui_helpers import focus_key


def to_scale(app):
    app.game.apply(C.JumpToRoom("gang"))
    app.game.route()
    assert app.stack.top.name == "reflection-scale", app.stack.top.name
    return app.stack.top


def clicker_order(pilot, presses):
    keys = []
    for _ in range(presses):
        pilot.press("pagedown")
        keys.append(focus_key(pilot.app))
    return keys


def test_a_scale_opens_on_its_first_value_and_overslaan_is_never_one_press_past_the_confirm(game_app):
    app, pilot = game_app
    scale = to_scale(app)
    assert focus_key(app) == "value:1"
    order = clicker_order(pilot, len(scale.focus.widgets) + 2)
    after_confirm = order[order.index("confirm") + 1]
    assert after_confirm != "skip" and after_confirm.startswith("tb_"), order
    assert order.index("skip") < order.index("value:1", order.index("confirm")), order   # before the scale


def test_picking_a_value_puts_the_focus_on_the_confirm(game_app):
    app, pilot = game_app
    to_scale(app)
    pilot.press("pagedown", "pagedown", "f5")          # value 3, picked
    assert focus_key(app) == "confirm"
    pilot.press("f5")
    assert app.game.session.state.reflections["gang-schaal"] == "3"
    assert "gang-schaal" not in app.game.session.state.skipped_reflections


def to_group_name(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario, size=(1920, 1080))
    pilot.press("f5")                                  # the intro opens on "Start"
    assert pilot.screen.name == "group" and focus_key(app) == "name"
    return app, pilot


def test_the_group_name_screen_starts_with_one_clicker_press(make_app, fixture_scenario):
    app, pilot = to_group_name(make_app, fixture_scenario)
    pilot.press("f5")
    assert app.game is not None and app.game.session.state.group == app.tr("ui.group.placeholder")


def test_pagedown_on_the_group_name_screen_stops_at_start(make_app, fixture_scenario):
    app, pilot = to_group_name(make_app, fixture_scenario)
    pilot.press("pagedown", "pagedown", "pagedown")
    assert focus_key(app) == "start"
    pilot.press("pageup")
    assert focus_key(app) == "name"
    pilot.press("pagedown", "pagedown", "f5")
    assert app.game is not None
