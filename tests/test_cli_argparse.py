"""Our parsers speak the trainer's language; argparse itself is left as it was found."""

from __future__ import annotations

import argparse

import pytest

from escapebox.cli import build_parser, main
from escapebox.i18n import Translator


def test_our_parser_speaks_dutch_and_a_plain_parser_stays_english(capsys):
    before = argparse._
    with pytest.raises(SystemExit):
        build_parser(Translator("nl")).parse_args(["validate"])
    assert "deze argumenten zijn verplicht: PAD" in capsys.readouterr().err
    assert argparse._ is before
    plain = argparse.ArgumentParser(prog="other")
    plain.add_argument("thing")
    assert plain.format_usage().startswith("usage: other")
    with pytest.raises(SystemExit):
        plain.parse_args([])
    assert "the following arguments are required: thing" in capsys.readouterr().err


@pytest.mark.parametrize("argv, expected", [
    (["play", "--bogus"], "onbekende argumenten: --bogus"),
    (["sessions", "bogus"], "ongeldige keuze: 'bogus'"),
    (["validate", "x", "--strict=3"], "neemt geen waarde: '3'"),
    (["--lang", "en", "validate"], "the following arguments are required: PAD"),
])
def test_every_phrase_of_a_usage_error_is_translated(capsys, argv, expected):
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert expected in err
    assert ("Gebruik:" in err) == ("en" not in argv)


def test_subcommand_help_uses_the_chosen_language(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "en", "sessions", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("usage: escapebox sessions") and "show this help message and exit" in out
    with pytest.raises(SystemExit):
        main(["sessions", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("Gebruik: escapebox sessions") and "toon deze hulp en stop" in out
