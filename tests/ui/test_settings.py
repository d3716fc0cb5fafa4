"""The settings screen: reachable by keyboard and mouse, applied at once, remembered, robust to a bad file."""

import dataclasses
import shutil

from escapebox.scenario.loader import load_scenario
from escapebox.ui.settings import Settings, load_settings, save_settings, settings_path
from ui_helpers import FIXTURE, focus_key, start_game, tab_to


def saved(tmp_path) -> Settings:
    return load_settings(settings_path(tmp_path / "data"))[0]


def test_keyboard_only_from_the_intro_and_remembered(make_app, fixture_scenario, tmp_path):
    app, pilot = make_app(fixture_scenario)
    tab_to(pilot, "settings")
    pilot.press("return")
    assert pilot.screen.name == "settings" and focus_key(app) == "text_size"
    pilot.press("return")                                   # normal → large
    assert app.settings.text_size == "large"
    tab_to(pilot, "high_contrast")
    pilot.press("return")
    assert app.settings.high_contrast and app.theme.colours.background == (0, 0, 0)
    assert pilot.widget("high_contrast").selected is True  # a check box, not colour alone
    pilot.press("escape")
    assert pilot.screen.name == "intro"
    assert saved(tmp_path).text_size == "large" and saved(tmp_path).high_contrast
    again, _ = make_app(fixture_scenario)                   # the next start remembers
    assert again.settings.text_size == "large" and again.theme.colours.background == (0, 0, 0)


def test_mouse_only_from_the_picker(make_app, tmp_path):
    app, pilot = make_app(None)
    pilot.click_widget("settings")
    assert pilot.screen.name == "settings"
    pilot.click_widget("dyslexia")
    assert app.settings.dyslexia and app.text.letter > 0
    pilot.click_widget("close")
    assert pilot.screen.name == "picker"


def test_text_size_has_four_steps_and_text_grows(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    pilot.click_widget("settings")
    sizes = []
    for _ in range(4):
        sizes.append((app.settings.text_size, app.size("body")))
        pilot.click_widget("text_size")
    assert [name for name, _ in sizes] == ["normal", "large", "extra_large", "small"]
    assert sizes[0][1] < sizes[1][1] < sizes[2][1] and sizes[3][1] < sizes[0][1]


def test_switching_language_changes_every_screen_but_not_the_scenario(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    assert pilot.widget("start").text.startswith("Start")
    title = app.stack.screens[0].scenario.title
    pilot.click_widget("settings")
    pilot.click_widget("language")
    assert app.tr.lang == "en"
    assert pilot.widget("close").text == "Done"
    pilot.press("escape")
    assert pilot.widget("settings").text == "Settings"
    assert app.stack.top.scenario.title == title           # scenario text stays as written


def english_fixture(tmp_path):
    folder = tmp_path / "english"
    shutil.copytree(FIXTURE, folder)
    text = (folder / "scenario.yaml").read_text(encoding="utf-8")
    assert "\nlanguage: nl\n" in text
    (folder / "scenario.yaml").write_text(text.replace("\nlanguage: nl\n", "\nlanguage: en\n", 1), encoding="utf-8")
    return load_scenario(folder)


def test_the_scenario_language_applies_when_nobody_chose(make_app, tmp_path):
    loaded = english_fixture(tmp_path)
    app, _ = make_app(loaded, lang=None)
    assert app.tr.lang == "en"
    save_settings(settings_path(tmp_path / "data"), Settings(language="nl"))
    app2, _ = make_app(loaded, lang=None)
    assert app2.tr.lang == "nl"                                # a saved choice beats the scenario
    app3, _ = make_app(loaded, lang="en")
    assert app3.tr.lang == "en"                                # --lang beats the saved choice


def test_flags_override_for_this_run_only(make_app, fixture_scenario, tmp_path):
    save_settings(settings_path(tmp_path / "data"), Settings(sound=True, timer_visible=True))
    app, pilot = make_app(fixture_scenario, timer_visible=False)
    assert not app.settings.timer_visible
    pilot.click_widget("settings")
    pilot.click_widget("reduced_motion")                      # an unrelated change is saved ...
    assert saved(tmp_path).reduced_motion
    assert saved(tmp_path).timer_visible                      # ... without making the flag permanent


def test_timer_off_hides_the_clock(make_app, fixture_scenario):
    app, pilot = make_app(fixture_scenario)
    start_game(pilot)
    pilot.press("p")
    pilot.click_widget("settings")
    pilot.click_widget("timer_visible")
    assert not app.settings.timer_visible
    drawn = []
    original = app.canvas.text
    app.canvas.text = lambda text, *a, **k: drawn.append(text) or original(text, *a, **k)
    pilot.press("escape")
    pilot.click_widget("resume")
    app.draw()
    assert pilot.screen.name == "room"
    assert not any(":" in t and t.replace(":", "").isdigit() for t in drawn)


def test_a_broken_settings_file_gives_a_warning_and_defaults(make_app, fixture_scenario, tmp_path):
    path = settings_path(tmp_path / "data")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"[settings\ntext_size = \xff")
    app, pilot = make_app(fixture_scenario)
    assert app.settings.text_size == "normal"
    assert any("settings.toml" in t.text for t in app.toasts)
    pilot.click_widget("settings")
    pilot.click_widget("text_size")                           # writing a fresh file works
    assert saved(tmp_path).text_size == "large"


def test_wrong_values_in_the_file_are_ignored(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('[settings]\ntext_size = "reusachtig"\nsound = "ja"\nlanguage = "fr"\ndyslexia = true\n')
    settings, problem = load_settings(path)
    assert problem is None
    assert (settings.text_size, settings.sound, settings.language, settings.dyslexia) == ("normal", True, None, True)


def test_an_unwritable_folder_is_said_not_crashed(make_app, fixture_scenario, tmp_path):
    app, pilot = make_app(fixture_scenario)
    app.services = dataclasses.replace(app.services, settings_file=tmp_path / "bestand" / "settings.toml")
    (tmp_path / "bestand").write_text("geen map")
    pilot.click_widget("settings")
    pilot.click_widget("sound")
    assert app.settings.sound is True                         # the choice applies anyway
    assert any(t.kind == "danger" for t in app.toasts)
