"""AVG/GDPR: retention, real deletion, a notice in both languages, and reflections never in logs."""

from datetime import datetime, timedelta

import pytest

from escapebox.cli import main
from escapebox.core.store import SessionStore
from escapebox.i18n import Translator
from escapebox.privacy import DEFAULT_RETENTION_DAYS, apply_retention, privacy_notice, retention_days

from tests.report.helpers import play_script, with_reflections

CANARY = "KANARIE-7f3a-Jansen-woont-op-nummer-12"


def _age(store: SessionStore, session_id: str, days: int) -> None:
    moment = (datetime.now().astimezone() - timedelta(days=days)).isoformat(timespec="seconds")
    store.db.execute("UPDATE sessions SET updated=?, created=? WHERE id=?", (moment, moment, session_id))


def test_retention_days_from_env_then_settings_then_default(data_dir, monkeypatch):
    data_dir.mkdir(parents=True)
    assert retention_days(data_dir) == DEFAULT_RETENTION_DAYS == 30
    (data_dir / "settings.toml").write_text("retention_days = 7\n", encoding="utf-8")
    assert retention_days(data_dir) == 7
    monkeypatch.setenv("ESCAPEBOX_RETENTION_DAYS", "3")
    assert retention_days(data_dir) == 3
    assert retention_days() == 3          # the data folder comes from ESCAPEBOX_DATA_DIR


@pytest.mark.parametrize("bad", ["0", "-5", "veel", "99999", ""])
def test_a_wrong_retention_value_falls_back(data_dir, monkeypatch, bad):
    data_dir.mkdir(parents=True)
    (data_dir / "settings.toml").write_text("retention_days = [", encoding="utf-8")
    monkeypatch.setenv("ESCAPEBOX_RETENTION_DAYS", bad)
    assert retention_days(data_dir) == 30


def test_apply_retention_deletes_only_old_sessions(data_dir, monkeypatch):
    store = SessionStore()
    old, recent, fresh = (play_script(store, f"Groep {n}").session_id for n in range(3))
    _age(store, old, 31)
    _age(store, recent, 29)
    assert apply_retention(store) == 1
    assert store.session(old) is None and store.session(recent) and store.session(fresh)
    monkeypatch.setenv("ESCAPEBOX_RETENTION_DAYS", "10")
    assert apply_retention(store) == 1 and store.session(recent) is None


def test_settings_file_sets_retention(data_dir):
    store = SessionStore()
    (data_dir / "settings.toml").write_text("retention_days = 60\n", encoding="utf-8")
    session_id = play_script(store).session_id
    _age(store, session_id, 45)
    assert apply_retention(store) == 0
    _age(store, session_id, 61)
    assert apply_retention(store) == 1


def test_privacy_notice_in_both_languages(data_dir):
    dutch, english = privacy_notice(Translator("nl")), privacy_notice(Translator("en"))
    for word in ("groepsnaam", "antwoorden", "reflecties", "alleen op deze computer", "30 dagen", "echte namen"):
        assert word in dutch
    for word in ("group name", "answers", "reflections", "only on this computer", "30 days", "real students"):
        assert word in english
    assert dutch.count(". ") == 0 and dutch.endswith(".")       # one sentence


def test_deleting_a_session_removes_its_text_from_every_file(data_dir):
    store = SessionStore()
    session = play_script(store, "Groep Kanarie", with_reflections({"waarom_blijven": CANARY}))
    store.save_draft(session.session_id, "slot", CANARY + "-concept")
    keep = play_script(store, "Blijft").session_id
    store.close()
    assert any(CANARY.encode() in f.read_bytes() for f in data_dir.iterdir())   # the test can see it at all
    assert main(["sessions", "delete", session.session_id, "--yes"]) == 0
    for file in data_dir.iterdir():
        assert CANARY.encode() not in file.read_bytes(), file.name
        assert "Groep Kanarie".encode() not in file.read_bytes(), file.name
    assert SessionStore().session(keep) is not None


def _run_everything(tmp_path, session_id):
    export = tmp_path / "export.json"
    broken = tmp_path / "kapot.json"
    broken.write_text('{"format": "escapebox-session", "version": 1, "session": {}, "events": []}')
    commands = [
        ["sessions", "list"], ["sessions", "export", session_id, "-o", str(export)],
        ["sessions", "import", str(export), str(broken)], ["sessions", "delete", session_id],
        ["report", session_id, "-o", str(tmp_path / "r.html")], ["report", session_id, "--format", "md"],
        ["report", session_id, "-o", str(tmp_path / "geen-map" / "r.html")],
        ["report", str(export), "onbekend"], ["report", "--all", "--scenario", "niets"],
    ]
    return [main(args) for args in commands]


def test_reflection_text_never_reaches_stderr(tmp_path, data_dir, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(""))
    store = SessionStore()
    session_id = play_script(store, "Groep 9", with_reflections({"waarom_blijven": CANARY})).session_id
    store.close()
    codes = _run_everything(tmp_path, session_id)
    assert 1 in codes and 0 in codes       # both successes and failures were exercised
    captured = capsys.readouterr()
    assert CANARY not in captured.err
    assert CANARY in (tmp_path / "r.html").read_text(encoding="utf-8")   # it is in the report, on purpose


def test_a_crash_while_reporting_keeps_reflections_out_of_the_log(tmp_path, data_dir, capsys, monkeypatch):
    store = SessionStore()
    session_id = play_script(store, "Groep 9", with_reflections({"waarom_blijven": CANARY})).session_id
    store.close()

    def boom(sessions, tr, generated):
        answer = sessions[0].debrief.reflection("waarom_blijven").answer
        raise RuntimeError(f"kapot bij {answer}")
    monkeypatch.setattr("escapebox.cli.report_cmd.render_html", boom)
    assert main(["report", session_id, "-o", str(tmp_path / "r.html")]) == 1
    err = capsys.readouterr().err
    assert CANARY not in err
    logs = list((tmp_path / "logs").iterdir())
    assert logs, err
    for log in logs:
        assert CANARY not in log.read_text(encoding="utf-8") and "RuntimeError" in log.read_text(encoding="utf-8")
