"""``escapebox pack MAP -o naam.escapebox``: one file to share a scenario, without readable answers.

The scenario is validated first (a pack with errors helps nobody), with the
checks for what a pack cannot hide (short answers, answers in the scenario's
own text or in the names a pack keeps readable), the same as ``validate --pack``, then packed (see :mod:`escapebox.pack`) with the trainer's password
if one is given (:mod:`escapebox.cli.password`), then opened again the way a
player's computer will open it (and with the password, the way the trainer's
will), so a pack that leaves this command is known to work.
"""

from __future__ import annotations

import sys
from pathlib import Path

from escapebox.authoring.wording import counted
from escapebox.cli.password import PasswordProblem, add_options, chosen_password
from escapebox.i18n import Translator
from escapebox.pack.layout import SUFFIX, size_text
from escapebox.problems import errors, warnings


def add_parser(subparsers, tr: Translator):
    parser = subparsers.add_parser("pack", help=tr("authoring.pack.help"), description=tr("authoring.pack.description"))
    parser.add_argument("path", metavar=tr("authoring.pack.path_metavar"), help=tr("authoring.pack.path_help"))
    parser.add_argument("-o", "--output", metavar=tr("authoring.pack.output_metavar"), default=None,
                        help=tr("authoring.pack.output_help"))
    add_options(parser, tr, choosing=True)
    return parser


def run(args, tr: Translator) -> int:
    from escapebox.pack.reader import load_pack
    from escapebox.pack.writer import build_pack, write_pack
    from escapebox.pack.open import open_scenario

    source = Path(args.path)
    if source.suffix == SUFFIX:
        return _fail(tr("authoring.pack.already_packed", path=str(source)))
    loaded = open_scenario(source)
    problems = _validate(loaded)
    for problem in problems:
        print(problem.render(tr), file=sys.stderr)
    if errors(problems):
        return _fail(tr("authoring.pack.not_packed", errors=counted(tr, "validate.count.errors", len(errors(problems)))))
    output = Path(args.output) if args.output else Path(f"{loaded.scenario.id}{SUFFIX}")
    if output.suffix != SUFFIX:
        return _fail(tr("authoring.pack.bad_output", path=str(output), suffix=SUFFIX))
    try:
        password = chosen_password(args, tr)
    except PasswordProblem as exc:
        return _fail(str(exc))
    pack = build_pack(loaded, password=password)
    try:
        write_pack(pack, output)
    except OSError as exc:
        return _fail(tr("authoring.pack.cannot_write", path=str(output), reason=exc.strerror or str(exc)))
    if not _still_solvable(loaded, load_pack(output)) or (password and load_pack(output, password).scenario
                                                          != loaded.scenario):
        return _fail(tr("authoring.pack.verify_failed", path=str(output)))
    files = len(pack.entries) - (2 if pack.has_trainer_view else 1)
    # every warning, an answer readable in the pack's names too, was printed above with file:line:column
    print(tr("authoring.pack.done", path=str(output), size=size_text(len(pack.data)),
             files=counted(tr, "authoring.pack.files", files),
             warnings=counted(tr, "validate.count.warnings", len(warnings(problems)))))
    print(tr("authoring.pack.trainer_view" if pack.has_trainer_view else "authoring.pack.no_trainer_view"))
    return 0


def _validate(loaded) -> list:
    """Every check, with those for what a pack cannot hide."""
    from escapebox.authoring.checks import all_problems
    return all_problems(loaded, for_pack=True)


def _still_solvable(original, packed) -> bool:
    """Every puzzle of the pack accepts the original solution: hashing and reading agree."""
    for pid, puzzle in original.scenario.puzzles.items():
        again = packed.scenario.puzzles.get(pid)
        if again is None or not all(again.check(s).correct for s in puzzle.solutions()):
            return False
    return True


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1
