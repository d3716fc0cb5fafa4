"""The cache of checked files: the same scenario as a fresh check, never a stale one, never a crash.

A game starts from ``escapebox.scenario.cache`` when the scenario was checked
before (docs/performance.md).  What comes out must equal what pydantic
builds, a changed file or changed code must be checked again, and a damaged
or unwritable cache may only cost time.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from escapebox.problems import EscapeboxError
from escapebox.puzzles.base import TextAnswerPuzzle
from escapebox.scenario import cache
from escapebox.scenario.loader import check_scenario, load_scenario
from escapebox.scenario.yamlsafe import parse_yaml
from escapebox.themes.loader import builtin_theme, load_theme_file

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = sorted(p.parent for p in (ROOT / "scenarios").glob("*/scenario.yaml"))
FIXTURE = ROOT / "tests" / "ui" / "fixtures" / "alle-soorten"


@pytest.fixture
def cache_folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("ESCAPEBOX_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("ESCAPEBOX_NO_CACHE", raising=False)
    return tmp_path / "cache"


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


@pytest.mark.parametrize("folder", [*BUNDLED, FIXTURE], ids=lambda p: p.name)
def test_a_cached_scenario_equals_a_fresh_check(folder, cache_folder):
    first = load_scenario(folder)                      # checked, then stored
    assert len(entries(cache_folder)) == 1
    again = load_scenario(folder)                      # from the cache
    fresh = check_scenario(parse_yaml((folder / "scenario.yaml").read_bytes(), "x"))
    assert again.scenario == fresh == first.scenario
    assert repr(again.scenario) == repr(fresh)
    assert again.digest == first.digest


def test_a_cached_scenario_plays_like_a_fresh_one(cache_folder):
    """Puzzle methods work on parts rebuilt from the cache (checks, solutions, properties)."""
    load_scenario(FIXTURE)
    scenario = load_scenario(FIXTURE).scenario
    for puzzle in scenario.puzzles.values():
        for answer in puzzle.solutions():
            assert puzzle.check(answer).correct, puzzle.kind
    assert any(isinstance(p, TextAnswerPuzzle) for p in scenario.puzzles.values())


def test_the_yaml_positions_are_read_when_a_message_needs_them(cache_folder):
    load_scenario(FIXTURE)
    loaded = load_scenario(FIXTURE)
    assert loaded._document is None                    # a start from the cache parses nothing
    assert loaded.document.mark(("title",)).line > 0


def test_a_first_check_keeps_the_positions_it_read(cache_folder):
    """``escapebox validate`` of a new file parses it once, not again for its messages."""
    loaded = load_scenario(FIXTURE)                    # a miss: parsed and checked
    assert loaded._document is not None


def test_a_changed_file_is_checked_again(tmp_path, cache_folder):
    folder = tmp_path / "mijn"
    shutil.copytree(ROOT / "scenarios" / "minimaal", folder)
    load_scenario(folder)
    yaml_file = folder / "scenario.yaml"
    yaml_file.write_text(yaml_file.read_text(encoding="utf-8").replace("format: 1", "format: 1\nbogus: x", 1),
                         encoding="utf-8")
    with pytest.raises(EscapeboxError) as caught:
        load_scenario(folder)
    assert [p.code for p in caught.value.problems] == ["schema.extra_forbidden"]


def test_changed_model_code_is_a_miss(cache_folder, monkeypatch):
    load_scenario(FIXTURE)
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "other code")
    load_scenario(FIXTURE)
    assert len(entries(cache_folder)) == 2


@pytest.mark.parametrize("damage", [
    b"", b"{", b"[]", b'{"key": "x", "value": 1}', b"\x00\xff" * 50,
])
def test_a_damaged_entry_is_checked_again_and_rewritten(cache_folder, damage):
    first = load_scenario(FIXTURE).scenario
    [entry] = entries(cache_folder)
    entry.write_bytes(damage)
    assert load_scenario(FIXTURE).scenario == first
    assert json.loads(entry.read_bytes())["value"][0].endswith(":Scenario")


def test_an_entry_naming_a_foreign_class_is_refused(cache_folder):
    """Reading an entry can only build the format's own parts, never another class."""
    first = load_scenario(FIXTURE).scenario
    [entry] = entries(cache_folder)
    stored = json.loads(entry.read_bytes())
    stored["value"][0] = "subprocess:Popen"
    entry.write_text(json.dumps(stored), encoding="utf-8")
    assert load_scenario(FIXTURE).scenario == first


def test_an_entry_with_a_truncated_part_is_refused(cache_folder):
    first = load_scenario(FIXTURE).scenario
    [entry] = entries(cache_folder)
    stored = json.loads(entry.read_bytes())
    stored["value"] = stored["value"][:3]
    entry.write_text(json.dumps(stored), encoding="utf-8")
    assert load_scenario(FIXTURE).scenario == first


def test_an_unwritable_cache_only_costs_time(cache_folder):
    """The folder is there but takes no entries, as when it is read only or full.

    Each entry's place is taken by a folder: writing fails for every user, root (CI)
    too, where permission bits would not.
    """
    load_scenario(FIXTURE)
    for entry in entries(cache_folder):
        entry.unlink()
        entry.mkdir()
    assert load_scenario(FIXTURE).scenario.id == "alle-soorten"
    assert load_scenario(FIXTURE).scenario.id == "alle-soorten"
    assert entries(cache_folder) and all(entry.is_dir() for entry in entries(cache_folder))
    assert [p.name for p in cache_folder.iterdir() if p.is_file()] == []   # no half-written entry left behind


def test_a_cache_path_that_is_a_file_only_costs_time(cache_folder):
    cache_folder.write_text("not a folder")
    assert load_scenario(FIXTURE).scenario.id == "alle-soorten"
    assert load_scenario(FIXTURE).scenario.id == "alle-soorten"


def test_old_entries_are_pruned(cache_folder, monkeypatch):
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    for number in range(5):
        cache.remembered("test", f"file {number}".encode(), lambda n=number: n)
    assert len(entries(cache_folder)) == 3
    assert cache.remembered("test", b"file 4", lambda: "checked again") == 4


def test_no_cache_when_turned_off(cache_folder, monkeypatch):
    monkeypatch.setenv("ESCAPEBOX_NO_CACHE", "1")
    load_scenario(FIXTURE)
    assert not cache_folder.exists()


def test_values_that_are_not_parts_are_not_stored(cache_folder):
    """A pack's puzzles carry answer hashes beside their fields: such a value is never cached."""
    assert cache.remembered("test", b"x", lambda: {1, 2}) == {1, 2}
    assert entries(cache_folder) == []


def test_a_cached_theme_equals_a_fresh_one(cache_folder):
    for name in ("default", "high_contrast", "zorggroep-voorbeeld"):
        first = builtin_theme(name)
        again = builtin_theme(name)
        assert again.theme == first.theme and again.problems == first.problems
    assert len(entries(cache_folder)) == 3


def test_a_theme_problem_still_points_into_the_file(tmp_path, cache_folder):
    theme = tmp_path / "thema.yaml"
    theme.write_text('theme_format: 1\nname: "Laag contrast"\ncolours:\n  text: "#777777"\n  background: "#888888"\n',
                     encoding="utf-8")
    first = load_theme_file(theme)
    again = load_theme_file(theme)                     # from the cache: the position is read again
    assert again.problems == first.problems
    assert any(p.line for p in again.problems)


def test_playing_from_the_cache_imports_no_pydantic_and_no_yaml(cache_folder):
    """The point of the cache: a start needs neither (docs/performance.md)."""
    load_scenario(FIXTURE)
    builtin_theme("default")
    code = ("import sys; from escapebox.scenario.loader import load_scenario; "
            "from escapebox.themes.loader import builtin_theme; "
            f"load_scenario({str(FIXTURE)!r}); builtin_theme('default'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'yaml')))")
    env = {**os.environ, "ESCAPEBOX_DATA_DIR": str(cache_folder.parent)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_files_digest_is_its_sha256_on_both_sides_of_the_openssl_threshold():
    """Small files are hashed without importing hashlib (OpenSSL: 2.9 ms of every start), large ones with it."""
    import hashlib

    for size in (0, 10, cache._OPENSSL_FROM - 1, cache._OPENSSL_FROM, cache._OPENSSL_FROM + 4096):
        raw = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
        assert cache.file_digest(raw) == hashlib.sha256(raw).hexdigest()
