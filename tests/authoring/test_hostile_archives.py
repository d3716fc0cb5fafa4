"""Every hostile or broken archive is refused with its own message, before anything is written."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from escapebox.cli import main
from escapebox.i18n import Translator
from escapebox.pack import reader
from escapebox.problems import EscapeboxError
from tests.hostile_archives.make_archives import archives, good_pack, make_all

CASES = sorted(archives())


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    return make_all(tmp_path_factory.mktemp("hostile"))


@pytest.fixture()
def nothing_written(monkeypatch):
    def refuse_to_write(*_args, **_kwargs):
        raise AssertionError("a hostile pack got as far as creating the temporary folder")
    monkeypatch.setattr(reader.tempfile, "mkdtemp", refuse_to_write)


@pytest.mark.parametrize("name", CASES)
def test_refused_with_the_right_message(name, made, nothing_written):
    path, expected = made[name]
    with pytest.raises(EscapeboxError) as caught:
        reader.load_pack(path)
    problem = caught.value.problems[0]
    assert problem.code == (expected if "." in expected else f"authoring.pack.{expected}")
    assert problem.file.startswith(str(path))
    for lang in ("nl", "en"):
        tr = Translator(lang)
        assert tr.has(problem.code)
        message = problem.render(tr)
        assert "{" not in message, message
        if "entry" in problem.params:
            assert problem.params["entry"] in message


def test_nothing_escapes(made):
    for path, _code in made.values():
        with pytest.raises(EscapeboxError):
            reader.load_pack(path)
    assert not Path("/tmp/escapebox-evil.txt").exists()
    assert not (Path(reader.tempfile.gettempdir()).parent / "escapebox-evil.txt").exists()


def test_zipfile_extraction_is_never_used():
    source = Path(reader.__file__).read_text(encoding="utf-8")
    assert ".extractall(" not in source and ".extract(" not in source


def test_missing_pack_and_folder(tmp_path):
    with pytest.raises(EscapeboxError) as caught:
        reader.load_pack(tmp_path / "weg.escapebox")
    assert caught.value.problems[0].code == "authoring.pack.not_found"
    folder = tmp_path / "map.escapebox"
    folder.mkdir()
    with pytest.raises(EscapeboxError) as caught:
        reader.load_pack(folder)
    assert caught.value.problems[0].code == "authoring.pack.not_a_file_path"


def test_cli_shows_the_message_without_traceback(made, tmp_path, capsys):
    path, _code = made["dot-dot"]
    assert main(["graph", str(path), "-o", str(tmp_path / "x.svg")]) == 1
    err = capsys.readouterr().err
    assert "assets/../../escapebox-evil.txt" in err and "Traceback" not in err


def test_random_damage_gives_a_message_never_a_crash(tmp_path):
    """Flip, cut and insert bytes in a good pack: every outcome is a pack or an EscapeboxError."""
    data, _entries, _manifest = good_pack()
    rng = random.Random(7)
    path = tmp_path / "beschadigd.escapebox"
    for _ in range(400):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 5)):
            at = rng.randrange(len(damaged))
            if rng.random() < 0.6:
                damaged[at] = rng.randrange(256)
            else:
                del damaged[at:at + rng.randint(1, 40)]
        path.write_bytes(bytes(damaged))
        try:
            reader.load_pack(path)
        except EscapeboxError:
            pass
