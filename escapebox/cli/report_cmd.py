"""``escapebox report SESSION... -o verslag.html``: the debrief report for one or more groups.

SESSION is a session id from this computer's store or an exported session
file (``escapebox sessions export``); they can be mixed, so a trainer can
collect the groups of a festival from several laptops.  Without ``-o`` the
report goes to standard output; with only ``--csv`` just the CSV is written.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from escapebox.cli.sessions_cmd import store_or_error
from escapebox.problems import EscapeboxError, Problem
from escapebox.report.csv_out import render_csv
from escapebox.report.html import render_html
from escapebox.report.markdown import render_markdown
from escapebox.report.sources import collect


def add_parser(subparsers, tr):
    parser = subparsers.add_parser("report", help=tr("report.help"), description=tr("report.description"), tr=tr)
    parser.add_argument("sessions", nargs="*", metavar="SESSIE", help=tr("report.sessions_help"))
    parser.add_argument("-o", "--output", metavar="BESTAND", help=tr("report.output_help"))
    parser.add_argument("--format", choices=("html", "md"), default=None, help=tr("report.format_help"))
    parser.add_argument("--csv", metavar="BESTAND", help=tr("report.csv_help"))
    parser.add_argument("--all", action="store_true", help=tr("report.all_help"))
    parser.add_argument("--scenario", metavar="ID", help=tr("report.scenario_help"))
    return parser


def run(args, tr) -> int:
    if not args.sessions and not args.all and not args.scenario:
        print(tr("report.nothing_chosen"), file=sys.stderr)
        return 2
    warnings: list[Problem] = []
    try:
        sessions = collect(args.sessions, store_or_error, tr, everything=args.all or bool(args.scenario),
                           scenario_id=args.scenario, warnings=warnings)
    finally:
        for problem in warnings:        # damaged saves: reported on what could be read, and said
            print(problem.render(tr), file=sys.stderr)
    generated = datetime.now().strftime(tr("report.date_format"))
    if args.csv:
        _write(Path(args.csv), render_csv(sessions), tr)
    if args.output or not args.csv:
        kind = args.format or ("md" if (args.output or "").lower().endswith(".md") else "html")
        render = render_markdown if kind == "md" else render_html
        text = render(sessions, tr, generated)
        if args.output:
            _write(Path(args.output), text, tr)
        else:
            sys.stdout.write(text)
    if args.output or args.csv:
        print(tr("report.written", count=len(sessions), files=", ".join(f for f in (args.output, args.csv) if f)))
    return 0


def _write(path: Path, text: str, tr) -> None:
    """Write the whole file or say why not; the message names the file, never its content."""
    try:
        path.write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise EscapeboxError([Problem("report.cannot_write", {"reason": exc.strerror or type(exc).__name__},
                                      file=str(path))]) from None
