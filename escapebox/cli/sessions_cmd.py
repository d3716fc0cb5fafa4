"""``escapebox sessions list|export|import|delete``: the saved games on this computer.

A trainer collects the sessions of a festival from several laptops
(export there, import here), makes the report, and deletes them when the
debrief is done.  Deleting asks for confirmation on a terminal; without a
terminal (scripts, CI) it only deletes with ``--yes``; ``--all`` also deletes the
crash logs, which live in another folder and may quote what a group typed.  Nothing
printed here ever contains reflection text: only ids, names, times and counts.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from escapebox.core.exchange import import_session, read_export, write_export
from escapebox.core.store import SessionStore, open_store
from escapebox.i18n import LANGUAGES
from escapebox.paths import log_dir
from escapebox.privacy import crash_logs, delete_crash_logs, retention_days
from escapebox.problems import EscapeboxError, Problem


def add_parser(subparsers, tr):
    parser = subparsers.add_parser("sessions", help=tr("sessions.help"), description=tr("sessions.description"),
                                   tr=tr)
    actions = parser.add_subparsers(title=tr("cli.commands"), metavar=tr("cli.command_metavar"))
    _action(actions, "list", tr, _list)
    export = _action(actions, "export", tr, _export)
    export.add_argument("id", metavar="ID", help=tr("sessions.id_help"))
    export.add_argument("-o", "--output", metavar="BESTAND", help=tr("sessions.output_help"))
    imported = _action(actions, "import", tr, _import)
    imported.add_argument("files", nargs="+", metavar="BESTAND", help=tr("sessions.files_help"))
    delete = _action(actions, "delete", tr, _delete)
    delete.add_argument("ids", nargs="*", metavar="ID", help=tr("sessions.ids_help"))
    delete.add_argument("--all", action="store_true", help=tr("sessions.all_help"))
    delete.add_argument("--yes", "-y", action="store_true", help=tr("sessions.yes_help"))
    parser.set_defaults(action=None)
    return parser


def _action(actions, name: str, tr, handler):
    sub = actions.add_parser(name, help=tr(f"sessions.{name}_help"), description=tr(f"sessions.{name}_help"), tr=tr)
    sub.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=tr("cli.lang_help"))
    sub.set_defaults(action=handler)
    return sub


def run(args, tr) -> int:
    if args.action is None:
        print(tr("sessions.choose_action"), file=sys.stderr)
        return 2
    return args.action(args, tr, store_or_error())


def store_or_error() -> SessionStore:
    """The local store, or a message (not a crash) when the data folder cannot be used."""
    store, problem = open_store()
    if problem is not None and problem.code == "store.unavailable":
        problem = Problem("sessions.no_store", problem.params, file=problem.file)
    if problem is not None:
        raise EscapeboxError([problem])
    return store


# ----- list ----------------------------------------------------------------------------
def _group(info: dict, tr) -> str:
    """The group's name; a session the auto-player kept (``play --autoplay --save``) says so."""
    name = info["group_name"] or "–"
    return tr("sessions.autoplayed", group=name) if info.get("autoplayed") else name


def _list(args, tr, store: SessionStore) -> int:
    sessions = store.sessions()
    if not sessions:
        print(tr("sessions.empty"))
    else:
        counts = _reflection_counts(store)
        head = [tr(f"sessions.col_{c}") for c in ("id", "scenario", "group", "started", "updated", "finished",
                                                  "reflections")]
        rows = [[s["id"], s["scenario_id"], _group(s, tr), _when(s["created"]), _when(s["updated"]),
                 tr("sessions.yes") if s["finished"] else tr("sessions.no"), str(counts.get(s["id"], 0))]
                for s in sessions]
        print(_table(head, rows))
    print(tr("sessions.retention_note", days=retention_days(store.folder)))
    for problem in _damage(store, sessions):
        print(problem.render(tr), file=sys.stderr)
    return 0


def _damage(store: SessionStore, sessions: list[dict]) -> list[Problem]:
    """What is damaged in the file and in each session, each naming the session; the rest is usable."""
    from escapebox.core.resume import saved_rules_problem
    found = list(store.problems)
    for info in sessions:
        events, problems = store.read_events(info["id"])
        found += info["damage"] + problems
        against_rules = None if problems else saved_rules_problem(info, events, str(store.path))
        if against_rules is not None:
            found.append(against_rules)
    return found


def _reflection_counts(store: SessionStore) -> dict[str, int]:
    rows = store.db.execute("SELECT session_id, COUNT(*) FROM events WHERE type='ReflectionAnswered'"
                            " GROUP BY session_id")
    return dict(rows.fetchall())


def _when(text: str) -> str:
    try:
        return datetime.fromisoformat(text).strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return text or "–"


def _table(head: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(r[n])) for r in [head, *rows]) for n in range(len(head))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip() for row in [head, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


# ----- export / import ---------------------------------------------------------------------
def _export(args, tr, store: SessionStore) -> int:
    if store.session(args.id) is None:
        raise EscapeboxError([Problem("exchange.no_session", {"id": args.id})])
    path = Path(args.output or f"escapebox-sessie-{args.id}.json")
    try:
        write_export(store, args.id, path)
    except OSError as exc:
        raise EscapeboxError([Problem("sessions.cannot_write", {"reason": exc.strerror or type(exc).__name__},
                                      file=str(path))]) from None
    print(tr("sessions.exported", id=args.id, file=str(path)))
    print(tr("sessions.export_privacy"))
    return 0


def _import(args, tr, store: SessionStore) -> int:
    failed = 0
    for name in args.files:
        try:
            new_id = import_session(store, read_export(Path(name)))
        except EscapeboxError as exc:
            print(exc.render(tr), file=sys.stderr)
            failed += 1
            continue
        print(tr("sessions.imported", file=name, id=new_id))
    return 1 if failed else 0


# ----- delete -------------------------------------------------------------------------------
def _delete(args, tr, store: SessionStore) -> int:
    if bool(args.ids) == bool(args.all):
        print(tr("sessions.delete_what"), file=sys.stderr)
        return 2
    ids = [s["id"] for s in store.sessions()] if args.all else list(args.ids)
    unknown = [i for i in ids if store.session(i) is None]
    if unknown:
        raise EscapeboxError([Problem("exchange.no_session", {"id": i}) for i in unknown])
    logs = len(crash_logs()) if args.all else 0  # crash logs belong to no one session: only with --all
    if not ids and not logs:
        print(tr("sessions.empty"))
        return 0
    question = tr("sessions.confirm_all", count=len(ids), logs=logs) if logs else tr("sessions.confirm", count=len(ids))
    if not args.yes and not _confirm(question):
        print(tr("sessions.not_deleted"), file=sys.stderr)
        return 1
    for session_id in ids:
        store.delete(session_id)
    print(tr("sessions.deleted", count=len(ids)))
    if logs:
        print(tr("sessions.logs_deleted", count=delete_crash_logs(), folder=str(log_dir())))
    return 0


def _confirm(question: str) -> bool:
    """Ask on a terminal; without one (a script, CI) the answer is no."""
    try:
        if not sys.stdin or not sys.stdin.isatty():
            return False
        answer = input(f"{question} ")
    except (EOFError, OSError, ValueError):
        return False
    return answer.strip().lower() in {"j", "ja", "y", "yes"}
