"""File names a pack cannot carry: Windows' reserved names and bidirectional controls, refused at ``pack``.

The same names are refused when a pack is opened (tests/hostile_archives, the bad-input corpus);
here the trainer's own folder names them, and ``escapebox pack`` says which file and why.
"""

from __future__ import annotations

import pytest

from escapebox.cli import main
from escapebox.i18n import Translator
from escapebox.problems import EscapeboxError
from tests.authoring.helpers import make_starter, pack_folder

WINDOWS = ["CON.svg", "nul.svg", "Com1.svg", "lpt9.tar.svg", "CONIN$.svg", "conout$.svg", "AUX .svg"]


def _renamed(tmp_path, new_name: str, written: str | None = None):
    folder = make_starter(tmp_path)
    (folder / "images" / "teampost.svg").rename(folder / "images" / new_name)
    yaml = folder / "scenario.yaml"
    text = yaml.read_text(encoding="utf-8")
    yaml.write_text(text.replace("image: images/teampost.svg", f"image: {written or 'images/' + new_name}"),
                    encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", WINDOWS)
def test_windows_reserved_names_are_refused_at_pack(tmp_path, name):
    folder = _renamed(tmp_path, name, written=f'"images/{name}"')
    with pytest.raises(EscapeboxError) as caught:
        pack_folder(folder, tmp_path / "p.escapebox")
    problem = caught.value.problems[0]
    assert problem.code == "authoring.pack.windows_file_name" and problem.params["file"] == f"images/{name}"
    assert not (tmp_path / "p.escapebox").exists()
    for lang in ("nl", "en"):
        assert f"images/{name}" in problem.message(Translator(lang))


def test_bidi_controls_in_a_name_are_refused_at_pack(tmp_path):
    # written as an escape in the YAML (the YAML reader refuses the character itself in the file)
    folder = _renamed(tmp_path, "foto\u202egvs.svg", written='"images/foto\\u202egvs.svg"')
    with pytest.raises(EscapeboxError) as caught:
        pack_folder(folder, tmp_path / "p.escapebox")
    problem = caught.value.problems[0]
    assert problem.code == "authoring.pack.bidi_file_name"
    assert problem.params["file"] == "images/foto<U+202E>gvs.svg"   # shown as what it really is


def test_the_pack_command_says_it(tmp_path, capsys):
    folder = _renamed(tmp_path, "CON.svg")
    assert main(["pack", str(folder), "-o", str(tmp_path / "p.escapebox")]) == 1
    err = capsys.readouterr().err
    assert "images/CON.svg" in err and "Windows" in err and "Traceback" not in err
