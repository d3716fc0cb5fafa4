"""Who may do what on a festival's broker: the code to join, and each laptop only its own topics."""

from __future__ import annotations

import paho.mqtt.client as mqtt

from escapebox.core import commands as C
from escapebox.festival import protocol as P
from escapebox.festival.access import allowed, may_join
from tests.festival.conftest import CODE, SECRET, wait_until


def test_the_rules():
    assert may_join(CODE, SECRET, "abc123", CODE) and not may_join(CODE, SECRET, "abc123", "OTHER2")
    assert may_join(CODE, SECRET, "hub", SECRET) and not may_join(CODE, SECRET, "hub", CODE)
    assert not may_join(CODE, "", "hub", "")              # no hub login without a secret
    assert allowed(CODE, "s1", P.group_topic(CODE, "s1", "events"), "publish")
    assert not allowed(CODE, "s1", P.group_topic(CODE, "s2", "events"), "publish")     # speak for another
    assert not allowed(CODE, "s1", P.all_topic(CODE), "publish")                       # a trainer's command
    assert not allowed(CODE, "s1", P.group_topic(CODE, "s1", "command"), "publish")
    assert not allowed(CODE, "s1", P.group_topic(CODE, "s2", "events"), "receive")     # another's reflections
    assert not allowed(CODE, "s1", f"{P.PREFIX}/{CODE}/#", "subscribe")
    assert allowed(CODE, "s1", P.all_topic(CODE), "subscribe") and allowed(CODE, "s1", P.hub_topic(CODE), "receive")
    assert allowed(CODE, "hub", P.group_topic(CODE, "s2", "command"), "publish")
    assert not allowed(CODE, "hub", f"{P.PREFIX}/OTHER2/hub", "publish")


def rogue(broker, username: str, password: str):
    """A client that is not Escapebox's: it logs in as a group and tries what a group may not."""
    got: list[str] = []
    connected: list[bool] = []
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=f"rogue-{username}")
    client.username_pw_set(username, password)
    client.on_connect = lambda c, u, f, reason, p=None: connected.append(not reason.is_failure)
    client.on_message = lambda c, u, message: got.append(message.topic)
    client.connect(broker.host, broker.port)
    client.loop_start()
    return client, connected, got


def test_a_wrong_code_is_refused_at_the_door(broker, hub):
    client, connected, _got = rogue(broker, "abc123", "OTHER2")
    try:
        assert wait_until(lambda: connected, 5) and connected == [False]
    finally:
        client.loop_stop()


def test_a_group_cannot_command_others_or_read_their_events(broker, hub, laptops):
    victim = laptops(group="Slachtoffer")
    victim.publisher.start()
    victim.status()
    session = victim.session.session_id
    assert wait_until(lambda: hub.store.upto(session) == victim.rows()[-1][0])
    client, connected, got = rogue(broker, "rogue1", CODE)
    try:
        assert wait_until(lambda: connected == [True], 5)
        client.subscribe([(f"{P.PREFIX}/{CODE}/#", 1), (P.group_topic(CODE, session, "events"), 1)])
        client.publish(P.group_topic(CODE, session, "command"), P.command("end"), qos=1).wait_for_publish(5)
        client.publish(P.all_topic(CODE), P.command("end"), qos=1).wait_for_publish(5)
        client.publish(P.group_topic(CODE, session, "events"),
                       P.encode("events", session=session, events=[{"n": 999, "event": {"type": "Escaped"}}]),
                       qos=1).wait_for_publish(5)
        victim.session.apply(C.Pause())                 # the victim plays on and is published as before
        victim.publisher.wake()
        assert wait_until(lambda: hub.store.upto(session) == victim.rows()[-1][0])
        assert victim.publisher.commands.empty()
        assert 999 not in dict(hub.store.events(session))
        assert not [topic for topic in got if "/group/" in topic]
    finally:
        client.loop_stop()
