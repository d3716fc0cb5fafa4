"""'Meedoen met een leerfestival' in the picker: the group types the code (and the wall's address),
the search runs while the screen says so, and the link joins; a wrong code is said on screen."""

from __future__ import annotations

import pytest

from tests.festival.conftest import CODE, TIMEOUT, scenario, wait_until


@pytest.fixture
def picker(tmp_path):
    """A headless ``escapebox play`` with no scenario: the picker, not in any festival."""
    from escapebox.ui.main import PlayOptions, build_app
    from escapebox.ui.pilot import Pilot
    app = build_app(PlayOptions(window=(1280, 720), language="nl", fast=True, scripted=True, sound=False,
                                data_dir=tmp_path / "data"))
    pilot = Pilot(app, hands=False)
    pilot.run()
    yield app, pilot
    app.services.festival.close()
    app.services.launcher.close()
    app.close()


def searched(pilot) -> bool:
    """The search ended (on loopback it may end within the frame that started it)."""
    return wait_until(lambda: (pilot.run(), not getattr(pilot.screen, "searching", False))[1], TIMEOUT)


def test_a_group_joins_from_the_picker_and_its_game_reaches_the_hub(picker, broker, hub):
    app, pilot = picker
    assert app.services.festival is not None and not app.services.festival.joined
    assert app.stack.top.festival_line() is None
    pilot.click_widget("festival")
    assert pilot.screen.name == "festival-join"
    pilot.type(CODE.lower())
    pilot.press("tab")
    pilot.type(f"{broker.host}:{broker.port}")
    pilot.press("return")
    assert searched(pilot)
    link = app.services.festival
    assert link.joined and (link.host, link.port, link.code, link.name) == (broker.host, broker.port, CODE, "Test")
    assert pilot.screen.name == "picker"
    assert pilot.screen.festival_line() == "Jullie doen mee met leerfestival Test (code FEST23)."
    assert any("leerfestival Test" in toast.text for toast in app.toasts)

    app.services.launcher.start(scenario(), "Groep 9")   # a game started after joining is published
    session = app.game.session.session_id
    assert wait_until(lambda: (app.frame(block=False), session in hub.tracks())[1])


def test_a_wrong_code_is_said_on_the_screen_and_nothing_is_joined(picker, broker, hub):
    """The broker refuses a wrong code at the door, so the answer comes at once (no timeout)."""
    app, pilot = picker
    pilot.click_widget("festival")
    pilot.type("KXKX23")
    pilot.click_widget("address")
    pilot.type(f"{broker.host}:{broker.port}")
    pilot.click_widget("join")
    assert searched(pilot)
    assert pilot.screen.name == "festival-join" and not app.services.festival.joined
    assert pilot.screen.problem == (f"Op {broker.host}:{broker.port} is geen leerfestival met code KXKX23. "
                                    "Kijk de code na op het scherm van de trainer.")
    pilot.press("escape")
    assert pilot.screen.name == "picker" and pilot.screen.festival_line() is None
