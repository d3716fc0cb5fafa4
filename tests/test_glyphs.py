"""Every character the game draws exists in the font that draws it (issue #16: "↔" and "→" were
empty boxes on the beamer debrief), and the validator warns a trainer about the ones that do not.

Scope: what pygame draws with the game's font (Atkinson Hyperlegible, assets/fonts), so the
message catalogues, the bundled scenarios and the literal strings in the code.  Text that
only a terminal (``escapebox walkthrough``), a browser or a PDF viewer shows (``escapebox/report``)
is drawn by that program's fonts and is left out below, each exception with its reason.
"""

from __future__ import annotations

import ast
import shutil
import tomllib
import unicodedata
from pathlib import Path

import pytest

from escapebox.authoring.checks import all_problems
from escapebox.authoring.starter import create_starter
from escapebox.problems import Severity
from escapebox.scenario import glyphs
from escapebox.scenario.loader import load_scenario

REPO = Path(__file__).resolve().parents[1]
CODE = REPO / "escapebox"
SCENARIOS = sorted(p for p in (REPO / "scenarios").iterdir() if (p / "scenario.yaml").is_file())

#: modules whose strings are never drawn by our font, with the reason
NOT_DRAWN = {
    "report": "HTML, Markdown and CSV reports: a browser or spreadsheet draws them",
    "pack/safety.py": "tables of characters a pack refuses",
    "scenario/invisible.py": "tables of invisible characters the validator names",
    "scenario/yamlsafe.py": "tables of characters the YAML reader refuses",
    "puzzles/matching.py": "tables of look-alike characters an answer is normalised from",
    "print/pages.py": "FALLBACKS: the characters it replaces before drawing",
    "scenario/glyphs.py": "the emoji glue it leaves to invisible.py",
}


def _drawn(char: str) -> bool:
    """Control, format, space and unassigned characters draw nothing; layout never asks for them."""
    return unicodedata.category(char) not in ("Cc", "Cf", "Zs", "Zl", "Zp", "Cn")


def _lacking(text: str, fonts=None) -> list[str]:
    fonts = fonts or glyphs.default_fonts()
    return [f"{c!r} {glyphs.char_name(c)}" for c in dict.fromkeys(text)
            if _drawn(c) and any(not glyphs.drawable(c, glyphs.coverage(f)) for f in fonts)]


# ----- the cmap reader --------------------------------------------------------------------------

def test_the_cmap_reader_agrees_with_what_pygame_draws():
    """pygame-ce 2.5.8's ``Font.metrics`` gives a box's metrics for a missing glyph, not None,
    so compare pictures: a character is missing exactly when it draws the .notdef box.  Without
    the decomposition rule (``glyphs.drawable``) this finds Ĉ, Ĕ, Ĝ … that HarfBuzz composes."""
    pygame = pytest.importorskip("pygame")
    pygame.font.init()
    font = pygame.font.Font(str(glyphs.default_font()), 24)
    box = pygame.image.tobytes(font.render("\ue000", True, (0, 0, 0)), "RGBA")   # private use: never in a font
    have = glyphs.coverage(glyphs.default_font())
    wrong = []
    for code in range(0x21, 0x2700):
        char = chr(code)
        if not _drawn(char) or unicodedata.category(char).startswith("M"):
            continue   # marks draw nothing alone, with or without a glyph
        try:
            is_box = pygame.image.tobytes(font.render(char, True, (0, 0, 0)), "RGBA") == box
        except pygame.error:   # "Text has zero width": a glyph that draws nothing, not a box
            is_box = False
        if is_box == glyphs.drawable(char, have):
            wrong.append(f"U+{code:04X}")
    assert not wrong, f"cmap and pygame disagree on {wrong[:20]}"


def test_the_default_fonts_have_the_same_characters_in_every_style():
    """The check asks each style; if they ever differ, a bold room name is checked too."""
    regular, *others = (glyphs.coverage(f) for f in glyphs.default_fonts())
    assert regular and all(other == regular for other in others)


def test_a_file_that_is_not_a_font_gives_no_verdict(tmp_path):
    (tmp_path / "kapot.ttf").write_bytes(b"\0\1\0\0 niet echt een lettertype")
    assert glyphs.coverage(tmp_path / "kapot.ttf") == frozenset()
    assert glyphs.coverage(tmp_path / "weg.ttf") == frozenset()


def test_missing_names_each_character_once_and_emoji_are_told_apart():
    assert glyphs.missing("a → b → c ↔ d\n") == ["→", "↔"]
    assert glyphs.char_name("→") == "U+2192 RIGHTWARDS ARROW"
    assert glyphs.is_emoji("☕") and glyphs.is_emoji("\U0001F469") and not glyphs.is_emoji("✓")


# ----- what the game draws ----------------------------------------------------------------------

def _catalogue_texts():
    for file in sorted((CODE / "locales").glob("*/*.toml")):
        for section, entries in tomllib.loads(file.read_text(encoding="utf-8")).items():
            for key, value in (entries.items() if isinstance(entries, dict) else [(section, entries)]):
                if isinstance(value, str):
                    yield f"{file.relative_to(CODE)} {section}.{key}", value


def test_every_character_of_the_message_catalogues_is_in_the_font():
    found = {where: bad for where, text in _catalogue_texts() if (bad := _lacking(text))}
    assert not found


@pytest.fixture(scope="module")
def starter(tmp_path_factory) -> Path:
    """What ``escapebox new`` writes (its template holds placeholders until then)."""
    return create_starter(tmp_path_factory.mktemp("nieuw") / "mijn-casus").parent


@pytest.mark.parametrize("folder", SCENARIOS + ["starter"], ids=lambda p: getattr(p, "name", p))
def test_every_character_a_bundled_scenario_shows_is_in_the_font(folder, request):
    loaded = load_scenario(request.getfixturevalue("starter") if folder == "starter" else folder)
    texts = [value for value in _strings(loaded.document.data)]
    assert not _lacking("".join(texts))
    assert not glyphs.glyph_problems(loaded)


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _literals(path: Path):
    """String constants of a module that are not docstrings (those reach no screen)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def _not_drawn(path: Path) -> bool:
    relative = path.relative_to(CODE).as_posix()
    return any(relative == name or relative.startswith(name + "/") for name in NOT_DRAWN)


def test_every_character_the_code_itself_draws_is_in_the_font():
    """Literal strings: the debrief's route, a match's pairs, an order's steps, the screens' own marks."""
    found = []
    for path in sorted(CODE.rglob("*.py")):
        if _not_drawn(path):
            continue
        for line, text in _literals(path):
            if bad := _lacking(text):
                found.append(f"{path.relative_to(REPO)}:{line}: {bad}")
    assert not found


# ----- the validator's warning ------------------------------------------------------------------

def _scenario(tmp_path, replace: tuple[str, str], theme: str = "") -> Path:
    folder = tmp_path / "scenario"
    shutil.copytree(REPO / "scenarios" / "minimaal", folder)
    file = folder / "scenario.yaml"
    text = file.read_text(encoding="utf-8")
    assert replace[0] in text
    text = text.replace(replace[0], replace[1], 1)
    if theme:
        text = text.replace("\nstart:", f"\ntheme: {theme}\nstart:", 1)
    file.write_text(text, encoding="utf-8")
    return folder


def _glyph_warnings(folder: Path):
    return [p for p in all_problems(load_scenario(folder)) if p.code.startswith("validate.glyph_")]


def test_the_validator_names_a_missing_character_at_its_line_and_column(tmp_path):
    folder = _scenario(tmp_path, ("title: De vergeten sleutel", 'title: "Sleutel → kastje → deur"'))
    [warning] = _glyph_warnings(folder)
    assert warning.severity is Severity.WARNING and warning.code == "validate.glyph_missing"
    assert warning.path == "title" and warning.params["count"] == 2
    assert warning.params["name"] == "U+2192 RIGHTWARDS ARROW"
    line = (folder / "scenario.yaml").read_text(encoding="utf-8").splitlines()[warning.line - 1]
    assert line[warning.column - 1] == "→" and line.index("→") == warning.column - 1


def test_an_emoji_gets_its_own_message_and_comments_keys_and_file_names_none(tmp_path):
    folder = _scenario(tmp_path, ("summary: Een korte oefening.", 'summary: "Een korte oefening ☕." # → een pijl'))
    [warning] = _glyph_warnings(folder)
    assert warning.code == "validate.glyph_emoji" and warning.params["char"] == "☕"
    key = _scenario(tmp_path / "b", ('"0421": Bijna.', '"04→21": Bijna.'))    # a near miss is a key: never drawn
    assert not _glyph_warnings(key)


def test_a_theme_with_its_own_font_is_checked_against_that_font(tmp_path):
    """pygame's own FreeSans has Greek capitals Atkinson lacks, and lacks '∞', which Atkinson has."""
    pygame = pytest.importorskip("pygame")
    free_sans = Path(pygame.__file__).parent / "freesansbold.ttf"
    text = ("title: De vergeten sleutel", 'title: "ΣΦ ∞"')
    assert {p.params["char"] for p in _glyph_warnings(_scenario(tmp_path / "a", text))} == {"Σ", "Φ"}
    folder = _scenario(tmp_path / "b", text, theme="huisstijl.yaml")
    shutil.copy(free_sans, folder / "letter.ttf")
    (folder / "huisstijl.yaml").write_text(
        "theme_format: 1\nname: Huisstijl\nfonts:\n  regular: letter.ttf\n  bold: letter.ttf\n"
        "  italic: letter.ttf\n  bold_italic: letter.ttf\n", encoding="utf-8")
    [warning] = _glyph_warnings(folder)
    assert warning.params["char"] == "∞" and warning.params["font"] == "letter.ttf"
