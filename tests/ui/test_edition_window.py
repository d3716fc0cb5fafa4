"""An organisation's edition (``escapebox bundle --name --theme``): its name in the window's title
bar, its logo as the window's icon and on the start screen, its house style as the default
(tests/test_bundle.py checks the rest)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pygame
import pytest

from escapebox import paths
from escapebox.bundle.edition import EditionRequest, stage_edition

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_THEME = ROOT / "assets" / "themes" / "zorggroep-voorbeeld" / "theme.yaml"
NAME = "Escapebox Zorggroep De Meander"


@pytest.fixture
def edition(tmp_path, monkeypatch):
    folder = tmp_path / "edition"
    stage_edition(EditionRequest(name=NAME, theme=EXAMPLE_THEME), folder)
    monkeypatch.setattr(paths, "edition_dir", lambda: folder)
    paths.edition.cache_clear()
    yield folder
    paths.edition.cache_clear()


def test_the_window_shows_the_editions_name_and_logo(edition, make_app, monkeypatch):
    icons = []
    monkeypatch.setattr(pygame.display, "set_icon", lambda surface: icons.append(surface.get_size()))
    app, _pilot = make_app()
    assert pygame.display.get_caption()[0] == NAME
    assert icons == [(64, 64)]
    assert app.theme.logo == edition / "theme" / "logo.svg"  # the start screen draws the theme's logo


def test_a_plain_escapebox_keeps_its_own_title(make_app, monkeypatch):
    paths.edition.cache_clear()
    app, _pilot = make_app()
    assert pygame.display.get_caption()[0] == app.tr("ui.app.window_title")


def test_an_editions_theme_is_the_default_but_the_players_choices_win(edition):
    from escapebox.themes import builtin_theme, load_theme_file
    from escapebox.themes.theme import choose_theme
    plain = SimpleNamespace(high_contrast=False, theme_file=None, theme="default")
    shown = choose_theme(plain)
    assert shown.colours == load_theme_file(EXAMPLE_THEME).theme.colours
    assert shown.logo == edition / "theme" / "logo.svg"
    high = choose_theme(SimpleNamespace(**{**vars(plain), "high_contrast": True}))
    assert high.colours == builtin_theme("high_contrast").theme.colours
