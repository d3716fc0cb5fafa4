"""Finding the hub on the local network: mDNS/DNS-SD (zeroconf), with the typed address as fallback.

The hub advertises ``_escapebox._tcp.local.`` with the festival code in its
properties; a laptop started with ``--festival CODE`` and no ``--broker``
browses for it for :data:`FIND_TIMEOUT` seconds.  Networks that block
multicast (many guest Wi-Fi networks) find nothing: then the wall's address,
typed as ``--broker HOST:PORT``, always works (docs/festival.md).
"""

from __future__ import annotations

import logging
import socket
import threading
import time

from escapebox.festival import protocol as P

log = logging.getLogger(__name__)

SERVICE = "_escapebox._tcp.local."
#: seconds a laptop looks for the hub: an answer on a LAN comes within about 1 s (1.2 s measured on
#: loopback here, most of it zeroconf's start); 4 s leaves room for a busy Wi-Fi
FIND_TIMEOUT = 4.0


def lan_address() -> str:
    """This computer's address on the local network (what the wall shows), or 127.0.0.1 without one.

    Connecting a UDP socket sends nothing; it only makes the system choose the outgoing interface.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def _zeroconf(interfaces):
    from zeroconf import InterfaceChoice, IPVersion, Zeroconf
    return Zeroconf(interfaces=interfaces or InterfaceChoice.All, ip_version=IPVersion.V4Only)


class Advert:
    """The hub's announcement; :meth:`close` withdraws it."""

    def __init__(self, code: str, host: str, port: int, name: str = "", interfaces: list[str] | None = None):
        from zeroconf import ServiceInfo
        self._zc = _zeroconf(interfaces)
        self._info = ServiceInfo(SERVICE, f"Escapebox {code}.{SERVICE}", port=port,
                                 addresses=[socket.inet_aton(host)], server=f"escapebox-{code.lower()}.local.",
                                 properties={"code": code, "name": name[:60]})
        self._zc.register_service(self._info)

    def close(self) -> None:
        try:
            self._zc.unregister_service(self._info)
        finally:
            self._zc.close()


def find(code: str, timeout: float = FIND_TIMEOUT, interfaces: list[str] | None = None) -> tuple[str, int] | None:
    """The broker address of the festival with this code, or None when none answers in time."""
    from zeroconf import ServiceBrowser
    found: list[tuple[str, int]] = []
    done = threading.Event()

    class Listener:
        def add_service(self, zc, kind, name) -> None:
            info = zc.get_service_info(kind, name, timeout=int(timeout * 1000))
            if info is None or (info.properties or {}).get(b"code", b"").decode("ascii", "replace") != code:
                return
            addresses = info.parsed_addresses()
            if addresses and info.port:
                found.append((addresses[0], info.port))
                done.set()

        update_service = add_service

        def remove_service(self, zc, kind, name) -> None:
            pass

    zc = _zeroconf(interfaces)
    try:
        browser = ServiceBrowser(zc, SERVICE, Listener())
        done.wait(timeout)
        browser.cancel()
    finally:
        zc.close()
    return found[0] if found else None


def broker_for(code: str, typed: str | None, timeout: float = FIND_TIMEOUT) -> tuple[str, int] | None:
    """The typed ``HOST:PORT`` when given (it is never second-guessed), else the one zeroconf finds."""
    if typed:
        return P.parse_address(typed)
    started = time.monotonic()
    address = find(code, timeout)
    log.info("festival: zeroconf %s for %s in %.1f s", address, code, time.monotonic() - started)
    return address


def join_address(code_text: str, typed: str | None) -> tuple[str, tuple[str, int] | None, tuple[str, dict] | None]:
    """The festival code and the broker for ``play --festival`` and ``festival sync``, or the
    catalogue key and values of what is wrong (a code that cannot be one, an address that is
    none, no hub found)."""
    code = P.normal_code(code_text)
    if code is None:
        return "", None, ("festival.cli.bad_code", {"code": code_text, "length": P.CODE_LENGTH})
    if typed is not None and P.parse_address(typed) is None:
        return code, None, ("festival.cli.bad_address", {"address": typed})
    address = broker_for(code, typed)
    if address is None:
        return code, None, ("festival.cli.not_found", {"code": code})
    return code, address, None


#: seconds the picker's probe waits for the broker's answer and then for the hub's announcement;
#: both come within milliseconds on loopback and well under a second on a LAN (see JOIN_TIMEOUT in
#: escapebox.festival.publisher, which waits as long before saying the code is wrong)
PROBE_TIMEOUT = 5.0


def probe(host: str, port: int, code: str, timeout: float = PROBE_TIMEOUT) -> tuple[str | None, tuple[str, dict] | None]:
    """Whether the festival with ``code`` is on the broker at ``host:port``: its name, or the
    catalogue key and values of what is wrong (nothing answers, the code is refused, no hub).

    Logs in as a group does (a made-up game id and the code as password,
    :mod:`escapebox.festival.access`) with a clean session, reads the hub's retained
    announcement and leaves again: nothing is published, so the wall shows no group for it.
    """
    import paho.mqtt.client as mqtt
    address = f"{host}:{port}"
    answer: dict = {}
    connected, announced = threading.Event(), threading.Event()

    def on_connect(client, userdata, flags, reason, properties=None) -> None:
        answer["refused"] = bool(getattr(reason, "is_failure", False))
        if not answer["refused"]:
            client.subscribe(P.hub_topic(code), qos=1)
        connected.set()

    def on_message(client, userdata, message) -> None:
        try:
            answer["name"] = P.decode(message.payload, "festival").get("name") or ""
        except P.BadMessage as bad:
            log.warning("festival: refused the announcement on %s: %s", message.topic, bad.reason)
            return
        announced.set()

    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=f"escapebox-probe-{P.new_id()}",
                         clean_session=True)
    client.username_pw_set(f"probe-{P.new_id()}", code)
    client.on_connect, client.on_message = on_connect, on_message
    try:
        client.connect(host, port, keepalive=10)
    except (OSError, ValueError) as exc:       # refused, no route, a name that cannot be looked up
        return None, ("festival.join.unreachable_now", {"address": address, "reason": exc.strerror or str(exc)})
    client.loop_start()
    try:
        if not connected.wait(timeout):
            return None, ("festival.join.no_answer_now", {"address": address})
        if answer.get("refused") or not announced.wait(timeout):
            return None, ("festival.join.wrong_code", {"code": code, "address": address})
        return answer["name"], None
    finally:
        client.disconnect()
        client.loop_stop()


def join_festival(code_text: str, typed: str | None) -> tuple[str, tuple[str, int] | None, str, tuple[str, dict] | None]:
    """:func:`join_address`, then :func:`probe` at the address found: the code, the broker, the
    festival's name, or what is wrong (for the picker's "Meedoen met een leerfestival")."""
    code, address, problem = join_address(code_text, typed or None)
    if problem is not None:
        return code, None, "", problem
    name, problem = probe(*address, code)
    if problem is not None:
        return code, None, "", problem
    return code, address, name or "", None
