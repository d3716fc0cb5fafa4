"""Bad input from the network is refused with a reason from the catalogue, never raised past the receiver."""

from __future__ import annotations

import pytest

from escapebox.festival import protocol as P
from escapebox.i18n import Translator
from tests.festival.conftest import CODE, wait_until

GOOD_STATUS = {"session": "s1", "online": True, "clock": 3.5, "remaining": None, "paused": False, "ended": False}


@pytest.mark.parametrize("payload, reason", [
    (b"x" * (P.MAX_BYTES + 1), "festival.bad.too_big"),
    (b"\xff\xfe", "festival.bad.not_json"),
    (b"[1, 2]", "festival.bad.not_json"),
    (b'{"v": 2, "kind": "status"}', "festival.bad.version"),
    (P.encode("ack", session="s1", upto=3), "festival.bad.kind"),
    (P.encode("status", **{**GOOD_STATUS, "clock": "soon"}), "festival.bad.field"),
    (P.encode("status", **{**GOOD_STATUS, "paused": 1}), "festival.bad.field"),
    (P.encode("status", **{**GOOD_STATUS, "session": "../../x"}), "festival.bad.field"),
])
def test_a_bad_message_is_refused_with_its_reason(payload, reason):
    with pytest.raises(P.BadMessage) as refused:
        P.decode(payload, "status")
    assert refused.value.reason == reason
    for lang in ("nl", "en"):                 # every reason reads as a sentence in both languages
        assert "{" not in Translator(lang)(reason, **refused.value.params)


def test_a_good_message_reads_back():
    assert P.decode(P.encode("status", **GOOD_STATUS), "status")["clock"] == 3.5


def test_commands_are_checked_before_they_leave():
    with pytest.raises(P.BadMessage):
        P.command("time", seconds=0)
    with pytest.raises(P.BadMessage):
        P.command("message", text="x" * (P.MAX_TEXT + 1))
    assert P.decode(P.command("hint", puzzle=None), "command")["action"] == "hint"


def test_the_hub_refuses_garbage_and_strangers_and_goes_on(hub, laptops):
    client = hub._client
    client.publish(P.group_topic(CODE, "s9", "events"), b"not json", qos=1)
    client.publish(P.group_topic(CODE, "s9", "events"), P.encode("events", session="s9", events=[]), qos=1)
    client.publish(P.group_topic(CODE, "s9", "hello"), P.encode("status", **GOOD_STATUS), qos=1)
    assert wait_until(lambda: len(hub.refusals) >= 3)
    reasons = {reason for _, reason, _ in hub.refusals}
    assert {"festival.bad.not_json", "festival.bad.unknown_session", "festival.bad.kind"} <= reasons
    laptop = laptops()                       # and a real group still gets through
    laptop.publisher.start()
    assert wait_until(lambda: hub.store.upto(laptop.session.session_id) == laptop.rows()[-1][0])
