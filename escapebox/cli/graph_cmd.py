"""``escapebox graph MAP -o verloop.svg`` (or ``.png``): see how a scenario hangs together.

Rooms, exits and their locks, what each lock needs, where clues and items
are found, dilemma branches and endings, in one picture a trainer can put
next to the YAML or hand to a colleague who reviews the scenario.
"""

from __future__ import annotations

import sys
from pathlib import Path

from escapebox.i18n import Translator

SUFFIXES = (".svg", ".png")


def add_parser(subparsers, tr: Translator):
    parser = subparsers.add_parser("graph", help=tr("authoring.graph.help"),
                                   description=tr("authoring.graph.description"))
    parser.add_argument("path", metavar=tr("authoring.graph.path_metavar"), help=tr("authoring.graph.path_help"))
    parser.add_argument("-o", "--output", metavar=tr("authoring.graph.output_metavar"), default=None,
                        help=tr("authoring.graph.output_help"))
    return parser


def run(args, tr: Translator) -> int:
    from escapebox.authoring.graph.draw import draw
    from escapebox.pack.open import open_scenario

    loaded = open_scenario(Path(args.path))
    output = Path(args.output) if args.output else Path(f"{loaded.scenario.id}-verloop.svg")
    if output.suffix.lower() not in SUFFIXES:
        print(tr("authoring.graph.bad_output", path=str(output)), file=sys.stderr)
        return 1
    try:
        draw(loaded.scenario, output, tr)
    except OSError as exc:
        print(tr("authoring.graph.cannot_write", path=str(output), reason=exc.strerror or str(exc)), file=sys.stderr)
        return 1
    print(tr("authoring.graph.done", path=str(output)))
    return 0
