"""The hub is found by zeroconf on loopback (multicast on 127.0.0.1 works here), only for its own code."""

from __future__ import annotations

from escapebox.festival import discovery
from escapebox.festival.protocol import normal_code, parse_address

LOOPBACK = ["127.0.0.1"]


def test_a_laptop_finds_the_hub_with_its_code_and_not_another_one():
    advert = discovery.Advert("FEST23", "127.0.0.1", 18830, "Test", interfaces=LOOPBACK)
    try:
        assert discovery.find("FEST23", timeout=5, interfaces=LOOPBACK) == ("127.0.0.1", 18830)
        assert discovery.find("OTHER2", timeout=1.5, interfaces=LOOPBACK) is None
    finally:
        advert.close()


def test_a_typed_address_wins_and_is_read_as_host_and_port():
    assert discovery.broker_for("FEST23", "192.168.1.20:1884") == ("192.168.1.20", 1884)
    assert parse_address("hub.local") == ("hub.local", 1883)
    assert parse_address("[::1]:1990") == ("::1", 1990)
    assert parse_address("hub:99999") is None and parse_address("a b") is None and parse_address("") is None


def test_a_code_is_read_as_typed_and_refused_when_it_cannot_be_one():
    assert normal_code(" fest-23 ") == "FEST23"
    assert normal_code("FEST2") is None and normal_code("FEST20") is None    # 0 is not in the alphabet
