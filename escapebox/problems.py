"""Problems found in a trainer's files, kept in a form we can show in any language.

A :class:`Problem` stores a message *key* and its parameters rather than a
finished sentence, so ``escapebox validate --lang en`` and the Dutch play
screen can render the same finding.  ``EscapeboxError`` is the one exception
type that may leave the loader, the validator or the pack reader: the command
line turns it into a message and exit code 1, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from escapebox.i18n import Translator


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One finding: what is wrong (``code`` + ``params``) and where."""

    code: str
    params: dict = field(default_factory=dict, compare=False)
    severity: Severity = Severity.ERROR
    file: str = ""
    line: int | None = None
    column: int | None = None
    path: str = ""

    def message(self, tr: Translator) -> str:
        params = {k: _show(v, tr, self.params) for k, v in self.params.items()}
        # An optional phrase left empty ("{suggestion}" without a guess) must not leave a
        # trailing space: editors and the docs' copies of these lines compare them exactly.
        return tr(self.code, **params).rstrip()

    def location(self) -> str:
        where = self.file or "?"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def render(self, tr: Translator) -> str:
        """``file:line:column: [warning] path: message`` — the format editors understand."""
        label = tr("problems.warning") + ": " if self.severity is Severity.WARNING else ""
        path = f"{self.path}: " if self.path else ""
        return f"{self.location()}: {label}{path}{self.message(tr)}"

    def to_json(self, tr: Translator) -> dict:
        return {
            "severity": self.severity.value,
            "code": self.code,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "message": self.message(tr),
        }


def _show(value, tr: Translator, params: dict):
    """Lists become readable enumerations; ``@key|name`` params are translated too.

    That lets a message carry an optional phrase such as "did you mean 'x'?"
    that is itself in the reader's language.
    """
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, str) and value.startswith("@"):
        key, _, name = value[1:].partition("|")
        others = {k: v for k, v in params.items() if not (isinstance(v, str) and v.startswith("@"))}
        return tr(key, **{**others, "name": name})
    return value


class EscapeboxError(Exception):
    """Raised with one or more problems when a file cannot be used at all."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems[0].code if problems else "error")
        self.problems = problems

    def render(self, tr: Translator) -> str:
        return "\n".join(p.render(tr) for p in self.problems)


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.WARNING]
