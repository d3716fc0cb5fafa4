"""``escapebox new NAAM``: start a scenario from a working, commented example.

Creates the folder with ``scenario.yaml`` (every puzzle kind once, in
Dutch), an ``images/`` folder and the editor schema, then says what to do
next.  An existing folder is never overwritten.
"""

from __future__ import annotations

import sys
from pathlib import Path

from escapebox.i18n import Translator
from escapebox.problems import errors


def add_parser(subparsers, tr: Translator):
    parser = subparsers.add_parser("new", help=tr("authoring.new.help"), description=tr("authoring.new.description"))
    parser.add_argument("name", metavar=tr("authoring.new.name_metavar"), help=tr("authoring.new.name_help"))
    return parser


def run(args, tr: Translator) -> int:
    from escapebox.authoring.starter import create_starter
    from escapebox.scenario.loader import load_scenario

    folder = Path(args.name)
    create_starter(folder)
    problems = _validate(load_scenario(folder))
    for problem in problems:
        print(problem.render(tr), file=sys.stderr)
    print(tr("authoring.new.done", folder=_quoted(folder), yaml=_quoted(folder / "scenario.yaml"),
             id=loaded_id(folder)))
    return 1 if errors(problems) else 0


def _quoted(path: Path) -> str:
    """Paths with spaces are shown in quotes, so the commands can be copied as they are."""
    return f'"{path}"' if " " in str(path) else str(path)


def loaded_id(folder: Path) -> str:
    from escapebox.authoring.starter import scenario_id
    return scenario_id(folder.name)


def _validate(loaded) -> list:
    """The starter must be clean; the validator says so when it is installed."""
    try:
        from escapebox.scenario.validator import validate
    except ModuleNotFoundError:
        return []
    return validate(loaded)
