"""Theme files: the built-in themes, trainer mistakes with file:line:column, and the WCAG contrast check."""

import os
import shutil
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from escapebox.i18n import Translator
from escapebox.problems import EscapeboxError, Severity
from escapebox.scenario.loader import load_scenario
from escapebox.authoring.checks import all_problems
from escapebox.themes import BUILTIN_THEMES, Ratio, builtin_theme, load_theme_file, resolve_theme
from escapebox.themes.theme import DEFAULT_THEME, HIGH_CONTRAST_THEME

REPO = Path(__file__).resolve().parents[1]
NL, EN = Translator("nl"), Translator("en")
LOW_CONTRAST = """theme_format: 1
name: Te licht
colours:
  background: "#FFFFFF"
  panel: "#FFFFFF"
  muted: "#8A8A8A"
"""


def write(folder: Path, text: str, name: str = "theme.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", BUILTIN_THEMES)
def test_every_built_in_theme_loads_without_problems(name):
    loaded = builtin_theme(name)
    assert loaded.ok and loaded.problems == [], [p.render(NL) for p in loaded.problems]
    assert loaded.theme.label


@pytest.mark.parametrize("name, code_theme", [("default", DEFAULT_THEME), ("high_contrast", HIGH_CONTRAST_THEME)])
def test_theme_files_match_the_fallback_in_code(name, code_theme):
    """The copy in code is used when assets/themes is missing; the two must not drift apart."""
    from_file = builtin_theme(name).theme.colours
    for f in fields(code_theme.colours):
        assert getattr(from_file, f.name) == getattr(code_theme.colours, f.name), f.name


def test_the_organisation_theme_has_its_logo_and_background():
    theme = builtin_theme("zorggroep-voorbeeld").theme
    assert theme.logo.name == "logo.svg" and theme.logo.is_file()
    assert theme.background_image.is_file()
    assert theme.colours.accent == (0x00, 0x6E, 0x5F)


def test_too_low_contrast_is_refused_with_the_measured_ratio(tmp_path):
    loaded = load_theme_file(write(tmp_path, LOW_CONTRAST))
    assert not loaded.ok
    first = loaded.problems[0]
    assert first.severity is Severity.ERROR
    assert first.render(NL) == (f"{tmp_path / 'theme.yaml'}:6:10: colours.muted: te weinig contrast tussen muted "
                                "en background: contrast 3,4:1, nodig 4,5:1 (WCAG AA).")
    assert first.message(EN) == ("not enough contrast between muted and background: contrast 3.4:1, "
                                 "needs 4.5:1 (WCAG AA).")


def test_a_weak_focus_ring_is_a_warning_not_an_error(tmp_path):
    text = 'theme_format: 1\nname: Zacht\ncolours:\n  focus: "#F0E0D0"\n'
    loaded = load_theme_file(write(tmp_path, text))
    assert loaded.ok
    assert {p.severity for p in loaded.problems} == {Severity.WARNING}
    assert "nodig 3,0:1" in loaded.problems[0].message(NL)
    assert loaded.problems[0].line == 4


def test_ratio_is_rounded_down_so_a_failure_never_reads_as_a_pass():
    assert f"{Ratio(4.4999):nl}" == "4,4"
    assert f"{Ratio(4.4999):en}" == "4.4"
    assert f"{Ratio(21):nl}" == "21,0"


@pytest.mark.parametrize("text, code, line, column", [
    ('theme_format: 1\nname: X\ncolours:\n  accent: blauw\n', "theme.bad_colour", 4, 11),
    ('theme_format: 1\nname: X\ncolours:\n  acent: "#000000"\n', "schema.extra_forbidden", 4, 3),
    ('theme_format: 1\nname: X\nfonts:\n  regular: ../../etc/font.ttf\n', "theme.path_outside", 4, 12),
    ('theme_format: 1\nname: X\nlogo: logo.png\n', "theme.file_missing", 3, 7),
    ('theme_format: 1\nname: X\nlogo: notities.txt\n', "theme.bad_file_type", 3, 7),
    ('theme_format: 1\nname: X\nbased_on: donker\n', "schema.literal_error", 3, 11),
    ('theme_format: 2\nname: X\n', "schema.less_than_equal", 1, 15),
])
def test_mistakes_point_at_the_line_and_column(tmp_path, text, code, line, column):
    path = write(tmp_path, text)
    try:
        problems = load_theme_file(path).problems
    except EscapeboxError as exc:
        problems = exc.problems
    assert (problems[0].code, problems[0].line, problems[0].column) == (code, line, column), problems
    assert not problems[0].message(NL).startswith(problems[0].code)   # a sentence, not a key


def test_a_file_that_escapes_through_a_link_is_refused(tmp_path):
    outside = tmp_path / "elders"
    outside.mkdir()
    (outside / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    folder = tmp_path / "thema"
    folder.mkdir()
    os.symlink(outside / "logo.svg", folder / "logo.svg")
    loaded = load_theme_file(write(folder, "theme_format: 1\nname: X\nlogo: logo.svg\n"))
    assert [p.code for p in loaded.problems] == ["theme.file_outside"]


def test_a_scenario_is_not_a_theme(tmp_path):
    with pytest.raises(EscapeboxError) as caught:
        load_theme_file(REPO / "scenarios" / "tutorial" / "scenario.yaml")
    assert caught.value.problems[0].code == "theme.not_a_theme"


def test_a_theme_named_by_a_scenario_may_not_leave_its_folder(tmp_path):
    with pytest.raises(EscapeboxError):
        resolve_theme("../elders/theme.yaml", tmp_path)


def scenario_with_theme(tmp_path, value: str) -> Path:
    folder = tmp_path / "scenario"
    shutil.copytree(REPO / "scenarios" / "tutorial", folder)
    text = (folder / "scenario.yaml").read_text(encoding="utf-8")
    (folder / "scenario.yaml").write_text(text.replace("\nstart:", f"\ntheme: {value}\nstart:", 1), encoding="utf-8")
    return folder


def test_validate_checks_the_theme_a_scenario_names(tmp_path):
    folder = scenario_with_theme(tmp_path, "huisstijl.yaml")
    write(folder, LOW_CONTRAST, "huisstijl.yaml")
    problems = all_problems(load_scenario(folder))
    codes = [p.code for p in problems]
    assert "theme.low_contrast" in codes
    assert any(p.file.endswith("huisstijl.yaml") and p.line == 6 for p in problems)


def test_a_missing_theme_file_is_reported_at_the_theme_field(tmp_path):
    folder = scenario_with_theme(tmp_path, "weg.yaml")
    problems = all_problems(load_scenario(folder))
    head = next(p for p in problems if p.code == "theme.scenario_theme_unusable")
    assert head.path == "theme" and head.line is not None


def test_a_built_in_theme_name_is_fine_and_an_unknown_name_is_reported(tmp_path):
    assert not [p for p in all_problems(load_scenario(scenario_with_theme(tmp_path / "a", "zorggroep-voorbeeld")))
                if p.code.startswith("theme.")]
    problems = all_problems(load_scenario(scenario_with_theme(tmp_path / "b", "zorggroep-voorbeelt")))
    assert any(p.code == "theme.scenario_theme_unusable" for p in problems)


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "escapebox", *args], capture_output=True, text=True, cwd=REPO,
                          timeout=60)


def test_escapebox_validate_checks_a_theme_file(tmp_path):
    bad = write(tmp_path, LOW_CONTRAST)
    result = run_cli("validate", str(bad))
    assert result.returncode == 1
    assert "contrast 3,4:1, nodig 4,5:1" in result.stderr
    good = run_cli("--lang", "en", "validate", str(REPO / "assets" / "themes" / "zorggroep-voorbeeld" / "theme.yaml"))
    assert good.returncode == 0, good.stderr
    assert "OK (0 errors, 0 warnings)" in good.stdout


def test_play_refuses_a_theme_with_errors_before_opening_a_window(tmp_path):
    result = run_cli("play", "--theme", str(write(tmp_path, LOW_CONTRAST)), "--autoplay", "scenarios/tutorial")
    assert result.returncode == 1
    assert "nodig 4,5:1" in result.stderr and "Traceback" not in result.stderr
