"""``escapebox print MAP -o kaarten.pdf``: the scenario as printable A4 cards for a paper or hybrid box.

Rooms, objects (locked ones with a separate "inside" card), clues, items,
puzzles, dilemma choices, reflections and endings (with their variants), four
to a page with cut lines; the trainer's sheet follows on pages of its own:
answers with near misses and mistakes, the dilemmas' feedback and the debrief
(``--no-answers`` leaves out the answers only).  docs/printing.md tells the
trainer what is on each.  pygame is only imported when the command runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from escapebox.cli.password import add_options, open_for_trainer, require_answers


def add_parser(subparsers, tr):
    parser = subparsers.add_parser("print", help=tr("print.help"), description=tr("print.description"))
    parser.add_argument("path", metavar=tr("print.path_metavar"), help=tr("print.path_help"))
    parser.add_argument("-o", "--output", metavar=tr("print.output_metavar"), default=None,
                        help=tr("print.output_help"))
    parser.add_argument("--no-answers", action="store_true", help=tr("print.no_answers_help"))
    add_options(parser, tr)
    return parser


def run(args, tr) -> int:
    from escapebox.print.book import write_book

    loaded = open_for_trainer(Path(args.path), args, tr)  # EscapeboxError → its message, exit 1
    if not args.no_answers:
        require_answers(loaded)      # the answer sheet of a pack needs its trainer password
    output = Path(args.output) if args.output else Path(f"{loaded.scenario.id}-kaarten.pdf")
    if output.suffix.lower() != ".pdf":
        print(tr("print.bad_output", path=str(output)), file=sys.stderr)
        return 1
    try:
        count = write_book(loaded, tr, output, answers=not args.no_answers)
    except OSError as exc:
        print(tr("print.cannot_write", path=str(output), reason=exc.strerror or str(exc)), file=sys.stderr)
        return 1
    print(tr("print.done", path=str(output), pages=count))
    return 0
