"""The wall's rows: what each group shows, the stuck alarm, the next hint, and who comes first."""

from __future__ import annotations

import socket

from escapebox.festival.publisher import scenario_facts
from escapebox.festival.wall import BACK_SHOWN, Track, row, rows, sort_rows
from tests.festival.conftest import scenario, wait_until

HELLO = {"session": "s1", "group": "Groep 1", "scenario": {
    "id": "x", "title": "De kluis", "locks": 3, "time_limit": 1800,
    "rooms": {"hal": "De hal", "kantoor": "Het kantoor"},
    "puzzles": {"p1": {"title": "Kluis", "hints": 2, "rooms": ["hal"]},
                "p2": {"title": "Lade", "hints": 1, "rooms": ["kantoor"]},
                "p3": {"title": "Keuze", "hints": 0, "rooms": ["kantoor"]}}}}


def track(*events, session="s1", group="Groep 1"):
    made = Track.from_hello({**HELLO, "session": session, "group": group})
    for number, data in enumerate(events):
        made.add(number, data)
    return made


def status(made, clock, remaining, now, paused=False, ended=False):
    made.note_status({"online": True, "clock": clock, "remaining": remaining, "paused": paused, "ended": ended}, now)


START = {"type": "SessionStarted", "at": 0, "room": "hal"}


def test_a_row_shows_room_locks_hints_choices_and_time_left():
    made = track(START, {"type": "HintShown", "at": 30, "puzzle": "p1"},
                 {"type": "LockOpened", "at": 60, "puzzle": "p1"}, {"type": "RoomEntered", "at": 70, "room": "kantoor"},
                 {"type": "DilemmaChosen", "at": 90, "puzzle": "p3", "text": "Eerst bellen"},
                 {"type": "GroupNamed", "at": 91, "name": "De Uilen"})
    status(made, clock=100, remaining=1700, now=1000.0)
    shown = row(made, now=1010.0)
    assert (shown.group, shown.scenario, shown.room) == ("De Uilen", "De kluis", "Het kantoor")
    assert (shown.opened, shown.locks, shown.hints, shown.choices) == (1, 3, 1, ("Eerst bellen",))
    assert shown.remaining == 1690            # carried forward by the hub's clock since the status
    assert shown.idle == 19
    assert (shown.next_hint.puzzle, shown.next_hint.number, shown.next_hint.of) == ("p2", 1, 1)
    assert not shown.stuck and shown.connection == "online"


def test_the_stuck_alarm_counts_game_time_without_progress_and_is_adjustable():
    made = track(START, {"type": "WrongAnswer", "at": 200, "puzzle": "p1"}, {"type": "HintShown", "at": 250, "puzzle": "p1"})
    status(made, clock=299, remaining=1500, now=0.0)
    assert not row(made, now=0.0).stuck                 # 299 s: under five minutes, wrong answers or not
    assert row(made, now=1.0).stuck_for == 300          # five minutes since the start: stuck
    assert row(made, now=0.0, stuck_minutes=4).stuck    # the trainer's own limit
    status(made, clock=299, remaining=1500, now=0.0, paused=True)
    assert not row(made, now=100.0).stuck               # a paused group is not stuck


def test_overtime_and_the_end():
    made = track(START)
    status(made, clock=1900, remaining=-100, now=0.0)
    assert row(made, now=0.0).overtime
    made.add(1, {"type": "Escaped", "at": 1901})
    assert row(made, now=500.0).ended and not row(made, now=500.0).stuck and row(made, now=500.0).next_hint is None


def test_groups_that_need_help_come_first():
    stuck = track(START, group="Vast")
    status(stuck, clock=400, remaining=1000, now=0.0)
    offline = track(START, session="s2", group="Weg")
    status(offline, clock=10, remaining=1000, now=0.0)
    offline.note_status({"online": False}, 1.0)
    behind = track(START, session="s3", group="Achter")
    status(behind, clock=10, remaining=1000, now=0.0)
    ahead = track(START, {"type": "LockOpened", "at": 5, "puzzle": "p1"}, session="s4", group="Voor")
    status(ahead, clock=10, remaining=1000, now=0.0)
    done = track(START, {"type": "Escaped", "at": 5}, session="s5", group="Klaar")
    status(done, clock=10, remaining=1000, now=0.0)
    tracks = {t.session: t for t in (done, ahead, behind, offline, stuck)}
    assert [r.group for r in rows(tracks, now=2.0)] == ["Vast", "Weg", "Achter", "Voor", "Klaar"]
    assert sort_rows(list(reversed(rows(tracks, now=2.0)))) == rows(tracks, now=2.0)


def test_offline_then_back_then_online():
    made = track(START)
    status(made, clock=1, remaining=100, now=0.0)
    made.note_status({"online": False}, 5.0)
    assert row(made, now=5.0).connection == "offline"
    status(made, clock=20, remaining=80, now=10.0)
    assert row(made, now=10.0).connection == "back"
    assert row(made, now=10.0 + BACK_SHOWN).connection == "online"


def test_the_hello_of_a_bundled_scenario_feeds_a_row():
    loaded = scenario()
    made = Track.from_hello({"session": "s1", "group": "G", "scenario": scenario_facts(loaded)})
    made.add(0, {"type": "SessionStarted", "at": 0, "room": loaded.scenario.start})
    shown = row(made, now=0.0)
    assert shown.room == loaded.scenario.rooms[loaded.scenario.start].name
    assert shown.locks == len(loaded.scenario.puzzles)


# ----- the last will, through a real broker -----------------------------------------------------------
def connection(hub, session):
    track = hub.tracks().get(session)
    return None if track is None else row(track, now=0.0).connection


def test_a_laptop_that_says_goodbye_is_offline_at_once(hub, laptops):
    laptop = laptops()
    laptop.publisher.start()
    laptop.status()
    session = laptop.session.session_id
    assert wait_until(lambda: connection(hub, session) == "online")
    laptop.publisher.close()
    assert wait_until(lambda: connection(hub, session) == "offline", 3)


def test_a_laptop_that_loses_the_network_is_offline_then_back(hub, laptops):
    laptop = laptops()
    laptop.publisher.start()
    laptop.status()
    session = laptop.session.session_id
    assert wait_until(lambda: connection(hub, session) == "online")
    # the cable is pulled: the socket goes without an MQTT goodbye, so the broker sends the will
    laptop.publisher._client.socket().shutdown(socket.SHUT_RDWR)
    assert wait_until(lambda: hub.tracks()[session].was_offline, 10)
    laptop.status()                                  # paho reconnects by itself; the next status says so
    assert wait_until(lambda: connection(hub, session) == "back", 10)
