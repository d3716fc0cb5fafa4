"""``escapebox festival``: the trainer's wall and broker; ``sync``: catch a laptop up; ``report``: compare the groups.

``escapebox festival`` starts the embedded broker on this computer (or uses
``--broker HOST:PORT``, e.g. Mosquitto), the hub that stores every group's
events in the hub's own store, the zeroconf announcement, and the wall
window, which shows the festival code and the address groups type when
zeroconf finds nothing.  Groups join with ``escapebox play --festival CODE``.

``escapebox festival sync CODE`` sends the games saved on this laptop to the
festival's hub (a laptop that was offline while its group played), waits
until the hub confirmed every event, and says so per game.
``escapebox festival report CODE -o verslag.html`` is ``escapebox report``
made from the hub's store.  docs/festival.md describes all three.
"""

from __future__ import annotations

import secrets
import sys
import time
from datetime import datetime
from pathlib import Path

from escapebox.festival import protocol as P

#: seconds ``festival sync`` waits for the hub to confirm a game: a whole game is a few hundred
#: events in a handful of messages, confirmed in well under a second on a LAN
SYNC_TIMEOUT = 30.0
#: ``festival sync`` sends the games of the last day (one festival) unless told which
SYNC_HOURS = 24


def add_parser(subparsers, tr):
    parser = subparsers.add_parser("festival", help=tr("festival.cli.help"), description=tr("festival.cli.description"),
                                   tr=tr)
    parser.add_argument("--name", default="", help=tr("festival.cli.name_help"))
    parser.add_argument("--code", default=None, help=tr("festival.cli.code_help"))
    parser.add_argument("--port", type=int, default=P.DEFAULT_PORT, help=tr("festival.cli.port_help"))
    parser.add_argument("--broker", metavar="HOST:PORT", default=None, help=tr("festival.cli.broker_help"))
    parser.add_argument("--no-zeroconf", action="store_true", help=tr("festival.cli.no_zeroconf_help"))
    parser.add_argument("--beamer", action="store_true", help=tr("ui.play.beamer_help"))
    parser.add_argument("--window", metavar="BxH", default="1280x720", help=tr("ui.play.window_help"))
    actions = parser.add_subparsers(title=tr("cli.commands"), metavar=tr("cli.command_metavar"))
    sync = actions.add_parser("sync", help=tr("festival.cli.sync_help"), description=tr("festival.cli.sync_help"),
                              tr=tr)
    sync.add_argument("festival_code", metavar="CODE", help=tr("festival.cli.festival_help"))
    sync.add_argument("--broker", metavar="HOST:PORT", default=None, help=tr("festival.cli.broker_help"))
    sync.add_argument("--session", action="append", default=None, metavar="ID", help=tr("festival.cli.session_help"))
    sync.set_defaults(action="sync")
    report = actions.add_parser("report", help=tr("festival.cli.report_help"),
                                description=tr("festival.cli.report_help"), tr=tr)
    report.add_argument("festival_code", metavar="CODE", help=tr("festival.cli.festival_help"))
    report.add_argument("-o", "--output", metavar="BESTAND", required=True, help=tr("report.output_help"))
    report.add_argument("--scenario", metavar="SCENARIO", default=None, help=tr("festival.cli.scenario_help"))
    report.set_defaults(action="report")
    parser.set_defaults(action="wall")
    return parser


def run(args, tr) -> int:
    if args.action == "sync":
        return sync(args, tr)
    if args.action == "report":
        return report(args, tr)
    return wall(args, tr)


def _error(tr, key: str, **params) -> int:
    print(tr(key, **params), file=sys.stderr)
    return 2


# ----- the trainer's wall ---------------------------------------------------------------------------------------
def wall(args, tr) -> int:
    from escapebox.festival.broker import BrokerFailed, EmbeddedBroker
    from escapebox.festival.discovery import lan_address
    code = P.normal_code(args.code) if args.code else P.new_code()
    if code is None:
        return _error(tr, "festival.cli.bad_code", code=args.code, length=P.CODE_LENGTH)
    broker, secret = None, ""
    if args.broker is not None:
        target = P.parse_address(args.broker)
        if target is None:
            return _error(tr, "festival.cli.bad_address", address=args.broker)
        host, port = target
        shown = f"{host}:{port}"
    else:
        # this run's own hub login; groups log in with the festival code (escapebox.festival.access)
        secret = secrets.token_urlsafe(24)
        try:   # every interface: the groups' laptops connect over the LAN
            broker = EmbeddedBroker("0.0.0.0", args.port, code=code, hub_secret=secret).start()
        except BrokerFailed as exc:
            return _error(tr, "festival.cli.broker_failed", port=args.port, reason=str(exc))
        host, port = "127.0.0.1", args.port
        shown = f"{lan_address()}:{port}"
    try:
        return _run_wall(args, tr, code, host, port, shown, secret)
    finally:
        if broker is not None:
            broker.stop()


def _run_wall(args, tr, code: str, host: str, port: int, shown: str, secret: str) -> int:
    from escapebox.festival.hub import Hub
    from escapebox.festival.hub_store import HubStore
    store = HubStore()
    hub = Hub(host, port, code, store, name=args.name, secret=secret).start()
    advert = None if args.no_zeroconf else _advertise(tr, code, shown, args.name)
    print(tr("festival.cli.started", code=code, address=shown))
    try:
        from escapebox.cli.play_cmd import _window_size
        from escapebox.ui.app import run_loop
        from escapebox.ui.festival.wall import wall_app
        app = wall_app(hub, code, shown, beamer=args.beamer, window=_window_size(args.window),
                       language=args.lang)
        try:
            return run_loop(app.run())
        finally:
            app.close()
    finally:
        if advert is not None:
            advert.close()
        hub.close()
        store.close()


def _advertise(tr, code: str, shown: str, name: str):
    from escapebox.festival.discovery import Advert
    host, port = P.parse_address(shown)
    try:
        return Advert(code, host, port, name)
    except (OSError, ValueError) as exc:      # no multicast here: the typed address still works
        print(tr("festival.cli.no_zeroconf", reason=str(exc), address=shown), file=sys.stderr)
        return None


# ----- catching a laptop up -------------------------------------------------------------------------------------
def sync(args, tr) -> int:
    from escapebox.festival.discovery import join_address
    code, address, problem = join_address(args.festival_code, args.broker)
    if problem:
        print(tr(problem[0], **problem[1]), file=sys.stderr)
        return 2
    from escapebox.core.store import open_store
    store, store_problem = open_store()
    if store is None:
        print(tr(store_problem.code, **store_problem.params), file=sys.stderr)
        return 1
    try:
        games = _games(store, args.session)
        if not games:
            print(tr("festival.cli.nothing_to_sync", hours=SYNC_HOURS))
            return 0
        failed = sum(not _sync_one(tr, store, code, address, info) for info in games)
    finally:
        store.close()
    return 1 if failed else 0


def _games(store, wanted: list[str] | None) -> list[dict]:
    if wanted:
        return [info for info in store.sessions() if info["id"] in wanted]
    since = time.time() - SYNC_HOURS * 3600
    return [info for info in store.sessions() if _when(info["updated"]) >= since]


def _when(text: str) -> float:
    try:
        return datetime.fromisoformat(text).timestamp()
    except (TypeError, ValueError):
        return 0.0


def _sync_one(tr, store, code: str, address: tuple[str, int], info: dict) -> bool:
    from escapebox.festival.publisher import Publisher
    group = info["group_name"] or info["id"]
    publisher = Publisher(*address, code, info["id"], store.path,
                          {"group": info["group_name"], "scenario": _facts(info)}).start()
    try:
        end = time.monotonic() + SYNC_TIMEOUT
        while time.monotonic() < end and not (publisher.joined and publisher.caught_up()):
            time.sleep(0.05)
        for notice in publisher.notices():
            if notice.key != "festival.join.joined":
                print(tr(notice.key, **notice.params), file=sys.stderr)
        if publisher.joined and publisher.caught_up():
            print(tr("festival.cli.synced", group=group, count=publisher.confirmed + 1))
            return True
        print(tr("festival.cli.not_synced", group=group, address=f"{address[0]}:{address[1]}"), file=sys.stderr)
        return False
    finally:
        publisher.close()


def _facts(info: dict) -> dict:
    """The scenario's facts for the wall, from the scenario file when it is still there."""
    from escapebox.festival.publisher import scenario_facts
    from escapebox.problems import EscapeboxError
    from escapebox.scenario.loader import load_scenario
    try:
        return scenario_facts(load_scenario(Path(info["scenario_path"])))
    except (EscapeboxError, OSError):    # moved, broken or a pack: the events still go, the wall shows less
        return {"id": info["scenario_id"], "title": info["scenario_title"], "locks": 0, "time_limit": None,
                "rooms": {}, "puzzles": {}}


# ----- the group comparison from the hub -----------------------------------------------------------------
def report(args, tr) -> int:
    """``escapebox festival report CODE -o verslag.html``: ``escapebox report`` over the hub's store."""
    from datetime import datetime as clock
    from escapebox.cli.report_cmd import _write
    from escapebox.festival.comparison import report_sessions, scenario_ids
    from escapebox.festival.hub_store import HubStore
    from escapebox.pack.open import open_scenario
    from escapebox.report.html import render_html
    from escapebox.report.markdown import render_markdown
    code = P.normal_code(args.festival_code)
    if code is None:
        return _error(tr, "festival.cli.bad_code", code=args.festival_code, length=P.CODE_LENGTH)
    store = HubStore()
    try:
        ids = scenario_ids(store, code)
        if args.scenario is None and len(ids) > 1:
            return _error(tr, "report.several_scenarios", ids=ids)
        name = args.scenario or (ids[0] if ids else None)
        if name is None:
            return _error(tr, "festival.cli.no_groups", code=code)
        loaded = open_scenario(name)      # EscapeboxError: the message, exit 1
        sessions = report_sessions(store, code, loaded, tr)
    finally:
        store.close()
    render = render_markdown if args.output.lower().endswith(".md") else render_html
    _write(Path(args.output), render(sessions, tr, clock.now().strftime(tr("report.date_format"))), tr)
    print(tr("report.written", count=len(sessions), files=args.output))
    return 0
