"""``escapebox sessions``: list, export, import and delete, the way a trainer collects a festival."""

import io
import json

import pytest

from escapebox.cli import main
from escapebox.core.store import SessionStore

from tests.report.conftest import GROUPS


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_list_shows_every_session_with_its_reflection_count(three_sessions, capsys):
    assert main(["sessions", "list"]) == 0
    out = capsys.readouterr().out
    for session_id, group in zip(three_sessions, GROUPS):
        line = next(row for row in out.splitlines() if row.startswith(session_id))
        assert group in line and "alles" in line and line.rstrip().endswith("3") and " ja " in line
    assert "30 dagen" in out


def test_list_of_an_empty_store(data_dir, capsys):
    assert main(["sessions", "list", "--lang", "en"]) == 0
    assert "No sessions are saved." in capsys.readouterr().out


def test_export_import_round_trip_between_laptops(tmp_path, three_sessions, monkeypatch, capsys):
    files = []
    for number, session_id in enumerate(three_sessions):
        files.append(tmp_path / f"groep{number}.json")
        assert main(["sessions", "export", session_id, "-o", str(files[-1])]) == 0
    assert "reflecties" in capsys.readouterr().out          # the export warns what the file holds
    original = SessionStore().events(three_sessions[0])

    monkeypatch.setenv("ESCAPEBOX_DATA_DIR", str(tmp_path / "trainer-laptop"))
    assert main(["sessions", "import", *map(str, files)]) == 0
    out = capsys.readouterr().out
    assert out.count("geïmporteerd als sessie") == 3
    store = SessionStore()
    assert {s["group_name"] for s in store.sessions()} == set(GROUPS)
    assert store.events(three_sessions[0]) == original

    assert main(["sessions", "import", str(files[0])]) == 0       # again: kept under a new id
    assert len(SessionStore().sessions()) == 4


def test_import_of_a_bad_file_goes_on_with_the_rest(tmp_path, three_sessions, capsys):
    good, bad = tmp_path / "goed.json", tmp_path / "kapot.json"
    main(["sessions", "export", three_sessions[0], "-o", str(good)])
    bad.write_text('{"format": "iets anders"}', encoding="utf-8")
    assert main(["sessions", "import", str(bad), str(good)]) == 1
    captured = capsys.readouterr()
    assert "geen sessie-export" in captured.err and "geïmporteerd" in captured.out


def test_export_of_an_unknown_session(data_dir, capsys):
    assert main(["sessions", "export", "bestaatniet"]) == 1
    assert "bestaatniet" in capsys.readouterr().err


def test_delete_without_a_terminal_deletes_nothing(three_sessions, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["sessions", "delete", three_sessions[0]]) == 1
    assert "--yes" in capsys.readouterr().err
    assert SessionStore().session(three_sessions[0]) is not None


@pytest.mark.parametrize("answer,deleted", [("ja\n", True), ("j\n", True), ("\n", False), ("nee\n", False)])
def test_delete_asks_on_a_terminal(three_sessions, monkeypatch, answer, deleted):
    monkeypatch.setattr("sys.stdin", FakeTerminal(answer))
    assert main(["sessions", "delete", three_sessions[1]]) == (0 if deleted else 1)
    assert (SessionStore().session(three_sessions[1]) is None) == deleted


def test_delete_with_yes_and_delete_all(three_sessions, capsys):
    assert main(["sessions", "delete", three_sessions[0], "--yes"]) == 0
    assert [s["id"] for s in SessionStore().sessions()] and SessionStore().session(three_sessions[0]) is None
    assert main(["sessions", "delete", "--all", "-y"]) == 0
    assert SessionStore().sessions() == []
    assert "2 sessie(s) verwijderd" in capsys.readouterr().out


@pytest.mark.parametrize("args,code", [(["sessions"], 2), (["sessions", "delete"], 2),
                                       (["sessions", "delete", "abc", "--all"], 2),
                                       (["sessions", "delete", "onbekend", "--yes"], 1)])
def test_usage_errors(data_dir, capsys, args, code):
    assert main(args) == code
    assert capsys.readouterr().err.strip()


def test_export_file_is_the_exchange_format(tmp_path, three_sessions):
    out = tmp_path / "x.json"
    main(["sessions", "export", three_sessions[0], "-o", str(out)])
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "escapebox-session" and data["session"]["snapshot"]


def test_an_unusable_data_folder_gives_a_message(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "geen-map"
    blocker.write_text("ik ben een bestand", encoding="utf-8")
    monkeypatch.setenv("ESCAPEBOX_DATA_DIR", str(blocker))
    assert main(["sessions", "list"]) == 1
    assert "kunnen niet worden geopend" in capsys.readouterr().err
