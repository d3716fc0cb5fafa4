"""``escapebox new NAAM``: start a scenario from a working, commented example.

Creates the folder with ``scenario.yaml`` (every puzzle kind once, in
Dutch), an ``images/`` folder and the editor schema, checks it with the
validator, then says what to do next.  An existing folder is never
overwritten.
"""

from __future__ import annotations

import sys
from pathlib import Path

from escapebox.cli.argparse_nl import DutchArgumentParser
from escapebox.i18n import Translator
from escapebox.problems import errors


def add_parser(subparsers, tr: Translator):
    parser = subparsers.add_parser("new", help=tr("authoring.new.help"), description=tr("authoring.new.description"))
    parser.add_argument("name", metavar=tr("authoring.new.name_metavar"), help=tr("authoring.new.name_help"))
    return parser


def run(args, tr: Translator) -> int:
    from escapebox.authoring.starter import create_starter, quoted, scenario_id
    from escapebox.scenario.loader import load_scenario

    folder = Path(args.name)
    play_options = " --dev" if _play_has_dev(tr) else ""
    create_starter(folder, play_options)
    problems = _validate(load_scenario(folder))
    for problem in problems:
        print(problem.render(tr), file=sys.stderr)
    print(tr("authoring.new.done", folder=quoted(folder), yaml=quoted(folder / "scenario.yaml"),
             id=scenario_id(folder.name), play=play_options))
    return 1 if errors(problems) else 0


def _validate(loaded) -> list:
    """The starter must be clean; the validator says so when it is installed."""
    try:
        from escapebox.authoring.checks import all_problems
    except ModuleNotFoundError:
        return []
    return all_problems(loaded)


def _play_has_dev(tr: Translator) -> bool:
    """Advise ``play --dev`` (reload on save) only when this version's play command offers it."""
    try:
        from escapebox.cli import play_cmd
        parser = play_cmd.add_parser(DutchArgumentParser(tr=tr).add_subparsers(), tr)
    except Exception:  # noqa: BLE001 — a missing or half-built play command must not stop 'new'
        return False
    return any("--dev" in action.option_strings for action in parser._actions)
