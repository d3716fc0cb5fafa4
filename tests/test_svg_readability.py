"""Text in clue pictures must be readable from the back of a room (issue #16: the rooster's
"te laat 7:25" in student-met-rugzak, an 11-px legend in zij-instromer).

The validator measures each run of text in an SVG clue (``<text>`` by its font size, outlined
text by its path's scale), fits the drawing into the full-screen clue view of a 1920×1080
beamer and warns below :data:`escapebox.scenario.readability.MIN_PICTURE_TEXT_PX`.
"""

from __future__ import annotations

import importlib.util
import shutil
import struct
from pathlib import Path

import pytest

from escapebox.authoring.checks import all_problems
from escapebox.problems import Severity
from escapebox.scenario import glyphs, svgletters
from escapebox.scenario.loader import load_scenario
from escapebox.scenario.readability import CLUE_VIEW, MIN_PICTURE_TEXT_PX, beamer_scale, picture_text_problems

REPO = Path(__file__).resolve().parents[1]
SCENARIOS = sorted(p for p in (REPO / "scenarios").iterdir() if (p / "scenario.yaml").is_file())
GLYPH = "m0 0l0 668l400 0l0-668z"      # a capital's box: from the baseline up to the cap height


def svg(body: str, box: str = "0 0 1600 900") -> bytes:
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{box}">{body}</svg>'.encode()


def sizes(data: bytes) -> list[tuple[str, float]]:
    return [(run.text, round(run.size, 2)) for run in svgletters.measure(data).letters]


def test_the_outline_constants_are_the_fonts_own():
    data = glyphs.default_font().read_bytes()
    head = glyphs._tables(data)["head"]
    assert struct.unpack_from(">H", data, head + 18)[0] == svgletters.UNITS_PER_EM


def test_text_size_comes_from_the_attribute_the_style_and_the_groups_around_it():
    data = svg('<g font-size="20"><text x="1" y="2">geërfd</text>'
               '<g transform="scale(2)"><text style="fill:#000; font-size: 1.5em">dubbel</text></g>'
               '<text font-size="12pt">punten<tspan font-size="8">klein</tspan></text></g>'
               '<text>standaard</text>')
    assert sizes(data) == [("geërfd", 20), ("dubbel", 60), ("puntenklein", 16), ("klein", 8), ("standaard", 16)]


def test_outlined_text_is_measured_by_its_scale_times_the_units_per_em():
    data = svg(f'<g transform="translate(10 20) scale(1.5)"><!-- te laat 7:25 -->'
               f'<path transform="matrix(0.03000 0 0 -0.03000 333.5 189.0)" d="{GLYPH}"/></g>'
               f'<path transform="matrix(2 0 0 2 0 0)" d="{GLYPH}"/>')     # not flipped: a shape, not text
    assert sizes(data) == [("te laat 7:25", 45.0)]


def test_an_outline_without_its_words_gets_the_units_per_em_its_drawing_implies():
    """zij-instromer's rooster was outlined at 200 units per em, with no comments; a dash
    floating above the baseline is no word."""
    tall = "M0 -2V152H60V-2Z"                       # an ascender: 0.76 em at 200 units
    data = svg(f'<path transform="matrix(0.14 0 0 -0.14 80 256)" d="{tall}"/>'
               f'<path transform="matrix(0.21 0 0 -0.21 508 236)" d="M9 0V134H60V0Z"/>'
               f'<path transform="matrix(0.21 0 0 -0.21 1149 236)" d="M8 42V57H88V42Z"/>')
    assert sizes(data) == [("", 28.0), ("", 42.0)]


def test_inkscape_object_to_path_keeps_its_words_and_size_on_the_group():
    data = svg('<g aria-label="Dienst" style="font-size:24px;fill:#000" transform="scale(0.5)"><path d="m1 1h2"/></g>')
    assert sizes(data) == [("Dienst", 12.0)]


def test_what_is_not_xml_gives_no_verdict():
    assert svgletters.measure(b"<svg><text>") is None


def test_the_drawing_is_fitted_into_the_full_screen_clue_view():
    wide = svgletters.measure(svg("", "0 0 1500 500"))
    assert beamer_scale(wide) == pytest.approx(1.2) and CLUE_VIEW == (1800, 900)
    assert beamer_scale(svgletters.measure(svg("", "0 0 400 300"))) == pytest.approx(3.0)


# ----- the validator's warning ------------------------------------------------------------------

def scenario_with_clue_picture(tmp_path: Path, picture: bytes) -> Path:
    folder = tmp_path / "scenario"
    shutil.copytree(REPO / "tests" / "golden" / "broken", folder, ignore=lambda d, names: [
        n for n in names if n.endswith((".expected", ".png")) or (n.endswith(".yaml") and n != "svg_small_text.yaml")])
    (folder / "svg_small_text.yaml").rename(folder / "scenario.yaml")
    (folder / "images" / "klein.svg").write_bytes(picture)
    return folder


def readability_warnings(folder: Path):
    return [p for p in all_problems(load_scenario(folder)) if p.code == "validate.svg_small_text"]


def test_small_text_in_a_clue_picture_is_a_warning_at_the_clues_image(tmp_path):
    legend = f'<!-- V = vroeg --><path transform="matrix(0.012 0 0 -0.012 60 860)" d="{GLYPH}"/>'
    title = f'<!-- Rooster --><path transform="matrix(0.06 0 0 -0.06 60 100)" d="{GLYPH}"/>'
    [warning] = readability_warnings(scenario_with_clue_picture(tmp_path, svg(title + legend)))
    assert warning.severity is Severity.WARNING and warning.path == "clues.rooster.image"
    assert warning.line is not None
    assert warning.params == {"file": "images/klein.svg", "count": 1, "text": "'V = vroeg'", "px": 12,
                              "minimum": MIN_PICTURE_TEXT_PX, "units": MIN_PICTURE_TEXT_PX}


def test_text_at_the_minimum_is_fine_and_an_unnamed_outline_is_named_by_its_place(tmp_path):
    just = f'<!-- groot genoeg --><path transform="matrix(0.033 0 0 -0.033 60 860)" d="{GLYPH}"/>'
    assert not readability_warnings(scenario_with_clue_picture(tmp_path / "a", svg(just)))
    unnamed = svg('<path transform="matrix(0.1 0 0 -0.1 80 256)" d="M0 -2V152H60V-2Z"/>')
    [warning] = readability_warnings(scenario_with_clue_picture(tmp_path / "b", unnamed))
    assert warning.params["text"] == "@validate.svg_text_at|80, 256" and warning.params["px"] == 20


def test_a_picture_outside_the_folder_or_not_a_drawing_is_never_read(tmp_path):
    folder = scenario_with_clue_picture(tmp_path, svg(""))
    loaded = load_scenario(folder)
    for image in ("../elders.svg", "images/bom.png", "images/entity.svg", "images/weg.svg"):
        clue = loaded.scenario.clues["rooster"]
        object.__setattr__(clue, "image", image)
        assert picture_text_problems(loaded) == []


@pytest.mark.parametrize("folder", SCENARIOS, ids=lambda p: p.name)
def test_the_bundled_clue_pictures_are_readable_from_the_back_of_the_room(folder):
    assert picture_text_problems(load_scenario(folder)) == []


# ----- scripts/svgbigger.py ---------------------------------------------------------------------

def _svgbigger():
    spec = importlib.util.spec_from_file_location("svgbigger", REPO / "scripts" / "svgbigger.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_svgbigger_enlarges_small_runs_to_the_minimum_and_keeps_a_centred_run_centred():
    cell = '<rect x="200" y="100" width="400" height="100"/>'
    centred = f'<!-- di 3 sep --><path transform="matrix(0.02 0 0 -0.02 396 160)" d="{GLYPH}"/>'
    left = f'<!-- legenda --><path transform="matrix(0.02 0 0 -0.02 60 860)" d="{GLYPH}"/>'
    text, count = _svgbigger().bigger(svg(cell + centred + left).decode())
    assert count == 2
    runs = {run.text: run for run in svgletters.measure(text.encode()).letters}
    assert all(run.size == pytest.approx(MIN_PICTURE_TEXT_PX, abs=0.01) for run in runs.values())
    middle = runs["di 3 sep"].x + 200 * runs["di 3 sep"].size / 1000    # GLYPH is 400 units wide
    assert middle == pytest.approx(400, abs=0.2) and runs["legenda"].x == pytest.approx(60)
