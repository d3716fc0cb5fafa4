"""``escapebox pack MAP -o naam.escapebox``: one file to share a scenario, without readable answers.

The scenario is validated first (a pack with errors helps nobody), then
packed (see :mod:`escapebox.pack`), then opened again the way a player's
computer will open it, so a pack that leaves this command is known to work.
"""

from __future__ import annotations

import sys
from pathlib import Path

from escapebox.i18n import Translator
from escapebox.pack.layout import SUFFIX, size_text
from escapebox.problems import errors, warnings


def add_parser(subparsers, tr: Translator):
    parser = subparsers.add_parser("pack", help=tr("authoring.pack.help"), description=tr("authoring.pack.description"))
    parser.add_argument("path", metavar=tr("authoring.pack.path_metavar"), help=tr("authoring.pack.path_help"))
    parser.add_argument("-o", "--output", metavar=tr("authoring.pack.output_metavar"), default=None,
                        help=tr("authoring.pack.output_help"))
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
        return _fail(tr("authoring.pack.not_packed", errors=len(errors(problems))))
    output = Path(args.output) if args.output else Path(f"{loaded.scenario.id}{SUFFIX}")
    if output.suffix != SUFFIX:
        return _fail(tr("authoring.pack.bad_output", path=str(output), suffix=SUFFIX))
    pack = build_pack(loaded)
    try:
        write_pack(pack, output)
    except OSError as exc:
        return _fail(tr("authoring.pack.cannot_write", path=str(output), reason=exc.strerror or str(exc)))
    if not _still_solvable(loaded, load_pack(output)):
        return _fail(tr("authoring.pack.verify_failed", path=str(output)))
    for puzzle, text in pack.visible:
        print(tr("authoring.pack.answer_visible", puzzle=puzzle, text=text), file=sys.stderr)
    files = len(pack.entries) - 2
    print(tr("authoring.pack.done", path=str(output), size=size_text(len(pack.data)), files=files,
             warnings=len(warnings(problems))))
    return 0


def _validate(loaded) -> list:
    """The lead's validator when present; packing still works without it."""
    try:
        from escapebox.authoring.checks import all_problems
    except ModuleNotFoundError:
        return []
    return all_problems(loaded)


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
