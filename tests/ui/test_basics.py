"""Theme, settings, canvas scaling, text layout, text editing and the catalogues."""

import re
from pathlib import Path

import pygame
import pytest

from escapebox.i18n import catalogue
from escapebox.ui.canvas import Canvas
from escapebox.ui.editing import EditBuffer
from escapebox.ui.images import ImageCache
from escapebox.ui.settings import Settings
from escapebox.ui.text import FontBook, TextRenderer
from escapebox.themes.theme import DEFAULT_THEME, HIGH_CONTRAST_THEME, THEMES, contrast_ratio
from escapebox.ui.widgets.entry import wrap_spans
from escapebox import paths

UI = Path(__file__).resolve().parents[2] / "escapebox" / "ui"


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda t: t.name)
def test_body_text_contrast_is_wcag_aa(theme):
    c = theme.colours
    pairs = [(c.text, c.background), (c.text, c.panel), (c.text, c.panel_alt), (c.muted, c.background),
             (c.muted, c.panel), (c.muted, c.panel_alt), (c.accent_text, c.accent), (c.new_badge_text, c.new_badge),
             (c.danger, c.panel), (c.success, c.panel), (c.accent, c.panel)]
    for fg, bg in pairs:
        assert contrast_ratio(fg, bg) >= 4.5, (theme.name, fg, bg)
    assert contrast_ratio(c.focus, c.background) >= 3.0      # non-text contrast for the focus ring


def test_beamer_body_text_is_at_least_a_28th_of_the_screen():
    settings = Settings().beamer()
    assert settings.fullscreen
    assert DEFAULT_THEME.size("body", settings.text_scale) >= 1080 / 28
    assert DEFAULT_THEME.size("small", settings.text_scale) >= 30


def make_canvas(size):
    pygame.display.init()
    pygame.font.init()
    surface = pygame.Surface(size)
    fonts = FontBook(paths.assets_dir() / "fonts", DEFAULT_THEME.fonts)
    return Canvas(surface, TextRenderer(fonts), ImageCache(None))


@pytest.mark.parametrize("size, scale, offset", [
    ((1280, 720), 2 / 3, (0, 0)), ((1920, 1080), 1.0, (0, 0)), ((3840, 2160), 2.0, (0, 0)),
    ((1000, 1000), 1000 / 1920, (0, 219)), ((2560, 1080), 1.0, (320, 0)),
])
def test_canvas_letterboxes_and_maps_the_mouse_back(size, scale, offset):
    canvas = make_canvas(size)
    assert canvas.scale == pytest.approx(scale)
    assert canvas.offset == offset
    for point in [(0, 0), (960, 540), (1919, 1079), (123, 456)]:
        back = canvas.to_logical(canvas.to_physical(point))
        assert abs(back[0] - point[0]) <= 2 and abs(back[1] - point[1]) <= 2
    assert canvas.px(pygame.Rect(0, 0, 1920, 1080)).size == (round(1920 * scale), round(1080 * scale))


def test_layout_is_the_same_at_every_window_size():
    text = "Zoë’s ‘ideeën’ over “privé” – één café — coöperatie, reünie, naïef. " * 8
    layouts = []
    for size in [(1280, 720), (1920, 1080), (3840, 2160)]:
        canvas = make_canvas(size)
        layouts.append(canvas.layout(text, "regular", 34, 900).lines)
    assert layouts[0] == layouts[1] == layouts[2]


def test_wrapping_never_exceeds_the_width_and_breaks_long_words():
    canvas = make_canvas((1920, 1080))
    text = "kort " + "x" * 300 + " https://example.org/" + "a/" * 80
    layout = canvas.layout(text, "regular", 40, 500)
    assert all(canvas.measure(line, "regular", 40) <= 500 for line in layout.lines)
    assert "".join(layout.lines).replace(" ", "") == text.replace(" ", "")


def test_a_tab_in_a_text_is_shown_as_a_space():
    """The font has no glyph for a tab (a crossed box on screen); the validator warns at it."""
    canvas = make_canvas((1920, 1080))
    layout = canvas.layout("maandag\tdinsdag", "regular", 40, 1500)
    assert layout.lines == ("maandag dinsdag",)


def test_physical_text_fits_its_logical_width_at_every_scale():
    """Rendering at size × scale stays within the logical width × scale (plus a few pixels)."""
    text = "Welke code opent het sleutelkastje? Zoë’s ideeën, één café."
    for size in [(1280, 720), (3840, 2160)]:
        canvas = make_canvas(size)
        width = canvas.measure(text, "regular", 34)
        surface = canvas.text_renderer.render(text, "regular", 34, (0, 0, 0))
        assert surface.get_width() <= width * canvas.scale + 6


def test_edit_buffer_selection_and_words():
    b = EditBuffer("moeder contract")
    b.move_to(0)
    b.move_to(b.word_right(0), extend=True)
    assert b.selected_text() == "moeder"
    b.insert("Vader")
    assert b.text == "Vader contract"
    b.select_all()
    assert b.cut() == "Vader contract" and b.text == ""
    b.insert("e\u0308")                       # e + combining diaeresis is stored as ë
    assert b.text == "ë"
    b.insert("\x07a\tb")                      # control characters are dropped, tabs become spaces
    assert b.text == "ëa b"
    assert b.backspace(word=True) and b.text == "ëa "


def test_single_line_buffer_has_no_newlines():
    b = EditBuffer("", multiline=False)
    b.insert("een\nregel")
    assert b.text == "een regel"


def test_wrap_spans_keep_every_character():
    text = "Dit is een lange regel tekst.\n\nNieuwe alinea met eenheelerglangwoordzonderspaties."
    spans = wrap_spans(text, 120, lambda s: len(s) * 10)
    rebuilt = ""
    previous_end = 0
    for start, end in spans:
        rebuilt += text[previous_end:start] + text[start:end]
        previous_end = end
    assert rebuilt + text[previous_end:] == text
    assert all(len(text[s:e].rstrip()) * 10 <= 120 for s, e in spans)


def test_catalogues_are_complete_and_every_used_key_exists():
    nl = {k for k in catalogue("nl") if k.startswith("ui.")}
    en = {k for k in catalogue("en") if k.startswith("ui.")}
    assert nl == en
    used = set()
    for path in list(UI.rglob("*.py")) + [UI.parent / "cli" / "play_cmd.py"]:
        used |= set(re.findall(r'"(ui\.[a-z_]+\.[a-z_]+)"', path.read_text(encoding="utf-8")))
    assert used <= nl, used - nl
    for kind in ("text", "scale", "discuss"):
        assert f"ui.reflection.title_{kind}" in nl
    assert "geen echte namen van studenten" in catalogue("nl")["sessions.privacy_notice"]


def test_settings_and_theme_texts_exist_in_both_languages():
    """Static keys in code, and the keys the settings screen builds from setting names."""
    from escapebox.ui.screens.settings import TOGGLES
    from escapebox.ui.settings import LANGUAGE_CHOICES, TEXT_STEPS
    for area in ("settings", "theme"):
        nl = {k for k in catalogue("nl") if k.startswith(area + ".")}
        assert nl and nl == {k for k in catalogue("en") if k.startswith(area + ".")}, area
    used = set()
    for path in list(UI.rglob("*.py")) + list((UI.parent / "themes").rglob("*.py")) + [UI.parent / "cli" / "play_cmd.py"]:
        used |= set(re.findall(r'"((?:settings|theme)\.[a-z_]+(?:\.[a-z_]+)?)"', path.read_text(encoding="utf-8")))
    used = {k for k in used if not k.endswith((".toml", ".yaml"))}   # file names, not texts
    used |= {f"settings.size.{s}" for s in TEXT_STEPS} | {f"settings.lang.{lang}" for lang in LANGUAGE_CHOICES}
    used |= {f"settings.{name}" for name in TOGGLES}
    assert used <= set(catalogue("nl")), used - set(catalogue("nl"))


def test_missing_fonts_fall_back_without_crashing(tmp_path, caplog):
    pygame.font.init()
    fonts = FontBook(tmp_path, DEFAULT_THEME.fonts)
    font = fonts.get("bold", 30)
    assert font.render("Zoë", True, (0, 0, 0)).get_width() > 0
    assert "default font" in caplog.text


def test_high_contrast_theme_differs():
    assert HIGH_CONTRAST_THEME.colours.background == (0, 0, 0)
