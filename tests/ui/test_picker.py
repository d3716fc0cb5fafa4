"""The scenario picker: bundled scenarios, the trainer's own folder, and broken files."""

from escapebox import paths
from escapebox.ui.screens.picker import PickerScreen, find_entries


def test_picker_lists_bundled_scenarios_with_facts(make_app):
    app, pilot = make_app(None)
    screen = app.stack.top
    assert isinstance(screen, PickerScreen)
    titles = {card.entry.path.name: card for card in screen.cards}
    assert "minimaal" in titles
    card = titles["minimaal"]
    assert "1-5 spelers" in card.facts and "5 minuten" in card.facts
    pilot.click_widget("scenario:minimaal")
    assert app.stack.top.name == "intro"
    pilot.press("escape")
    assert app.stack.top is screen


def test_own_folder_and_broken_scenario(tmp_path, monkeypatch, make_app):
    own = tmp_path / "Escapebox"
    (own / "kapot").mkdir(parents=True)
    (own / "kapot" / "scenario.yaml").write_text("format: 1\nid: kapot\ntitle: [\n", encoding="utf-8")
    monkeypatch.setattr(paths, "user_scenario_dirs", lambda: [own])
    app, pilot = make_app(None)
    entries = {e.path.name: e for e in app.stack.top.entries}
    assert entries["kapot"].problem and not entries["kapot"].bundled
    for _ in range(20):
        if app.stack.top.focus.focused.key == "scenario:kapot":
            break
        pilot.press("tab")
    assert not app.stack.top.focus.focused.clipped     # scrolled into view
    pilot.press("return")
    assert app.stack.top.name == "picker"              # a broken scenario does not open
    assert app.toasts


def test_keyboard_scrolls_the_list(make_app):
    app, pilot = make_app(None)
    screen = app.stack.top
    for _ in range(len(screen.cards)):
        pilot.press("tab")
        focused = screen.focus.focused
        if focused in screen.cards:
            assert not focused.clipped


def test_find_entries_in_installed_layout(tmp_path, monkeypatch):
    share = tmp_path / "share" / "escapebox" / "scenarios" / "een"
    share.mkdir(parents=True)
    import sys

    from escapebox.paths import PACKAGE
    (share / "scenario.yaml").write_text((PACKAGE.parent / "scenarios" / "minimaal" / "scenario.yaml").read_text(
        encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    from escapebox.i18n import Translator
    names = [e.path.name for e in find_entries(Translator("nl"))]
    assert "een" in names
