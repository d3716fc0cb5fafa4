"""Pack → load_pack gives back the same scenario: sealed (answers that still work, but only as slow
hashes) without the trainer's password, and the trainer's own file with it."""

from __future__ import annotations

import dataclasses
import hashlib
import json

import pytest

from escapebox.core.clock import ManualClock
from escapebox.core.autoplayer import autoplay
from escapebox.core.session import GameSession
from escapebox.pack.reader import load_pack
from escapebox.problems import EscapeboxError
from escapebox.puzzles.base import TextAnswerPuzzle
from escapebox.scenario.solver import solve
from escapebox.scenario.index import ScenarioIndex
from escapebox.scenario.validator import validate
from tests.authoring.helpers import PASSWORD, make_starter, pack_folder, zip_entries


@pytest.fixture()
def packed(tmp_path):
    folder = make_starter(tmp_path)
    out = tmp_path / "starter.escapebox"
    original, pack = pack_folder(folder, out, password=PASSWORD)
    return original, pack, load_pack(out), out


def _without_secrets(scenario) -> dict:
    data = dataclasses.asdict(scenario)
    for pid, puzzle in scenario.puzzles.items():
        if isinstance(puzzle, TextAnswerPuzzle):
            data["puzzles"][pid].pop("answer")
            data["puzzles"][pid].pop("near_misses")
        for option in data["puzzles"][pid].get("options", ()):
            if "correct" in option:          # a choice: which option is right, and the wrong ones' feedback
                option.pop("correct")
                option.pop("feedback")
    return data


def test_same_scenario_content(packed):
    original, _pack, again, out = packed
    assert _without_secrets(again.scenario) == _without_secrets(original.scenario)
    trainer = load_pack(out, PASSWORD)
    assert trainer.scenario == original.scenario, "with the password: the trainer's own scenario"
    assert trainer.digest == again.digest, "with or without the password, one scenario for resume"


def test_without_the_password_every_puzzle_is_sealed(packed):
    _original, _pack, again, out = packed
    from escapebox.pack.open import has_answers
    assert all(p.sealed for p in again.scenario.puzzles.values()) and not has_answers(again)
    assert has_answers(load_pack(out, PASSWORD))


def test_wrong_password_and_a_password_for_a_pack_without_one(packed, tmp_path):
    original, _pack, _again, out = packed
    for wrong in ("fout wachtwoord", PASSWORD + " ", PASSWORD.upper()):
        with pytest.raises(EscapeboxError) as caught:
            load_pack(out, wrong)
        assert caught.value.problems[0].code == "authoring.pack.wrong_password"
    bare = tmp_path / "zonder.escapebox"
    pack_folder(original.folder, bare)
    with pytest.raises(EscapeboxError) as caught:
        load_pack(bare, PASSWORD)
    assert caught.value.problems[0].code == "authoring.pack.password_without_view"


def test_typed_answers_checked_by_hash(packed):
    original, _pack, again, _out = packed
    for pid, puzzle in original.scenario.puzzles.items():
        if not isinstance(puzzle, TextAnswerPuzzle):
            continue
        hashed = again.scenario.puzzles[pid]
        assert hashed.answer == (TextAnswerPuzzle.SEALED_ANSWER,), "no answer travels readable"
        assert hashed.near_misses == {}
        for accepted in puzzle.answer:
            for typed in (accepted, f"  {accepted.upper()} ", accepted.lower()):
                assert hashed.check(typed).correct, (pid, typed)
        assert not hashed.check("helemaal fout").correct
        assert hashed.check("helemaal fout").feedback == puzzle.wrong_feedback
        for near, feedback in puzzle.near_misses.items():
            verdict = hashed.check(near)
            assert not verdict.correct and verdict.feedback == feedback


def test_other_kinds_check_like_the_original(packed):
    original, _pack, again, _out = packed
    for pid, puzzle in original.scenario.puzzles.items():
        for answer in puzzle.solutions() + [[0], [1, 0, 2, 3], [50, 50], ["badge"]]:
            assert again.scenario.puzzles[pid].check(answer) == puzzle.check(answer), (pid, answer)


def test_validator_solver_and_autoplayer_work_on_the_pack(packed):
    _original, _pack, again, out = packed
    assert validate(again) == []
    trainer = load_pack(out, PASSWORD)       # the auto-player needs the answers: the trainer's view
    assert validate(trainer) == []
    solution = solve(trainer.scenario, ScenarioIndex(trainer.scenario))
    assert solution.solvable
    for branch in range(len(solution.branches)):
        result = autoplay(GameSession.start(trainer, clock=ManualClock(), store=None, group="test"), branch)
        assert result.finished and not result.refused, result


def test_reveal_is_refused_without_the_password(packed):
    _original, _pack, again, _out = packed
    from escapebox.core import commands as C
    from escapebox.core import events as E
    session = GameSession.start(again, clock=ManualClock(), store=None, group="test")
    for pid in again.scenario.puzzles:
        refused = session.apply(C.RevealAnswer(pid))
        assert [e.reason for e in refused if isinstance(e, E.CommandRefused)] == ["rules.answer_sealed"], pid


def test_assets_are_extracted_into_a_fresh_folder(packed):
    original, _pack, again, out = packed
    assert again.folder != original.folder and again.source == out
    for name in ("images/teampost.svg", "images/huiskamer.svg", "images/zoekplaat.svg"):
        assert (again.folder / name).read_bytes() == (original.folder / name).read_bytes()


def test_manifest_lists_every_entry(packed):
    original, pack, _again, _out = packed
    entries = zip_entries(pack.data)
    manifest = json.loads(entries.pop("manifest.json"))
    assert manifest["escapebox_pack"] == 2
    assert (manifest["answers"]["kdf"], manifest["answers"]["n"], manifest["answers"]["r"]) == ("scrypt", 2 ** 14, 8)
    assert manifest["trainer"]["cipher"] == "scrypt+aes-256-gcm" and manifest["trainer"]["n"] == 2 ** 17
    assert manifest["scenario"] == {"id": original.scenario.id, "title": original.scenario.title, "format": 1}
    assert manifest["escapebox_version"] and manifest["created"] == "2026-03-01T09:30:00Z"
    assert "not encryption" in manifest["obfuscation"]["note"]
    listed = {e["name"]: e for e in manifest["entries"]}
    assert set(listed) == set(entries)
    for name, data in entries.items():
        assert listed[name]["size"] == len(data)
        assert listed[name]["sha256"] == hashlib.sha256(data).hexdigest()


def test_only_used_files_go_in(tmp_path):
    folder = make_starter(tmp_path)
    (folder / "images" / "ongebruikt.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (folder / "notities.txt").write_text("antwoord: 312")
    _original, pack = pack_folder(folder, tmp_path / "p.escapebox")
    assets = sorted(n for n in zip_entries(pack.data) if n.startswith("assets/"))
    assert assets == ["assets/images/huiskamer.svg", "assets/images/teampost.svg", "assets/images/zoekplaat.svg"]


def test_icon_files_from_the_folder_go_in(tmp_path):
    folder = make_starter(tmp_path)
    (folder / "images" / "eigen-icoon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    yaml = folder / "scenario.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("icon: pushpin", "icon: images/eigen-icoon.svg"),
                    encoding="utf-8")
    _original, pack = pack_folder(folder, tmp_path / "p.escapebox")
    assert "assets/images/eigen-icoon.svg" in zip_entries(pack.data)
    assert validate(load_pack(tmp_path / "p.escapebox")) == []


def test_fixed_salt_makes_a_reproducible_pack(tmp_path):
    folder = make_starter(tmp_path)
    _o, first = pack_folder(folder, tmp_path / "a.escapebox", salt=b"s" * 16)
    _o, second = pack_folder(folder, tmp_path / "b.escapebox", salt=b"s" * 16)
    _o, third = pack_folder(folder, tmp_path / "c.escapebox")
    assert first.data == second.data != third.data


def test_missing_image_is_refused_when_packing(tmp_path):
    folder = make_starter(tmp_path)
    (folder / "images" / "zoekplaat.svg").unlink()
    with pytest.raises(EscapeboxError) as caught:
        pack_folder(folder, tmp_path / "p.escapebox")
    assert caught.value.problems[0].code == "authoring.pack.missing_file"
    assert not (tmp_path / "p.escapebox").exists()


def test_open_scenario_routes_packs_and_folders(packed):
    original, _pack, again, out = packed
    from escapebox.pack.open import open_scenario
    assert open_scenario(out).scenario == again.scenario
    assert open_scenario(original.folder).scenario == original.scenario
