"""The trainer's password of a pack, from a file, an environment variable or the terminal.

``escapebox pack`` chooses it (asked twice on a terminal; ``--password-file F`` or
:data:`ENVIRONMENT` for scripts; none: the pack has no trainer view).  ``walkthrough``,
``print`` and ``play`` take it the same way to open a pack's trainer view (``--password``
asks for it on the terminal).  The password itself is never printed or logged.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from escapebox.problems import EscapeboxError, Problem

#: For scripts and tests; a trainer at a terminal is asked instead.
ENVIRONMENT = "ESCAPEBOX_TRAINER_PASSWORD"
MAX_FILE_BYTES = 4096


class PasswordProblem(Exception):
    """A message for the trainer (already translated); the command exits with 1."""


def add_options(parser, tr, choosing: bool = False) -> None:
    parser.add_argument("--password-file", metavar=tr("authoring.password.file_metavar"), default=None,
                        help=tr("authoring.password.file_help_pack" if choosing else "authoring.password.file_help"))
    if not choosing:
        parser.add_argument("--password", action="store_true", help=tr("authoring.password.ask_help"))


def chosen_password(args, tr) -> str | None:
    """The password for a new pack, or ``None`` (no trainer view); :class:`PasswordProblem` when unusable."""
    from escapebox.pack.kdf import MIN_PASSWORD_CHARS  # only ``pack`` chooses one: ``play`` starts without the kdf
    password = _given(args, tr)
    if password is None and _terminal():
        password = _ask(tr("authoring.password.choose"))
        if password is not None and _ask(tr("authoring.password.again")) != password:
            raise PasswordProblem(tr("authoring.password.mismatch"))
    if password is not None and len(password) < MIN_PASSWORD_CHARS:
        raise PasswordProblem(tr("authoring.password.too_short", count=MIN_PASSWORD_CHARS))
    return password


def given_password(args, tr) -> str | None:
    """The password to open a pack's trainer view, or ``None``."""
    password = _given(args, tr)
    if password is None and getattr(args, "password", False):
        password = _ask(tr("authoring.password.ask"))
    return password


def _ask(prompt: str) -> str | None:
    """One line from the terminal without echo; nothing (Enter, Ctrl+D) is ``None``."""
    try:
        return getpass.getpass(prompt) or None
    except EOFError:
        return None


def open_for_trainer(path, args, tr):
    """The scenario at ``path``, a pack with its trainer view when the password was given."""
    from escapebox.pack.open import open_scenario
    return open_scenario(path, given_password(args, tr))


def require_answers(loaded) -> None:
    """Refuse, in words, to go on without the answers: a pack opened without its trainer password."""
    from escapebox.pack.open import has_answers
    from escapebox.pack.reader import has_trainer_view
    if has_answers(loaded):
        return
    view = has_trainer_view(loaded.source)
    code = "authoring.pack.needs_password" if view else "authoring.pack.needs_password_none"
    raise EscapeboxError([Problem(code, {}, file=str(loaded.source))])


def _given(args, tr) -> str | None:
    file = getattr(args, "password_file", None)
    if file:
        path = Path(file)
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise PasswordProblem(tr("authoring.password.unreadable", path=file, reason=exc.strerror or str(exc))) \
                from None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise PasswordProblem(tr("authoring.password.bad_file", path=file)) from None
        password = text.splitlines()[0] if text.splitlines() else ""
        if len(data) > MAX_FILE_BYTES or not password:
            raise PasswordProblem(tr("authoring.password.bad_file", path=file))
        return password
    return os.environ.get(ENVIRONMENT) or None


def _terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False
