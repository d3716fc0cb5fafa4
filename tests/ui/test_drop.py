"""Dropping a scenario onto the window (escapebox/ui/drop.py): a good pack is added to the
trainer's own scenarios, a broken one is refused on screen in the words of ``validate``."""

from __future__ import annotations

from pathlib import Path

import pygame

from escapebox import paths
from escapebox.ui.drop import add_scenario, on_drop

ROOT = Path(__file__).resolve().parents[2]


def drop(app, path: Path):
    return on_drop(app, pygame.event.Event(pygame.DROPFILE, file=str(path)))


def test_a_good_pack_dropped_on_the_window_is_added_and_listed(make_app, own, good_pack):
    app, _pilot = make_app()
    added = drop(app, good_pack)
    assert added.ok and added.target == own / "sleutel.escapebox"
    assert app.toasts[-1].kind == "success" and "is toegevoegd" in app.toasts[-1].text
    assert (own / "sleutel.escapebox", False) in paths.scenario_sources()


def test_a_broken_pack_is_refused_with_the_validators_words(make_app, own, tmp_path):
    broken = tmp_path / "kapot.escapebox"
    broken.write_bytes(b"PK\x03\x04 dit is geen pakket")
    app, _pilot = make_app()
    added = drop(app, broken)
    assert not added.ok and not own.exists()
    toast = app.toasts[-1]
    assert toast.kind == "danger" and "is niet toegevoegd" in toast.text
    said = added.problems[0].render(app.tr)  # as `escapebox validate` says it, from the pack's name on
    assert said.replace(str(tmp_path) + "/", "") in toast.text and str(tmp_path) not in toast.text
    assert "Traceback" not in toast.text


def test_a_scenario_folder_with_errors_is_refused_and_a_good_one_added(own, tmp_path):
    broken = tmp_path / "kapot"
    broken.mkdir()
    (broken / "scenario.yaml").write_text("format: 1\nid: kapot\n", encoding="utf-8")
    assert not add_scenario(broken).ok
    added = add_scenario(ROOT / "scenarios" / "tutorial" / "scenario.yaml")
    assert added.target == own / "tutorial" and (own / "tutorial" / "scenario.yaml").is_file()


def test_adding_twice_never_overwrites(own, good_pack):
    first, second = add_scenario(good_pack), add_scenario(good_pack)
    assert first.target == own / "sleutel.escapebox"
    assert second.target == own / "sleutel-2.escapebox"


def test_something_else_dropped_is_not_a_scenario(own, tmp_path):
    letter = tmp_path / "brief.docx"
    letter.write_text("", encoding="utf-8")
    added = add_scenario(letter)
    assert not added.ok and added.problems[0].code == "adding.not_a_scenario"


def test_a_file_dropped_on_the_running_window_reaches_the_drop_handler(make_app, own, good_pack):
    """Through the App's event loop, as the window system sends it."""
    app, pilot = make_app()
    pygame.event.post(pygame.event.Event(pygame.DROPFILE, file=str(good_pack)))
    pilot.run()
    assert (own / "sleutel.escapebox").exists()
    assert app.toasts[-1].kind == "success"
