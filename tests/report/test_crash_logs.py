"""Crash logs are private like the sessions: owner-only, deleted with ``sessions delete --all``
and after the retention period, since a traceback may quote what a group typed."""

from __future__ import annotations

import os
import stat
import time

import pytest

from escapebox.cli import main
from escapebox.core.store import SessionStore
from escapebox.paths import log_dir
from escapebox.privacy import apply_retention, crash_logs, delete_crash_logs, write_crash_log

from tests.report.helpers import play_script, with_reflections

CANARY = "KANARIE-crash-9c1e-de-Vries-Dorpsstraat-3"
posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_a_crash_log_is_for_its_owner_only_whatever_the_umask(tmp_path, data_dir, monkeypatch, capsys):
    _store_with_a_session()
    logs = tmp_path / "logs"           # the report tests' crash folder (tests/report/conftest.py)
    logs.mkdir(mode=0o755)
    os.chmod(logs, 0o755)               # as an older Escapebox left it
    old_umask = os.umask(0)
    try:
        monkeypatch.setattr("escapebox.cli.report_cmd.render_html", _boom)
        assert main(["report", "--all", "-o", str(tmp_path / "r.html")]) == 1
    finally:
        os.umask(old_umask)
    assert "onverwachts" in capsys.readouterr().err
    (log,) = crash_logs(logs)
    assert _mode(logs) == 0o700 and _mode(log) == 0o600


def _boom(*_args):
    raise RuntimeError("kapot")


@posix_only
def test_a_new_log_folder_is_made_private(tmp_path):
    folder = tmp_path / "state" / "escapebox" / "log"
    path = write_crash_log("RuntimeError\n", folder)
    assert _mode(folder) == 0o700 and _mode(path) == 0o600


def test_two_crashes_in_one_second_keep_both_logs(tmp_path):
    first, second = write_crash_log("A\n", tmp_path), write_crash_log("B\n", tmp_path)
    assert first != second and crash_logs(tmp_path) == sorted([first, second])
    assert (first.read_text(), second.read_text()) == ("A\n", "B\n")


def test_only_crash_logs_are_listed_and_deleted(tmp_path):
    write_crash_log("A\n", tmp_path)
    (tmp_path / "notities.txt").write_text("van de trainer")
    (tmp_path / "crash-map.log").mkdir()
    assert delete_crash_logs(folder=tmp_path) == 1
    assert (tmp_path / "notities.txt").exists() and (tmp_path / "crash-map.log").is_dir()


def _store_with_a_session() -> str:
    store = SessionStore()
    session_id = play_script(store, "Groep 1", with_reflections({"waarom_blijven": CANARY})).session_id
    store.close()
    return session_id


def _every_byte_under(folder) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_sessions_delete_all_deletes_the_crash_logs_too(data_dir, capsys):
    session_id = _store_with_a_session()
    assert log_dir() == data_dir / "logs"   # with ESCAPEBOX_DATA_DIR; else the user log folder
    write_crash_log(f"RuntimeError\n  File x, line 1, in answer\n    typed = {CANARY!r}\n", log_dir())
    assert main(["sessions", "delete", session_id, "--yes"]) == 0   # one session: its logs are not its own
    assert len(crash_logs()) == 1
    write_crash_log("RuntimeError\n", log_dir())
    assert main(["sessions", "delete", "--all", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "2 foutverslag(en) verwijderd" in out and str(log_dir()) in out
    assert crash_logs() == []
    assert CANARY.encode() not in _every_byte_under(data_dir)


def test_sessions_delete_all_with_only_crash_logs_left(data_dir, capsys):
    write_crash_log("RuntimeError\n", log_dir())
    assert main(["sessions", "delete", "--all", "--yes"]) == 0
    assert "1 foutverslag(en) verwijderd" in capsys.readouterr().out and crash_logs() == []
    assert main(["sessions", "delete", "--all", "--yes"]) == 0
    assert "geen sessies" in capsys.readouterr().out


def test_sessions_delete_all_without_yes_deletes_no_crash_log(data_dir, monkeypatch, capsys):
    import io
    write_crash_log("RuntimeError\n", log_dir())
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["sessions", "delete", "--all"]) == 1
    assert len(crash_logs()) == 1


def test_retention_deletes_old_crash_logs_and_keeps_recent_ones(data_dir, monkeypatch):
    monkeypatch.setenv("ESCAPEBOX_RETENTION_DAYS", "30")
    old = write_crash_log(CANARY, log_dir())
    recent = write_crash_log("RuntimeError\n", log_dir())
    month_ago = time.time() - 31 * 86400
    os.utime(old, (month_ago, month_ago))
    store = SessionStore()
    try:
        apply_retention(store)
    finally:
        store.close()
    assert crash_logs() == [recent]
    assert CANARY.encode() not in _every_byte_under(data_dir)


def test_retention_without_a_log_folder_is_quiet(data_dir):
    store = SessionStore()
    try:
        assert apply_retention(store) == 0
    finally:
        store.close()
    assert not (data_dir / "logs").exists()
