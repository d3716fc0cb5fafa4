"""Saves and scenarios that changed: every kind of edit resumes, damaged saves are named, tampering is caught.

Three promises, each tested here:

* the scenario was edited between saving and resuming (a room renamed or
  removed, the start room too, a puzzle, item or reflection removed): the
  game goes on from the nearest room that still exists, the summary says
  what changed, and the next resume checks the new part by the new rules;
* a damaged value in the save (a version ``drie``, a clock ``abc``, an event
  row ``[1,2]``, an ``"at": "x"``, a dropped table) gives a message naming
  the session, and the other sessions stay usable;
* a step written into the save by hand that the rules would refuse makes
  the save corrupt, reported with the session and the step's number.
"""

import json
import sqlite3

import pytest

from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.core.clock import ManualClock
from escapebox.core.resume import resume_session
from escapebox.core.store import SessionStore
from escapebox.i18n import Translator
from escapebox.problems import EscapeboxError
from escapebox.scenario.loader import load_scenario_text

from tests.core.helpers import FIXTURE, fixture_scenario, new_session

TEXT = (FIXTURE / "scenario.yaml").read_text(encoding="utf-8")
NL = Translator("nl")


def edited(*replacements) -> object:
    text = TEXT
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return load_scenario_text(text, folder=FIXTURE)


def played_to_the_room(store, group="Groep 1"):
    """Door opened, in 'kamer', the scale reflection answered and the dilemma's room waiting."""
    session, clock = new_session(store, group=group)
    session.apply(C.Inspect("prikbord"))
    session.apply(C.TakeItem("batterij"))
    session.apply(C.TryAnswer("deurwoord", "zorg"))
    clock.advance(30)
    session.apply(C.EnterRoom("kamer"))
    session.apply(C.AnswerReflection("binnen", "4"))
    return session


def resume(loaded, store, session_id):
    return resume_session(loaded, store, session_id, ManualClock())


# ----- scenarios that changed ---------------------------------------------------------------

def test_start_room_renamed_between_saving_and_resume(tmp_path):
    """The issue's crash: the resume dropped SessionStarted and the room screen got room ''."""
    store = SessionStore(tmp_path)
    session, _ = new_session(store)
    session.apply(C.Inspect("prikbord"))
    changed = edited(("start: hal", "start: entree"), ("  hal:\n", "  entree:\n"))
    resumed, report = resume(changed, store, session.session_id)
    assert resumed.state.room == "entree"
    assert "briefje" in resumed.state.clues                           # what was found stays found
    lines = report.summary(NL)
    assert any("veranderd" in line for line in lines)
    assert any("(hal)" in line and "Hal" in line for line in lines)   # says where the group goes on
    assert resumed.objects()                                          # the room screen's first question


def test_the_room_the_group_was_in_is_removed(tmp_path):
    store = SessionStore(tmp_path)
    session = played_to_the_room(store)
    changed = edited(("  kamer:\n    name: Kamer", "  zaal:\n    name: Kamer"), ("on_enter: kamer", "on_enter: zaal"),
                     ("{to: kamer,", "{to: zaal,"))
    resumed, report = resume(changed, store, session.session_id)
    assert resumed.state.room == "hal"                                # the last room it was in that still exists
    assert report.removed["rooms"] == ["kamer"] and report.moved_from == "kamer"
    assert "deurwoord" in resumed.state.opened
    resumed.apply(C.EnterRoom("zaal"))                                # and play goes on through the open door
    assert resumed.state.room == "zaal"


@pytest.mark.parametrize("what,replacements,check", [
    ("puzzle", [("  kastcode:\n    kind: code", "  kastslot:\n    kind: code"), ("locked_by: kastcode", "locked_by: kastslot"),
                ("from: [deurwoord, kastcode]", "from: [deurwoord, kastslot]"), ("after: kastcode", "after: kastslot")],
     lambda state: "kastcode" not in state.opened),
    ("item", [("gives: [batterij]", "gives: [accu]"), ("  batterij: {name: Batterij", "  accu: {name: Accu"),
              ("items: [batterij, zaklamp]", "items: [accu, zaklamp]")],
     lambda state: "batterij" not in state.inventory),
    ("reflection", [("  binnen: {kind: scale", "  hoe: {kind: scale")],
     lambda state: "binnen" not in state.reflections and "hoe" not in state.pending),
])
def test_a_part_removed_is_said_and_the_rest_kept(tmp_path, what, replacements, check):
    store = SessionStore(tmp_path)
    session = played_to_the_room(store)
    session.apply(C.TryAnswer("meerkeuze", [0, 2])) if what != "puzzle" else None
    if what == "puzzle":
        session.apply(C.JumpToRoom("hal"))
        session.apply(C.TryAnswer("kastcode", "0412"))
        session.apply(C.SkipReflection("na_kast"))
    resumed, report = resume(edited(*replacements), store, session.session_id)
    kind = {"puzzle": "puzzles", "item": "items", "reflection": "reflections"}[what]
    assert report.removed[kind] and report.dropped_events > 0
    assert check(resumed.state)
    assert "deurwoord" in resumed.state.opened and "briefje" in resumed.state.clues
    assert any(NL(f"resume.kind_{kind}") in line for line in report.summary(NL))
    if what == "reflection":                                          # the answer stays in the save and the report
        assert any(isinstance(e, E.ReflectionAnswered) for e in store.events(session.session_id))


def test_after_a_changed_resume_the_new_part_is_checked_by_the_new_rules(tmp_path):
    store = SessionStore(tmp_path)
    session = played_to_the_room(store)
    changed = edited(("  kamer:\n    name: Kamer", "  zaal:\n    name: Kamer"), ("on_enter: kamer", "on_enter: zaal"),
                     ("{to: kamer,", "{to: zaal,"))
    resumed, _ = resume(changed, store, session.session_id)
    resumed.apply(C.EnterRoom("zaal"))
    resumed.apply(C.SkipReflection("binnen")) if resumed.current_reflection() == "binnen" else None
    resumed.apply(C.TryAnswer("meerkeuze", [0, 2]))
    again, report = resume(changed, store, session.session_id)       # the same edited scenario: no change now
    assert not report.changed and again.state.room == "zaal" and "meerkeuze" in again.state.opened
    markers = [e for e in store.events(session.session_id) if isinstance(e, E.ScenarioChanged)]
    assert len(markers) == 1 and markers[0].digest == changed.digest
    db = sqlite3.connect(tmp_path / "sessions.sqlite3")                # a cheat after the change is caught too
    db.execute("UPDATE events SET data=json_set(data, '$.answer', json('[1]'), '$.shown', 'Nee')"
               " WHERE session_id=? AND type='LockOpened' AND data LIKE '%meerkeuze%'", (session.session_id,))
    db.commit()
    with pytest.raises(EscapeboxError) as caught:
        resume(changed, store, session.session_id)
    assert caught.value.problems[0].code == "store.replay_refused"


def test_back_to_the_original_scenario_after_an_edit(tmp_path):
    store = SessionStore(tmp_path)
    session = played_to_the_room(store)
    changed = edited(("  binnen: {kind: scale", "  hoe: {kind: scale"))
    resume(changed, store, session.session_id)
    resumed, report = resume(fixture_scenario(), store, session.session_id)
    assert report.changed and report.added["reflections"] == ["binnen"]
    assert resumed.state.room == "kamer"


# ----- damaged values -------------------------------------------------------------------------

@pytest.fixture
def two_games(tmp_path):
    store = SessionStore(tmp_path)
    good = played_to_the_room(store, "Goed")
    bad = played_to_the_room(store, "Kapot")
    good.close()
    bad.close()
    store.close()
    return tmp_path, good.session_id, bad.session_id


def damage(folder, sql, *params):
    db = sqlite3.connect(folder / "sessions.sqlite3")
    db.execute(sql, params)
    db.commit()
    db.close()


def still_usable(folder, good_id):
    store = SessionStore(folder)
    resumed, _ = resume(fixture_scenario(), store, good_id)
    assert resumed.state.group == "Goed" and resumed.state.reflections == {"binnen": "4"}
    store.close()


def test_schema_version_drie(two_games):
    folder, good, bad = two_games
    damage(folder, "UPDATE meta SET value='drie' WHERE key='schema_version'")
    store = SessionStore(folder)
    assert [p.code for p in store.problems] == ["store.bad_version"]
    assert "drie" in store.problems[0].message(NL)
    store.close()
    assert SessionStore(folder).problems == []                        # repaired, said once
    still_usable(folder, good)
    still_usable(folder, good)


def test_clock_abc(two_games):
    folder, good, bad = two_games
    damage(folder, "UPDATE sessions SET clock='abc' WHERE id=?", bad)
    store = SessionStore(folder)
    info = store.session(bad)
    assert info["clock"] == 0.0 and [p.code for p in info["damage"]] == ["store.bad_value"]
    resumed, report = resume(fixture_scenario(), store, bad)          # time goes on from the last step
    assert resumed.timer().elapsed == pytest.approx(30)
    assert any(bad in line and "clock" in line for line in report.summary(NL))
    resumed.checkpoint()                                              # and the next checkpoint repairs it
    assert store.session(bad)["damage"] == []
    store.close()
    still_usable(folder, good)


@pytest.mark.parametrize("name,data,reason", [
    ("row_1_2", "[1,2]", "store.event.not_an_object"),
    ("at_x", None, "store.event.bad_value"),
    ("not_json", "{kapot", "store.event.not_json"),
    ("unknown_type", '{"type": "Vliegen", "at": 1}', "store.event.unknown_type"),
])
def test_a_damaged_event_row(two_games, name, data, reason):
    folder, good, bad = two_games
    if data is None:
        damage(folder, "UPDATE events SET data=json_set(data, '$.at', 'x') WHERE session_id=? AND seq=3", bad)
    else:
        damage(folder, "UPDATE events SET data=? WHERE session_id=? AND seq=3", data, bad)
    store = SessionStore(folder)
    with pytest.raises(EscapeboxError) as caught:
        resume(fixture_scenario(), store, bad)
    problem = caught.value.problems[0]
    assert problem.code == "store.damaged_event" and problem.params["reason"] == f"@{reason}|"
    message = problem.message(NL)
    assert bad in message and "Kapot" in message and "stap 4" in message
    assert store.holder(bad) is None                                  # not left locked by the failed resume
    events, problems = store.read_events(bad)                         # the report still gets what is readable
    assert len(problems) == 1 and any(isinstance(e, E.ReflectionAnswered) for e in events)
    store.close()
    still_usable(folder, good)


def test_a_missing_step_is_named(two_games):
    folder, good, bad = two_games
    damage(folder, "DELETE FROM events WHERE session_id=? AND seq=2", bad)
    store = SessionStore(folder)
    with pytest.raises(EscapeboxError) as caught:
        resume(fixture_scenario(), store, bad)
    assert caught.value.problems[0].params["reason"] == "@store.event.gap|"
    store.close()


def test_dropped_events_table_is_said_not_silently_made_again(two_games):
    folder, good, bad = two_games
    damage(folder, "DROP TABLE events")
    store = SessionStore(folder)
    assert [p.params["table"] for p in store.problems] == ["events"]
    for session_id in (good, bad):
        with pytest.raises(EscapeboxError) as caught:
            resume(fixture_scenario(), store, session_id)
        assert caught.value.problems[0].code == "store.no_events"
        assert session_id in caught.value.problems[0].message(NL)
    new, _ = new_session(store)                                       # new games can be saved again
    assert store.events(new.session_id)
    store.close()


# ----- steps the rules would refuse -----------------------------------------------------------

def rewrite(folder, session_id, kind, change):
    db = sqlite3.connect(folder / "sessions.sqlite3")
    seq, data = db.execute("SELECT seq, data FROM events WHERE session_id=? AND type=? ORDER BY seq LIMIT 1",
                           (session_id, kind)).fetchone()
    event = json.loads(data)
    change(event)
    db.execute("UPDATE events SET type=?, data=? WHERE session_id=? AND seq=?",
               (event["type"], json.dumps(event), session_id, seq))
    db.commit()
    db.close()
    return seq + 1


def insert(folder, session_id, event: dict):
    db = sqlite3.connect(folder / "sessions.sqlite3")
    seq = db.execute("SELECT MAX(seq) + 1 FROM events WHERE session_id=?", (session_id,)).fetchone()[0]
    db.execute("INSERT INTO events VALUES (?, ?, ?, ?)", (session_id, seq, event["type"], json.dumps(event)))
    db.commit()
    db.close()
    return seq + 1


@pytest.mark.parametrize("name", ["wrong_answer_made_right", "through_a_locked_door", "clue_from_nowhere",
                                  "reflection_never_asked", "hint_text_changed", "extra_start"])
def test_a_step_against_the_rules_is_a_corrupt_save(two_games, name):
    folder, good, bad = two_games
    if name == "wrong_answer_made_right":
        store = SessionStore(folder)
        resumed, _ = resume(fixture_scenario(), store, bad)
        resumed.apply(C.TryAnswer("meerkeuze", [1]))
        resumed.close()
        store.close()
        number = rewrite(folder, bad, "WrongAnswer", lambda e: e.update(type="LockOpened", skipped=False))
    elif name == "through_a_locked_door":
        number = rewrite(folder, bad, "LockOpened", lambda e: e.update(type="WrongAnswer", answer="fout", shown="fout",
                                                                         feedback=None))
    elif name == "clue_from_nowhere":
        number = insert(folder, bad, {"type": "ClueFound", "clue": "map", "at": 40.0, "wall": ""})
    elif name == "reflection_never_asked":
        number = insert(folder, bad, {"type": "ReflectionAnswered", "reflection": "slot", "answer": "x", "at": 40.0})
    elif name == "hint_text_changed":
        store = SessionStore(folder)
        resumed, _ = resume(fixture_scenario(), store, bad)
        resumed.apply(C.TakeHint("meerkeuze"))
        resumed.close()
        store.close()
        number = rewrite(folder, bad, "HintShown", lambda e: e.update(text="Het antwoord is 1 en 3."))
    else:
        number = insert(folder, bad, {"type": "SessionStarted", "scenario": "alles", "room": "hal", "at": 40.0})
    store = SessionStore(folder)
    with pytest.raises(EscapeboxError) as caught:
        resume(fixture_scenario(), store, bad)
    problem = caught.value.problems[0]
    assert problem.code == "store.replay_refused"
    assert problem.params["number"] >= number - 1 and problem.params["session"] == bad
    message = problem.message(NL)
    assert bad in message and "Kapot" in message and "regels" in message
    store.close()
    still_usable(folder, good)


def test_a_save_from_before_rule_checks_is_replayed_as_before(two_games):
    """Sessions written before the check (``checked`` 0, as the migration leaves them) are not refused."""
    folder, good, bad = two_games
    damage(folder, "UPDATE sessions SET checked=0 WHERE id=?", bad)
    insert(folder, bad, {"type": "ClueFound", "clue": "map", "at": 40.0})
    store = SessionStore(folder)
    resumed, _ = resume(fixture_scenario(), store, bad)
    assert "map" in resumed.state.clues
    store.close()


def test_the_version_2_save_is_migrated_and_resumes(tmp_path):
    """tests/fixtures/saves/v2.sqlite3 was written by save format 2 (no locks, no rule checks)."""
    import shutil
    from pathlib import Path
    shutil.copy(Path(__file__).parents[1] / "fixtures" / "saves" / "v2.sqlite3", tmp_path / "sessions.sqlite3")
    store = SessionStore(tmp_path)
    assert store.problems == []
    assert store.session("versie2sessie")["checked"] == 0
    resumed, _ = resume(fixture_scenario(), store, "versie2sessie")
    assert resumed.state.room == "kamer" and resumed.state.group == "Groep van versie 2"
    assert resumed.timer().elapsed == pytest.approx(75)   # the reflection waiting in 'kamer' stops the clock
    assert resumed.draft("binnen") == "half getypt in versie 2"
    store.close()
