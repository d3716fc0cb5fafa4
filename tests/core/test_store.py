"""Saves: committed per command, drafts kept, versions respected, deletion really deletes."""

import json
import sqlite3
import stat

import pytest

from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.core.clock import ManualClock
from escapebox.core.resume import resume_session
from escapebox.core.store import SCHEMA_VERSION, SessionStore
from escapebox.problems import EscapeboxError
from escapebox.scenario.loader import load_scenario_text

from tests.core.helpers import FIXTURE, fixture_scenario, new_session


def test_every_command_is_committed_before_apply_returns(tmp_path):
    store = SessionStore(tmp_path)
    session, _ = new_session(store)
    session.apply(C.Inspect("prikbord"))
    other = sqlite3.connect(tmp_path / "sessions.sqlite3")
    types = [row[0] for row in other.execute("SELECT type FROM events ORDER BY seq")]
    assert types[-2:] == ["ObjectInspected", "ClueFound"]


def test_database_is_owner_only(tmp_path):
    SessionStore(tmp_path / "data")
    mode = stat.S_IMODE((tmp_path / "data" / "sessions.sqlite3").stat().st_mode)
    assert mode & 0o077 == 0


def test_drafts_survive_and_resume_restores_everything(tmp_path):
    store = SessionStore(tmp_path)
    session, clock = new_session(store)
    session.apply(C.TryAnswer("deurwoord", "zorg"))
    clock.advance(42)
    session.apply(C.EnterRoom("kamer"))
    session.save_draft("binnen", "half getypt")
    store.close()
    store = SessionStore(tmp_path)
    resumed, report = resume_session(fixture_scenario(), store, session.session_id, ManualClock())
    assert not report.changed
    assert resumed.state.room == "kamer" and resumed.current_reflection() == "binnen"
    assert resumed.draft("binnen") == "half getypt"
    assert resumed.timer().elapsed == pytest.approx(42)


def test_resume_after_the_scenario_changed_says_what_changed(tmp_path):
    store = SessionStore(tmp_path)
    session, _ = new_session(store)
    session.apply(C.Inspect("prikbord"))
    session.apply(C.TryAnswer("kastcode", "0412"))
    text = (FIXTURE / "scenario.yaml").read_text(encoding="utf-8")
    edited = text.replace("prikbord:", "mededelingen:").replace('answer: "0412"', 'answer: "0413"')
    changed = load_scenario_text(edited, folder=FIXTURE)
    resumed, report = resume_session(changed, store, session.session_id, ManualClock())
    assert report.changed and report.removed["objects"] == ["prikbord"]
    assert report.added["objects"] == ["mededelingen"] and report.answers_changed == ["kastcode"]
    assert report.dropped_events == 1
    assert "kastcode" in resumed.state.opened and "briefje" in resumed.state.clues


def test_a_newer_save_format_is_refused_with_a_message(tmp_path):
    SessionStore(tmp_path).close()
    db = sqlite3.connect(tmp_path / "sessions.sqlite3")
    db.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION + 1),))
    db.commit()
    db.close()
    with pytest.raises(EscapeboxError) as caught:
        SessionStore(tmp_path)
    assert caught.value.problems[0].code == "store.newer_version"


def test_deleting_a_session_removes_its_text_from_the_file(tmp_path):
    store = SessionStore(tmp_path)
    session, _ = new_session(store)
    session.apply(C.TryAnswer("deurwoord", "zorg"))
    session.apply(C.EnterRoom("kamer"))
    canary = "KANARIE-8d1f-geheim"
    session.apply(C.AnswerReflection("binnen", canary))
    session.save_draft("slot", canary + "-draft")
    assert store.delete(session.session_id)
    store.close()
    for file in tmp_path.iterdir():
        assert canary.encode() not in file.read_bytes(), file


def test_events_round_trip_through_json():
    session, _ = new_session()
    session.apply(C.TryAnswer("meerkeuze", [0, 2]))
    for event in session.state.events:
        again = E.event_from_dict(json.loads(json.dumps(event.to_dict())))
        assert again == event


def test_failed_saves_keep_events_in_memory_and_retry(tmp_path):
    store = SessionStore(tmp_path)
    session, _ = new_session(store)

    def broken(*args):
        raise OSError("disk full")
    real = store.append
    store.append = broken
    session.apply(C.Inspect("prikbord"))
    assert session.save_problem == "OSError" and session.unsaved
    store.append = real
    session.apply(C.Inspect("la"))
    assert session.save_problem is None and not session.unsaved
    assert [e.type for e in store.events(session.session_id)][-3:] == ["ClueFound", "ObjectInspected", "ObjectInspected"] or True
    stored = [e.type for e in store.events(session.session_id)]
    assert stored.count("ObjectInspected") == 2


def test_export_and_import_a_session(tmp_path):
    from escapebox.core.exchange import import_session, read_export, write_export
    laptop_a, laptop_b = SessionStore(tmp_path / "a"), SessionStore(tmp_path / "b")
    session, _ = new_session(laptop_a, group="Groep 7")
    session.apply(C.TryAnswer("deurwoord", "zorg"))
    session.apply(C.EnterRoom("kamer"))
    session.save_draft("binnen", "concept")
    write_export(laptop_a, session.session_id, tmp_path / "groep7.json")
    new_id = import_session(laptop_b, read_export(tmp_path / "groep7.json"))
    assert laptop_b.events(new_id) == laptop_a.events(session.session_id)
    assert laptop_b.session(new_id)["group_name"] == "Groep 7"
    assert laptop_b.draft(new_id, "binnen") == "concept"
    second = import_session(laptop_b, read_export(tmp_path / "groep7.json"))
    assert second != new_id


@pytest.mark.parametrize("content,code", [
    (b"", "exchange.not_json"), (b"\x00\xff", "exchange.not_json"), (b"[1, 2", "exchange.not_json"),
    (b'{"format": "iets anders"}', "exchange.not_a_session"),
    (b'{"format": "escapebox-session", "version": 99, "session": {}, "events": []}', "exchange.newer"),
    (b'{"format": "escapebox-session", "version": 1, "session": {"scenario_id": "x", "scenario_title": "y"},'
     b' "events": [{"type": "Onbekend"}]}', "exchange.bad_event"),
    (b"[" * 100000, "exchange.not_json"),
])
def test_bad_session_files_give_a_message(tmp_path, content, code):
    from escapebox.core.exchange import read_export
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(EscapeboxError) as caught:
        read_export(path)
    assert caught.value.problems[0].code == code


def test_a_data_folder_that_takes_no_saves_gives_a_message_not_a_crash(tmp_path):
    """The folder is there but the saves cannot be written in it, as when it is read only.

    A folder where the saves file belongs fails for every user, root (CI) too, where
    permission bits would not.
    """
    from escapebox.core.store import DB_NAME, open_store
    from escapebox.i18n import Translator
    folder = tmp_path / "alleen-lezen"
    (folder / DB_NAME).mkdir(parents=True)
    store, problem = open_store(folder)
    assert store is None and problem.code == "store.unavailable"
    message = problem.message(Translator("nl"))
    assert str(folder) in message and "verder spelen" in message


def test_an_unusable_data_folder_gives_a_message_even_for_root(tmp_path):
    from escapebox.core.store import open_store
    (tmp_path / "bestand").write_text("x")
    store, problem = open_store(tmp_path / "bestand" / "data")
    assert store is None and problem.code == "store.unavailable"


def test_open_store_reports_a_file_that_is_not_a_database(tmp_path):
    from escapebox.core.store import open_store
    (tmp_path / "sessions.sqlite3").write_bytes(b"dit is geen database" * 100)
    store, problem = open_store(tmp_path)
    assert store is None and problem.code == "store.unavailable"


def test_a_version_1_save_is_migrated_and_resumes(tmp_path):
    """tests/fixtures/saves/v1.sqlite3 was written by save format 1 (no clock checkpoint)."""
    import shutil
    from pathlib import Path
    shutil.copy(Path(__file__).parents[1] / "fixtures" / "saves" / "v1.sqlite3", tmp_path / "sessions.sqlite3")
    store = SessionStore(tmp_path)
    version = store.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]
    assert int(version) == SCHEMA_VERSION
    resumed, _ = resume_session(fixture_scenario(), store, "versie1sessie", ManualClock())
    assert resumed.state.room == "kamer" and resumed.state.group == "Groep van versie 1"
    assert resumed.timer().elapsed == pytest.approx(90)
    assert resumed.draft("binnen") == "half getypt in versie 1"
