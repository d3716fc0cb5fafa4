"""The trainer's commands reach a real game through a real broker, once each, with what the group sees."""

from __future__ import annotations

import pytest

from escapebox.festival import protocol as P
from tests.festival.conftest import CODE, TIMEOUT, scenario, wait_until


@pytest.fixture
def group_app(tmp_path, broker, hub):
    """A headless ``escapebox play --festival CODE --broker HOST:PORT``, in the tutorial's first room."""
    from escapebox.ui.main import PlayOptions, build_app
    from escapebox.ui.pilot import Pilot
    options = PlayOptions(loaded=scenario(), window=(1280, 720), language="nl", fast=True, scripted=True,
                          sound=False, data_dir=tmp_path / "data", festival=CODE,
                          broker=(broker.host, broker.port))
    app = build_app(options)
    pilot = Pilot(app, hands=False)
    pilot.run()
    pilot.press("return")
    pilot.type("Groep 7")
    pilot.press("return")
    yield app, pilot
    app.services.festival.close()
    app.services.launcher.close()
    app.close()


def run_until(pilot, condition, timeout: float = TIMEOUT) -> bool:
    return wait_until(lambda: (pilot.run(), condition())[1], timeout)


def joined(app, hub) -> str:
    session = app.game.session.session_id
    assert wait_until(lambda: (app.frame(block=False), session in hub.tracks())[1])
    return session


def test_pause_time_hint_message_and_end_reach_the_game(group_app, hub):
    app, pilot = group_app
    session = joined(app, hub)
    state = app.game.session.state

    hub.send("pause", session)
    assert run_until(pilot, lambda: state.paused)
    assert app.stack.top.name == "pause"
    hub.send("resume")                                             # to all
    assert run_until(pilot, lambda: not state.paused)

    before = app.game.session.timer().remaining
    sent = hub.send("time", session, seconds=300)
    assert run_until(pilot, lambda: app.game.session.timer().remaining > before + 250)
    assert any("5 minuten extra" in toast.text for toast in app.toasts)
    assert wait_until(lambda: hub.replies.get(sent, {}).get(session, (False,))[0])

    hub.send("hint", session)
    assert run_until(pilot, lambda: sum(state.hints.values()) == 1)
    assert app.stack.top.name == "facilitator-notice"
    pilot.press("escape")

    hub.send("message", session, text="Kijk nog eens onder de mat")
    assert run_until(pilot, lambda: app.stack.top.name == "facilitator-notice")
    assert app.stack.top.text == "Kijk nog eens onder de mat"
    pilot.press("escape")

    hub.send("end", session)
    assert run_until(pilot, lambda: state.ended)


def test_a_command_sent_twice_is_carried_out_once(group_app, hub):
    app, pilot = group_app
    session = joined(app, hub)
    payload = P.command("time", seconds=60)
    for _ in range(3):                   # the hub resends, the broker delivers again: one id
        hub._client.publish(P.group_topic(CODE, session, "command"), payload, qos=1)
    command_id = P.decode(payload, "command")["id"]
    assert wait_until(lambda: (pilot.run(), command_id in hub.replies)[1])
    pilot.run(30)
    adjusted = [e for e in app.game.session.state.events if type(e).__name__ == "TimeAdjusted"]
    assert len(adjusted) == 1


def test_a_garbled_command_is_refused_and_the_game_goes_on(group_app, hub):
    app, pilot = group_app
    session = joined(app, hub)
    topic = P.group_topic(CODE, session, "command")
    for garbage in (b"\xff\x00", b"[]", P.encode("command", id="zz", action="pause"),
                    P.encode("command", id="ab" * 8, action="explode"), b"x" * (P.MAX_BYTES + 1)):
        hub._client.publish(topic, garbage, qos=1)
    hub.send("pause", session)
    assert run_until(pilot, lambda: app.game.session.state.paused)
    assert len([e for e in app.game.session.state.events if type(e).__name__ == "Paused"]) == 1


def test_an_unreachable_festival_is_a_message_and_the_game_goes_on(tmp_path, monkeypatch):
    from escapebox.festival.broker import free_port
    from escapebox.ui.main import PlayOptions, build_app
    from escapebox.ui.pilot import Pilot
    monkeypatch.setattr("escapebox.festival.publisher.JOIN_TIMEOUT", 0.3)
    options = PlayOptions(loaded=scenario(), window=(1280, 720), language="nl", fast=True, scripted=True,
                          sound=False, data_dir=tmp_path / "data", festival=CODE, broker=("127.0.0.1", free_port()))
    app = build_app(options)
    try:
        pilot = Pilot(app, hands=False)
        pilot.run()
        pilot.press("return")
        pilot.type("Groep 8")
        pilot.press("return")
        assert run_until(pilot, lambda: any("antwoordt niet" in toast.text for toast in app.toasts), 5)
        assert app.game.session.state.group == "Groep 8" and not app.game.session.state.ended
    finally:
        app.services.festival.close()
        app.services.launcher.close()
        app.close()
