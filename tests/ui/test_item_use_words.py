"""Using an item on an object says which item was used, not a UV lamp's words (issue #16).

Played by hand in hele-team-leert: laying Dewi's school assignment beside the care plan said
"Er is iets zichtbaar geworden!" and "Nu zie je ook:", words for a lamp that shows hidden ink.
"""
import pytest

from escapebox.core import commands as C
from escapebox.core.autoplayer import branch_plan, reflection_answer
from escapebox.scenario.loader import load_scenario
from escapebox.ui.screens.object_view import ObjectScreen

from ui_helpers import SCENARIOS, start_game


def object_before_use(app, pilot):
    """The object screen of the plan's first UseItem, with the item in the backpack: (screen, item id)."""
    session = app.game.session
    for planned in branch_plan(session, 0):
        while session.current_reflection():
            app.game.apply(reflection_answer(session, session.current_reflection()))
        if isinstance(planned.command, C.UseItem):
            screen = ObjectScreen(app, planned.command.object)
            app.stack.reset(screen)
            pilot.run()
            return screen, planned.command.item
        app.game.apply(planned.command)
    raise AssertionError("the plan uses no item")


@pytest.mark.parametrize("lang,used,lamp", [("nl", "Gebruikt: Schoolopdracht van Dewi", "zichtbaar"),
                                            ("en", "Used: Schoolopdracht van Dewi", "visible")])
def test_laying_the_assignment_beside_the_care_plan_names_the_assignment(make_app, lang, used, lamp):
    app, pilot = make_app(load_scenario(SCENARIOS / "hele-team-leert"), size=(1280, 720), lang=lang)
    start_game(pilot)
    screen, item = object_before_use(app, pilot)
    assert screen.object_id == "zorgmap" and item == "opdracht"
    pilot.click_widget(f"use:{item}")
    pilot.run()
    said = [t.text for t in app.toasts]
    assert any(t.startswith(used) for t in said), said
    assert not any(lamp in t for t in said), said
    text = screen.text_box.text
    assert f"{used}\nJullie leggen de schoolopdracht naast het zorgplan." in text, text
