"""``escapebox pack`` on the command line: messages and exit codes."""

from __future__ import annotations

from escapebox.cli import main
from tests.authoring.helpers import make_starter


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
