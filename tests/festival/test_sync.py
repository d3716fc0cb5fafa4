"""Nothing lost, nothing doubled: a game published to a real broker that goes away mid-game."""

from __future__ import annotations

import time

from escapebox.core.autoplayer import branch_plan, reflection_answer
from escapebox.festival.hub_store import HubStore
from tests.festival.conftest import TIMEOUT, wait_until


def play(laptop, commands) -> float:
    """Apply planned commands as the auto-player does; returns the slowest apply (seconds)."""
    slowest = 0.0
    session = laptop.session
    for planned in commands:
        while (reflection := session.current_reflection()) is not None:
            session.apply(reflection_answer(session, reflection))
        if session.state.ended:
            break
        laptop.clock.advance(20)
        started = time.perf_counter()
        session.apply(planned.command)
        laptop.publisher.wake()
        slowest = max(slowest, time.perf_counter() - started)
    while (reflection := session.current_reflection()) is not None:
        session.apply(reflection_answer(session, reflection))
    laptop.publisher.wake()
    return slowest


def test_a_broker_restart_mid_game_loses_and_doubles_nothing(broker, hub, laptops):
    laptop = laptops()
    laptop.publisher.start()
    plan = branch_plan(laptop.session)
    first, second = len(plan) // 3, 2 * len(plan) // 3
    play(laptop, plan[:first])
    session = laptop.session.session_id
    assert wait_until(lambda: hub.store.upto(session) == laptop.rows()[-1][0])

    hub.close()                                     # the trainer's laptop drops off ...
    play(laptop, plan[first:second])
    assert wait_until(lambda: laptop.publisher.sent == laptop.rows()[-1][0])
    # the broker has acknowledged every message (so paho will not resend them itself) but holds
    # them for the absent hub: stopping it now loses them, and only the hub's word brings them back
    assert wait_until(lambda: laptop.publisher.in_flight() == 0)
    broker.stop()                                   # ... and the broker goes, with what it held for the hub
    slowest = play(laptop, plan[second:])
    assert laptop.session.state.ending is not None
    # a commit to the local disk takes a few ms; the network is never waited for (a blocked
    # publish would take the reconnect delay, 1 s or more)
    assert slowest < 0.5
    assert hub.store.upto(session) < laptop.rows()[-1][0]

    broker.start()                                  # the same address comes back, with no memory
    hub.start()
    assert wait_until(lambda: hub.store.upto(session) == laptop.rows()[-1][0], TIMEOUT)
    assert hub.store.events(session) == laptop.rows()
    assert wait_until(laptop.publisher.caught_up)


def test_an_offline_game_is_synced_when_the_laptop_joins(broker, hub, laptops, tmp_path):
    broker.stop()
    laptop = laptops()
    laptop.publisher.start()                        # no broker at all while the group plays
    play(laptop, branch_plan(laptop.session))
    assert laptop.session.state.ending is not None
    broker.start()
    session = laptop.session.session_id
    assert wait_until(lambda: hub.store.upto(session) == laptop.rows()[-1][0])
    assert hub.store.events(session) == laptop.rows()


def test_the_hub_store_keeps_each_number_once_and_confirms_up_to_the_first_gap(tmp_path):
    store = HubStore(tmp_path)
    store.greet("FEST23", "s1", {"session": "s1"})
    assert store.add("s1", [(0, "SessionStarted", {"a": 0}), (2, "RoomEntered", {"a": 2})]) == ([0, 2], 0)
    assert store.add("s1", [(0, "SessionStarted", {"a": "again"}), (1, "ClueFound", {"a": 1})]) == ([1], 2)
    assert store.events("s1") == [(0, {"a": 0}), (1, {"a": 1}), (2, {"a": 2})]
    store.close()
