"""Joining from the picker: the festival's name from its hub, or what is wrong, in bounded time."""

from __future__ import annotations

import time

from escapebox.festival import discovery
from escapebox.festival.broker import free_port
from tests.festival.conftest import CODE

#: a probe on loopback answers in milliseconds; a failing one waits at most its timeout
QUICK = 1.5


def test_the_probe_reads_the_festivals_name_from_its_hub(broker, hub):
    assert discovery.probe(broker.host, broker.port, CODE, timeout=QUICK) == ("Test", None)


def test_a_wrong_code_is_refused_at_the_door_and_said_so(broker, hub):
    started = time.monotonic()
    name, problem = discovery.probe(broker.host, broker.port, "KXKX23", timeout=QUICK)
    assert name is None and problem == ("festival.join.wrong_code", {"code": "KXKX23",
                                                                     "address": f"{broker.host}:{broker.port}"})
    assert time.monotonic() - started < 2 * QUICK + 1


def test_a_broker_without_the_festivals_hub_is_not_the_festival(broker):
    name, problem = discovery.probe(broker.host, broker.port, CODE, timeout=QUICK)
    assert name is None and problem[0] == "festival.join.wrong_code"


def test_nothing_listening_at_the_address_is_said_at_once():
    port = free_port()
    started = time.monotonic()
    name, problem = discovery.probe("127.0.0.1", port, CODE, timeout=QUICK)
    assert name is None and problem[0] == "festival.join.unreachable_now"
    assert problem[1]["address"] == f"127.0.0.1:{port}" and problem[1]["reason"]
    assert time.monotonic() - started < QUICK


def test_join_festival_checks_the_code_and_the_address_before_the_network(broker, hub):
    assert discovery.join_festival("abc", None)[3][0] == "festival.cli.bad_code"
    assert discovery.join_festival(CODE, "geen adres")[3][0] == "festival.cli.bad_address"
    code, address, name, problem = discovery.join_festival(CODE.lower(), f"{broker.host}:{broker.port}")
    assert (code, address, name, problem) == (CODE, (broker.host, broker.port), "Test", None)
