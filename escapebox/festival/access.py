"""Who may do what on the embedded broker: the festival code to join, and topics scoped per laptop.

Each festival run has its own credentials: a group's laptop logs in with its
session id as user name and the festival code as password, the hub with the
user name ``hub`` and a secret made when the festival starts (it never
leaves the trainer's computer).  A wrong code is refused at the door.  Then:

* a group publishes only on its own ``hello``, ``events``, ``status`` and
  ``reply`` topics, so it can neither send trainer commands nor speak for
  another group;
* a group subscribes to and receives only the ``hub`` announcement, its own
  ``ack`` and ``command`` topics and ``all/command``, so it never reads
  another group's events (and so its reflections);
* the hub may do everything within its festival.

:func:`allowed` is the rule; the two small amqtt plugins below apply it.  A
broker of one's own (Mosquitto, ``--broker``) has its own configuration for
this (docs/festival.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from amqtt.plugins.base import BaseAuthPlugin, BaseTopicPlugin

from escapebox.festival import protocol as P

HUB_USER = P.HUB_USER
GROUP_PUBLISHES = ("hello", "events", "status", "reply")
GROUP_READS = ("ack", "command")
_SESSION = re.compile(r"[0-9a-zA-Z_-]{1,40}\Z")


def may_join(code: str, hub_secret: str, username: str | None, password: str | None) -> bool:
    if username == HUB_USER:
        return bool(hub_secret) and password == hub_secret
    return bool(username) and bool(_SESSION.match(username)) and password == code


def allowed(code: str, username: str | None, topic: str, action: str) -> bool:
    """``action`` is "publish", "subscribe" or "receive" (amqtt's ``Action`` values)."""
    if username == HUB_USER:
        return topic.startswith(f"{P.PREFIX}/{code}/")
    if not username or not _SESSION.match(username):
        return False
    if action == "publish":
        return topic in {P.group_topic(code, username, part) for part in GROUP_PUBLISHES}
    return topic in {P.hub_topic(code), P.all_topic(code)} | {P.group_topic(code, username, part)
                                                              for part in GROUP_READS}


def broker_plugins(code: str, hub_secret: str) -> dict:
    """The ``plugins`` section of amqtt's configuration for one festival."""
    return {f"{__name__}.FestivalAuth": {"code": code, "hub_secret": hub_secret},
            f"{__name__}.FestivalTopics": {"code": code}}


class FestivalAuth(BaseAuthPlugin):
    @dataclass
    class Config:
        code: str = ""
        hub_secret: str = ""

    async def authenticate(self, *, session) -> bool:
        return may_join(self.config.code, self.config.hub_secret, session.username, session.password)


class FestivalTopics(BaseTopicPlugin):
    @dataclass
    class Config:
        code: str = ""

    async def topic_filtering(self, *, session=None, topic=None, action=None) -> bool:
        username = session.username if session is not None else None
        return topic is not None and allowed(self.config.code, username, topic, str(action))
