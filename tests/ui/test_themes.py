"""Themes in the running game: which theme wins, the organisation's logo, and status shown by more than colour."""

import shutil

from escapebox.scenario.loader import load_scenario
from escapebox.themes import builtin_theme
from ui_helpers import FIXTURE, REPO

ORG = REPO / "assets" / "themes" / "zorggroep-voorbeeld" / "theme.yaml"


def fixture_with_theme(tmp_path, value):
    folder = tmp_path / "scenario"
    shutil.copytree(FIXTURE, folder)
    text = (folder / "scenario.yaml").read_text(encoding="utf-8")
    (folder / "scenario.yaml").write_text(text.replace("\nstart:", f"\ntheme: {value}\nstart:", 1), encoding="utf-8")
    return load_scenario(folder)


def test_the_scenario_names_its_house_style(make_app, tmp_path):
    app, pilot = make_app(fixture_with_theme(tmp_path, "zorggroep-voorbeeld"))
    assert app.theme.label == "Zorggroep Voorbeeld"
    assert app.theme.colours.accent == (0x00, 0x6E, 0x5F)


def test_theme_file_beats_the_scenario_and_high_contrast_beats_both(make_app, tmp_path):
    loaded = fixture_with_theme(tmp_path, "default")
    app, _ = make_app(loaded, theme_file=ORG)
    assert app.theme.label == "Zorggroep Voorbeeld"
    app2, _ = make_app(loaded, theme_file=ORG, high_contrast=True)
    assert app2.theme.colours == builtin_theme("high_contrast").theme.colours


def test_a_broken_scenario_theme_falls_back_to_the_default(make_app, tmp_path):
    app, pilot = make_app(fixture_with_theme(tmp_path, "bestaat-niet.yaml"))
    assert app.theme.colours == builtin_theme("default").theme.colours
    pilot.press("return")
    assert pilot.screen.name == "group"        # the game goes on


def test_the_logo_is_drawn_on_the_intro(make_app, tmp_path):
    app, pilot = make_app(load_scenario(FIXTURE), theme_file=ORG)
    drawn = []
    original = app.canvas.image
    app.canvas.image = lambda path, rect, fit="contain": drawn.append(path) or original(path, rect, fit)
    app.draw()
    assert app.theme.logo in drawn and app.theme.background_image in drawn
    # the logo's green is on screen, top right
    x, y = app.canvas.to_physical((1920 - 80 - 90, 50))
    window = app.window
    greens = [window.get_at((x + dx, y + dy))[:3] for dx in range(0, 120, 4) for dy in range(0, 60, 4)]
    assert (0x00, 0x6E, 0x5F) in greens


def test_leaving_the_scenario_drops_its_theme(make_app, tmp_path):
    loaded = fixture_with_theme(tmp_path, "zorggroep-voorbeeld")
    app, pilot = make_app(None)
    assert app.theme.label == "Standaard"
    app.stack.push(__import__("escapebox.ui.screens.intro", fromlist=["IntroScreen"]).IntroScreen(app, loaded))
    assert app.theme.label == "Zorggroep Voorbeeld"
    pilot.press("escape")
    assert pilot.screen.name == "picker" and app.theme.label == "Standaard"


def test_text_on_status_fills_comes_from_the_theme(make_app):
    """Text on a danger fill is the theme's ``status_text`` (black in high contrast), not picked by theme name."""
    from escapebox.themes.theme import contrast_ratio
    from escapebox.ui.widgets import Button
    app, _ = make_app(load_scenario(FIXTURE), high_contrast=True)
    _, fg, _ = Button("Stop", kind="danger")._colours(app)
    assert fg == app.theme.colours.status_text == (0, 0, 0)
    assert contrast_ratio(fg, app.theme.colours.danger) >= 4.5
