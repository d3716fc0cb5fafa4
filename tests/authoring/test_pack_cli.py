"""``escapebox pack`` on the command line: messages and exit codes, and the trainer's password."""

from __future__ import annotations

import getpass
import sys

import pytest

from escapebox.cli import main
from escapebox.cli.password import ENVIRONMENT
from escapebox.pack.reader import has_trainer_view
from tests.authoring.helpers import PASSWORD, make_starter


def test_pack_and_report(tmp_path, capsys):
    out = tmp_path / "deel" / "starter.escapebox"
    assert main(["pack", str(make_starter(tmp_path)), "-o", str(out)]) == 0
    assert out.is_file() and "escapebox play" in capsys.readouterr().out
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".tmp")]


def test_refuses_to_repack_a_pack(tmp_path, capsys):
    out = tmp_path / "a.escapebox"
    main(["pack", str(make_starter(tmp_path)), "-o", str(out)])
    capsys.readouterr()
    assert main(["pack", str(out), "-o", str(tmp_path / "b.escapebox")]) == 1
    assert "al een pakket" in capsys.readouterr().err


def test_refuses_a_wrong_suffix(tmp_path, capsys):
    assert main(["pack", str(make_starter(tmp_path)), "-o", str(tmp_path / "a.zip")]) == 1
    assert ".escapebox" in capsys.readouterr().err


def test_scenario_with_errors_is_not_packed(tmp_path, capsys):
    folder = make_starter(tmp_path)
    yaml = folder / "scenario.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("needs: [rooster]", "needs: [roostr]"), encoding="utf-8")
    assert main(["pack", str(folder), "-o", str(tmp_path / "a.escapebox")]) == 1
    err = capsys.readouterr().err
    assert "roostr" in err and "Er is geen pakket gemaakt" in err
    assert not (tmp_path / "a.escapebox").exists()


# ----- the trainer's password ---------------------------------------------------------------------------
@pytest.fixture(autouse=True)
def no_password_around(monkeypatch):
    monkeypatch.delenv(ENVIRONMENT, raising=False)


def _pack(tmp_path, capsys, *extra):
    out = tmp_path / "p.escapebox"
    code = main(["pack", str(make_starter(tmp_path)), "-o", str(out), *extra])
    return code, out, capsys.readouterr()


def test_without_a_password_the_pack_says_it_has_no_trainer_view(tmp_path, capsys):
    code, out, said = _pack(tmp_path, capsys)
    assert code == 0 and not has_trainer_view(out)
    assert "Zonder trainerswachtwoord" in said.out
    assert main(["walkthrough", str(out)]) == 1
    err = capsys.readouterr().err
    assert "zonder trainerswachtwoord" in err and "Traceback" not in err
    assert main(["--lang", "en", "walkthrough", str(out)]) == 1
    assert "without a trainer password" in capsys.readouterr().err


def test_a_password_file_gives_the_trainer_view(tmp_path, capsys):
    (tmp_path / "ww.txt").write_text(PASSWORD + "\n", encoding="utf-8")
    code, out, said = _pack(tmp_path, capsys, "--password-file", str(tmp_path / "ww.txt"))
    assert code == 0 and has_trainer_view(out) and "Met trainerswachtwoord" in said.out
    assert PASSWORD not in said.out + said.err
    assert main(["walkthrough", str(out)]) == 1
    assert "alleen met het trainerswachtwoord" in capsys.readouterr().err
    assert main(["walkthrough", str(out), "--password-file", str(tmp_path / "ww.txt")]) == 0
    assert "312" in capsys.readouterr().out                          # the starter's code, in the steps


def test_a_wrong_password_is_a_message(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(ENVIRONMENT, PASSWORD)
    code, out, _said = _pack(tmp_path, capsys)
    assert code == 0 and has_trainer_view(out)
    monkeypatch.setenv(ENVIRONMENT, "niet het wachtwoord")
    assert main(["walkthrough", str(out)]) == 1
    err = capsys.readouterr().err
    assert "klopt niet" in err and "Traceback" not in err
    (tmp_path / "leeg.txt").write_text("", encoding="utf-8")
    assert main(["walkthrough", str(out), "--password-file", str(tmp_path / "leeg.txt")]) == 1
    assert "geen wachtwoord" in capsys.readouterr().err
    assert main(["walkthrough", str(out), "--password-file", str(tmp_path / "weg.txt")]) == 1
    assert "kan niet worden gelezen" in capsys.readouterr().err


def test_on_a_terminal_the_password_is_asked_twice(tmp_path, capsys, monkeypatch):
    answers = iter([PASSWORD, PASSWORD])
    asked = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(getpass, "getpass", lambda prompt: asked.append(prompt) or next(answers))
    code, out, said = _pack(tmp_path, capsys)
    assert code == 0 and has_trainer_view(out) and len(asked) == 2
    answers = iter([PASSWORD, PASSWORD + "x"])
    code, _out, said = _pack(tmp_path / "b", capsys)
    assert code == 1 and "niet gelijk" in said.err
    answers = iter(["kort", "kort"])
    code, _out, said = _pack(tmp_path / "c", capsys)
    assert code == 1 and "te kort" in said.err
    answers = iter([""])                                             # Enter: no password, and it says so
    code, out, said = _pack(tmp_path / "d", capsys)
    assert code == 0 and not has_trainer_view(out) and "Zonder trainerswachtwoord" in said.out


def test_print_needs_the_password_for_the_answer_sheet(tmp_path, capsys):
    code, out, _said = _pack(tmp_path, capsys)
    assert main(["print", str(out), "-o", str(tmp_path / "k.pdf")]) == 1
    assert "zonder trainerswachtwoord" in capsys.readouterr().err and not (tmp_path / "k.pdf").exists()
