"""'Scenario openen…' and 'Meedoen met een leerfestival' in the picker: a typed, pasted or chosen
path takes the route of a drop; the picker lists what was added, focused; an edition's name heads it."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pygame
import pytest

from escapebox import paths
from escapebox.ui import file_dialog
from escapebox.ui.drop import on_drop
from escapebox.ui.screens.picker import MARGIN

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def no_dialog(monkeypatch):
    """A computer without zenity or kdialog (as this one): only the typed path."""
    monkeypatch.setenv("PATH", "")


def focused_card(app):
    return app.stack.top.focus.focused.entry.path


def test_a_typed_path_is_added_and_the_picker_shows_it_focused(make_app, own, good_pack, no_dialog):
    app, pilot = make_app()
    pilot.click_widget("open")
    assert pilot.screen.name == "open-scenario" and pilot.widget("browse") is None
    app.clipboard.copy(f'"{good_pack}"')           # Windows' "Copy as path" quotes it
    pilot.press("ctrl+v", "return")
    assert pilot.screen.name == "picker"
    assert (own / "sleutel.escapebox").is_file() and focused_card(app) == own / "sleutel.escapebox"
    assert app.toasts[-1].kind == "success" and "is toegevoegd" in app.toasts[-1].text


def test_a_broken_pack_keeps_the_screen_open_with_the_validators_words(make_app, own, tmp_path, no_dialog):
    broken = tmp_path / "kapot.escapebox"
    broken.write_bytes(b"PK\x03\x04 dit is geen pakket")
    app, pilot = make_app()
    for _ in range(40):                              # keys only: the focus ring reaches the button
        if pilot.screen.focus.focused.key == "open":
            break
        pilot.press("tab")
    pilot.press("return")
    pilot.type(str(broken))
    pilot.press("return")
    screen = pilot.screen
    assert screen.name == "open-scenario" and screen.refused and not own.exists()
    assert screen.lines[0] == "'kapot.escapebox' is niet toegevoegd: er zijn problemen gevonden (1 fout)."
    assert not any("Traceback" in line or str(tmp_path) in line for line in screen.lines)
    pilot.press("escape")
    assert pilot.screen.name == "picker"


def test_an_empty_path_asks_for_one(make_app, no_dialog):
    app, pilot = make_app()
    pilot.click_widget("open")
    pilot.click_widget("open")                       # the screen's own "Openen" button, by mouse
    assert pilot.screen.lines == ["Typ eerst het pad van een scenario."]


def test_the_platforms_dialog_fills_in_the_path_and_opens_it(make_app, own, good_pack, tmp_path, monkeypatch):
    """A stand-in zenity on PATH prints the chosen file, as the real one does."""
    folder = tmp_path / "bin"
    folder.mkdir()
    zenity = folder / "zenity"
    zenity.write_text(f"#!/bin/sh\nprintf '%s\\n' '{good_pack}'\n", encoding="utf-8")
    zenity.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    app, pilot = make_app()
    pilot.click_widget("open")
    pilot.click_widget("browse")
    end = time.monotonic() + 10
    while pilot.screen.name == "open-scenario" and time.monotonic() < end:
        pilot.run()
        time.sleep(0.02)
    assert pilot.screen.name == "picker" and focused_card(app) == own / "sleutel.escapebox"


def test_a_cancelled_dialog_changes_nothing(make_app, tmp_path, monkeypatch):
    app, pilot = make_app()
    pilot.click_widget("open")
    screen = pilot.screen
    screen.dialog = file_dialog.FileDialog(["sh", "-c", "exit 1"])   # cancel: exit code 1, no output
    end = time.monotonic() + 10
    while screen.dialog is not None and time.monotonic() < end:
        pilot.run()
        time.sleep(0.02)
    assert pilot.screen is screen and screen.typed == "" and screen.lines == []


@pytest.mark.parametrize("platform, program", [("win32", "powershell"), ("darwin", "osascript"),
                                               ("linux", "zenity"), ("linux", "kdialog")])
def test_each_platform_has_its_dialog_program(platform, program):
    argv = file_dialog.command("Kies", platform, which=lambda name: name if name == program else None)
    assert argv[0] == program and any("Kies" in part for part in argv)
    assert file_dialog.command("Kies", platform, which=lambda name: None) is None


def test_the_frozen_apps_own_library_path_is_not_handed_to_the_dialog_program():
    frozen = {"LD_LIBRARY_PATH": "/opt/Escapebox/_internal", "LD_LIBRARY_PATH_ORIG": "/usr/local/lib", "HOME": "/h"}
    assert file_dialog.system_environment(frozen, frozen=True) == {"LD_LIBRARY_PATH": "/usr/local/lib", "HOME": "/h"}
    assert file_dialog.system_environment({"LD_LIBRARY_PATH": "/opt/Escapebox/_internal"}, frozen=True) == {}
    assert file_dialog.system_environment(frozen, frozen=False) is None


def test_a_drop_on_the_picker_lists_the_scenario_focused(make_app, own, good_pack):
    app, pilot = make_app()
    on_drop(app, pygame.event.Event(pygame.DROPFILE, file=str(good_pack)))
    assert any(card.entry.path == own / "sleutel.escapebox" for card in app.stack.top.cards)
    assert focused_card(app) == own / "sleutel.escapebox"


def test_an_editions_name_heads_its_picker(make_app, monkeypatch):
    monkeypatch.setattr(paths, "edition", lambda: paths.Edition(name="Escapebox Zorggroep De Meander"))
    app, _pilot = make_app()
    assert app.stack.top.heading() == "Escapebox Zorggroep De Meander"
    monkeypatch.setattr(paths, "edition", lambda: paths.Edition())
    assert app.stack.top.heading() == "Escapebox"


def test_not_found_on_the_network_says_to_type_the_address(make_app):
    from escapebox.ui.screens.festival_join import FestivalJoinScreen
    app, pilot = make_app()
    app.stack.push(FestivalJoinScreen(app, join=lambda code, typed: (
        "FEST23", None, "", ("festival.cli.not_found", {"code": "FEST23"}))))
    pilot.type("FEST23")
    pilot.press("return")
    end = time.monotonic() + 5
    while pilot.screen.searching and time.monotonic() < end:
        pilot.run()
    assert pilot.screen.problem.startswith("Geen leerfestival met code FEST23 gevonden op dit netwerk.")
    assert "--broker" not in pilot.screen.problem and not app.services.festival.joined


@pytest.mark.parametrize("mode", ["keys", "mouse"])
def test_the_auto_player_leaves_both_screens_by_keys_and_by_mouse(make_app, mode, no_dialog):
    app, pilot = make_app()
    for key in ("open", "festival"):
        pilot.click_widget(key)
        pilot.perform(pilot.screen.autoplay(None), mode)
        assert pilot.screen.name == "picker"


def test_a_long_edition_name_stays_clear_of_the_buttons_at_the_beamers_text(make_app, monkeypatch):
    name = "Escapebox Stichting Zorggroep De Meander en Omstreken"
    monkeypatch.setattr(paths, "edition", lambda: paths.Edition(name=name))
    app, _pilot = make_app(text_size="large")
    screen = app.stack.top
    heading, size = screen._fitted_heading(app.canvas, screen._head_width())
    assert heading.endswith("…") and size == app.size("heading")
    assert MARGIN + app.canvas.measure(heading, "bold", size) <= screen.settings_button.rect.left
    assert min(card.rect.top for card in screen.cards) >= screen._head_bottom() + 10


@pytest.mark.parametrize("text_size", ["normal", "large"])
def test_a_presenter_clicker_reaches_every_card_and_the_new_buttons(make_app, no_dialog, text_size):
    """PageDown only, as the clicker sends it: row by row through the cards (at the beamer's text
    size a row is most of the list's height), then control by control."""
    app, pilot = make_app(text_size=text_size)
    picker, seen = pilot.screen, set()
    for _ in range(40):
        focused = picker.focus.focused
        assert focused not in picker.cards or not focused.clipped
        seen |= {card.entry.path for card in picker.cards if not card.clipped}
        if focused.key == "festival":
            break
        pilot.press("pagedown")
    assert seen == {card.entry.path for card in picker.cards}          # every card came into view
    pilot.press("f5")
    assert pilot.screen.name == "festival-join"
    pilot.press("pagedown", "pagedown", "pagedown")  # the code, the address, "Meedoen", then "Terug"
    assert pilot.screen.focus.focused.key == "back"
    pilot.press("f5")
    assert pilot.screen.name == "picker"


def test_a_path_from_the_home_folder_is_typed_with_a_tilde(make_app, own, good_pack, monkeypatch, no_dialog):
    monkeypatch.setenv("HOME", str(good_pack.parent))
    app, pilot = make_app()
    pilot.click_widget("open")
    pilot.type("~/sleutel.escapebox")
    pilot.press("return")
    assert pilot.screen.name == "picker" and (own / "sleutel.escapebox").is_file()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_longest_join_message_fits_under_the_buttons_at_the_largest_text(make_app, lang):
    from escapebox.ui.canvas import LOGICAL_H
    from escapebox.ui.screens.festival_join import FestivalJoinScreen
    app, _pilot = make_app(lang=lang, text_size="extra_large")
    screen = app.stack.push(FestivalJoinScreen(app))
    words = [app.tr(key, code="K7M2QX", address="192.168.100.200:18830", reason="Network is unreachable", length=6)
             for key in ("opening.join.not_found", "festival.join.unreachable_now", "festival.join.no_answer_now",
                         "festival.join.wrong_code", "festival.cli.bad_code")]
    longest = max(app.canvas.layout(w, "bold", app.size("body"), 1200).height for w in words)
    assert screen.message_top + longest <= LOGICAL_H - 40
