"""argparse with its own words in Dutch (or English), so ``--help`` speaks the trainer's language.

argparse takes its fixed phrases ("usage:", "the following arguments are
required") from ``gettext``; we hand it our catalogue instead.
"""

from __future__ import annotations

import argparse

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
}


def install_translations(tr: Translator) -> None:
    def translate(message: str) -> str:
        key = _ARGPARSE_KEYS.get(message)
        return tr(key) if key and tr.has(key) else message

    argparse._ = translate  # argparse looks its phrases up through this name


class DutchArgumentParser(argparse.ArgumentParser):
    def __init__(self, *args, tr: Translator | None = None, **kwargs):
        self.tr = tr or Translator()
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", help=self.tr("cli.argparse.help"))
