"""argparse with its own words in Dutch (or English), so ``--help`` speaks the trainer's language.

argparse takes its fixed phrases ("usage:", "the following arguments are
required") from ``gettext``; our parsers hand it our catalogue instead, and only
while they run.
"""

from __future__ import annotations

import argparse
from contextlib import contextmanager
from functools import partial
from typing import Iterator

from escapebox.i18n import Translator

_ARGPARSE_KEYS = {
    "usage: ": "cli.argparse.usage",
    "positional arguments": "cli.argparse.positional",
    "options": "cli.argparse.options",
    "show this help message and exit": "cli.argparse.help",
    "the following arguments are required: %s": "cli.argparse.required",
    "unrecognized arguments: %s": "cli.argparse.unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli.argparse.invalid_choice",
    "expected one argument": "cli.argparse.expected_one",
    "%(prog)s: error: %(message)s\n": "cli.argparse.error",
    "invalid %(type)s value: %(value)r": "cli.argparse.invalid_value",
    "argument %(argument_name)s: %(message)s": "cli.argparse.argument",
    "not allowed with argument %s": "cli.argparse.not_allowed",
    "ignored explicit argument %r": "cli.argparse.ignored_explicit",
}


@contextmanager
def _phrases(tr: Translator) -> Iterator[None]:
    """argparse looks its phrases up through the module-level name ``argparse._``; we lend it
    ours only while one of our parsers works, so other parsers in the same process (a test
    runner's, a library's) keep their own words."""
    def translate(message: str) -> str:
        key = _ARGPARSE_KEYS.get(message)
        return tr(key) if key and tr.has(key) else message

    saved = argparse._
    argparse._ = translate
    try:
        yield
    finally:
        argparse._ = saved


class DutchArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose own phrases (usage, errors, group titles) come from ``tr``.

    Its subcommands' parsers are of this class too, with the same ``tr``.
    """

    def __init__(self, *args, tr: Translator | None = None, **kwargs):
        self.tr = tr or Translator()
        kwargs.setdefault("add_help", False)
        with _phrases(self.tr):
            super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", help=self.tr("cli.argparse.help"))

    def add_subparsers(self, **kwargs):
        kwargs.setdefault("parser_class", partial(DutchArgumentParser, tr=self.tr))
        with _phrases(self.tr):
            return super().add_subparsers(**kwargs)

    def parse_args(self, args=None, namespace=None):
        with _phrases(self.tr):
            return super().parse_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):
        with _phrases(self.tr):
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with _phrases(self.tr):
            return super().format_usage()

    def format_help(self) -> str:
        with _phrases(self.tr):
            return super().format_help()

    def error(self, message: str):
        with _phrases(self.tr):
            super().error(message)
