"""The ``escapebox`` command: one subcommand per module in this package.

Each subcommand module offers ``add_parser(subparsers, tr)`` and
``run(args, tr) -> int``.  Exit codes: 0 ok, 1 the input is wrong (with a
message), 2 usage error, 141 the reader of the output went away (``escapebox
walkthrough x | head``: quietly, like any Unix tool that gets SIGPIPE).  A bad file never
shows a traceback: our own :class:`EscapeboxError` becomes its message, and an unexpected
crash becomes a short Dutch/English note with the path of a crash log.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from escapebox.cli.argparse_nl import DutchArgumentParser
    from escapebox.i18n import Translator

# The command line's own modules (argparse, the catalogues, the crash note: about 20 ms) are imported
# in the functions below, after a kept first frame is on screen (escapebox/ui/firstframe.py).

COMMANDS = ("play", "validate", "walkthrough", "schema", "new", "pack", "graph", "report", "sessions", "print",
            "icons", "svgtext", "bundle", "festival")
#: The exit code when the output's reader closed the pipe: what a shell reports for SIGPIPE (128 + 13).
CLOSED_PIPE = 141


def main(argv: list[str] | None = None) -> int:
    """Run one command; a closed pipe on standard output (``| head``) ends it quietly."""
    try:
        try:
            argv = list(sys.argv[1:] if argv is None else argv)
            return _main(argv, _first_frame(argv))
        finally:
            if sys.stdout is not None:  # None in a windowed Python (pythonw)
                sys.stdout.flush()  # here, not at exit, where a closed pipe would print a traceback
    except BrokenPipeError:
        _stdout_to_devnull()
        return CLOSED_PIPE


def _stdout_to_devnull() -> None:
    """Point standard output at the null device, so Python's flush at exit writes nowhere.

    As the Python documentation recommends for SIGPIPE (library/signal.html, "Note on SIGPIPE").
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file behind stdout (a test's capture)
        pass


def _first_frame(argv: list[str]):
    """``escapebox play FILE``: the picture its last start drew first, on screen before the rest loads."""
    if not argv or "play" not in argv:
        return None
    from escapebox.ui import firstframe
    return firstframe.start(argv)


def _main(argv: list[str], first_frame=None) -> int:
    from escapebox.cli.crash import report_crash
    from escapebox.cli.password import PasswordProblem
    from escapebox.i18n import Translator
    from escapebox.problems import EscapeboxError
    tr = Translator(_language_from(argv))
    parser = build_parser(tr, only=_command_from(argv))
    args = parser.parse_args(argv)
    args.first_frame = first_frame      # escapebox play draws its own first frame over it
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return args.run(args, tr)
    except EscapeboxError as exc:
        print(exc.render(tr), file=sys.stderr)
        return 1
    except PasswordProblem as exc:     # already in the trainer's words
        print(exc, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        raise  # the reader went away: not a crash (main ends quietly)
    except Exception as exc:  # noqa: BLE001 — the last line of defence for users
        print(report_crash(exc, tr), file=sys.stderr)
        return 1


def build_parser(tr: Translator, only: str | None = None) -> DutchArgumentParser:
    """All subcommands, or with ``only`` just that one: ``escapebox play`` then does not import
    the report, pack and session modules before its window opens (docs/performance.md)."""
    import argparse

    from escapebox.cli.argparse_nl import DutchArgumentParser
    from escapebox.i18n import LANGUAGES
    parser = DutchArgumentParser(prog="escapebox", description=tr("cli.description"), tr=tr)
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help=tr("cli.lang_help"))
    subparsers = parser.add_subparsers(title=tr("cli.commands"), metavar=tr("cli.command_metavar"))
    for name in (only,) if only else COMMANDS:
        module = _command_module(name)
        if module is not None:
            sub = module.add_parser(subparsers, tr)
            sub.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=tr("cli.lang_help"))
            sub.set_defaults(run=module.run)
    return parser


def _command_module(name: str):
    try:
        return importlib.import_module(f"escapebox.cli.{name}_cmd")
    except ModuleNotFoundError as exc:
        if exc.name == f"escapebox.cli.{name}_cmd":
            return None
        raise


def _command_from(argv: list[str]) -> str | None:
    """The subcommand named on the command line, if it is one we know (else every one is loaded)."""
    for index, arg in enumerate(argv):
        if arg == "--lang" or arg.startswith("-"):
            continue
        if index > 0 and argv[index - 1] == "--lang":
            continue
        return arg if arg in COMMANDS else None
    return None


def _language_from(argv: list[str]) -> str:
    for index, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
    return "nl"
