"""The embedded MQTT broker: amqtt, run on an asyncio loop in a thread of its own.

The trainer's Escapebox starts it by default, so a festival needs nothing
installed beyond Escapebox; a larger setup points at Mosquitto instead
(``--broker HOST:PORT``) and never starts this one.  The wall's pygame loop
never waits for it: :meth:`EmbeddedBroker.start` returns once the listener is
open (or raises :class:`BrokerFailed` with the reason), and :meth:`stop`
shuts it down within :data:`STOP_TIMEOUT` seconds.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading

#: seconds to wait for the listener to open or to close: amqtt opens a loopback listener in about
#: 0.1 s on this 2-core machine under load; 10 s leaves room without hanging a test or the wall
START_TIMEOUT = 10.0
STOP_TIMEOUT = 10.0


log = logging.getLogger(__name__)


def _quiet(loop, context: dict) -> None:
    """amqtt 0.12 lets an error in one client's task escape (seen under 30 clients connecting at once:
    "dictionary changed size during iteration"); that client is dropped and reconnects, so it is
    logged, not printed as a traceback in the trainer's terminal."""
    log.info("festival broker: %s", context.get("exception") or context.get("message"))


class BrokerFailed(OSError):
    """The broker could not start (the port is taken, the address is not ours)."""


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that was free a moment ago (for tests and for a festival started without a port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def broker_config(host: str, port: int, code: str | None = None, hub_secret: str = "") -> dict:
    """amqtt's configuration: one TCP listener and, for a festival, its own credentials and topic
    rules (:mod:`escapebox.festival.access`); no $SYS topics and no packet logging (a festival is quiet)."""
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    if code is None:     # a bare broker (the tests of the broker itself)
        plugins = {"amqtt.plugins.authentication.AnonymousAuthPlugin": {"allow_anonymous": True}}
    else:
        from escapebox.festival.access import broker_plugins
        plugins = broker_plugins(code, hub_secret)
    return {"listeners": {"default": {"type": "tcp", "bind": bind}}, "plugins": plugins}


def _festival_broker(broker_class):
    """amqtt's broker, with retained messages checked like live ones.

    amqtt 0.12 sends a client, when it connects, the retained messages of every topic filter any
    client subscribed to, without asking the topic rules (``Broker._handle_client_session``): a
    group's laptop would receive every other group's hello and status.  Here each retained message
    passes the same ``receive`` check as a live one (tests/festival/test_access.py).
    """
    from amqtt.contexts import Action

    class FestivalBroker(broker_class):
        async def _publish_retained_messages_for_subscription(self, subscription, session) -> None:
            topic_filter, qos = subscription
            handler = self._get_handler(session)
            if handler is None:
                return
            tasks = [asyncio.ensure_future(handler.mqtt_publish(retained.topic, retained.data,
                                                                min(qos, retained.qos or qos), retain=True))
                     for topic, retained in list(self._retained_messages.items())
                     if self._matches(topic, topic_filter)
                     and await self._topic_filtering(session, topic, Action.RECEIVE)]
            if tasks:
                await asyncio.wait(tasks)

    return FestivalBroker


class EmbeddedBroker:
    def __init__(self, host: str = "127.0.0.1", port: int = 1883, code: str | None = None, hub_secret: str = ""):
        self.host, self.port = host, port
        self.code, self.hub_secret = code, hub_secret
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._broker = None
        self._ready = threading.Event()
        self._failure: BaseException | None = None

    @property
    def address(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"

    def start(self) -> "EmbeddedBroker":
        # amqtt logs every connection at INFO and a dropped client as an ERROR with a traceback;
        # the hub reports what a trainer needs to know itself
        logging.getLogger("amqtt").setLevel(logging.CRITICAL)
        self._ready.clear()
        self._failure = None
        self._thread = threading.Thread(target=self._run, name="festival-broker", daemon=True)
        self._thread.start()
        if not self._ready.wait(START_TIMEOUT):
            raise BrokerFailed(f"the broker did not start within {START_TIMEOUT:.0f} s")
        if self._failure is not None:
            self._thread.join(STOP_TIMEOUT)
            raise BrokerFailed(str(self._failure) or type(self._failure).__name__)
        return self

    def _run(self) -> None:
        from amqtt.broker import Broker
        loop = self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        loop.set_exception_handler(_quiet)

        async def start() -> None:
            self._broker = _festival_broker(Broker)(broker_config(self.host, self.port, self.code, self.hub_secret),
                                                    loop=loop)
            await self._broker.start()

        try:
            loop.run_until_complete(start())
        except BaseException as exc:   # amqtt wraps an OSError in its own BrokerError: report either
            self._failure = exc
            self._ready.set()
            loop.close()
            return
        self._ready.set()
        loop.run_forever()
        loop.close()

    def stop(self) -> None:
        loop, thread = self._loop, self._thread
        if loop is None or thread is None or not thread.is_alive():
            return

        async def shutdown() -> None:
            try:
                await self._broker.shutdown()
            finally:
                loop.stop()

        asyncio.run_coroutine_threadsafe(shutdown(), loop)
        thread.join(STOP_TIMEOUT)
        self._loop = self._thread = self._broker = None

    def __enter__(self) -> "EmbeddedBroker":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
