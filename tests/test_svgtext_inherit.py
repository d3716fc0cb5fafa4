"""``escapebox svgtext`` draws a <text> as SVG shows it: with what it inherits from its <g> (issue #18).

The fresh-author test outlined ``<g font-size="44" fill="#1d2b36"><text>Naam</text></g>`` at
size 28 in black, and the small-text check then advised a size the drawing already asked for.
"""

from __future__ import annotations

import re

import pytest

pytest.importorskip("fontTools")

from escapebox.authoring.svgtext import convert, outline, path_d  # noqa: E402
from escapebox.scenario.svgletters import UNITS_PER_EM, measure  # noqa: E402

DRAWING = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 600">
<g font-size="44" fill="#1d2b36" style="font-weight: bold">
  <rect x="0" y="0" width="10" height="10"/>
  <text x="10" y="50">Naam</text>
  <g style="fill: #c00; font-size: 50%" text-anchor='middle'>
    <text x="400" y="100">Half</text>
  </g>
  <text x="10" y="150" style="font-size:30px;font-weight:normal" fill="blue">Eigen</text>
</g>
<text x="10" y="300">Los</text>
</svg>"""

_PATH = re.compile(r'<!-- (\w+) --><path transform="matrix\(([\d.]+) 0 0 -[\d.]+ ([\d.]+) [\d.]+\)" '
                   r'fill="([^"]*)" d="([^"]*)"/>')


def _outlines() -> dict[str, tuple[float, float, str, str]]:
    return {m[1]: (float(m[2]) * UNITS_PER_EM, float(m[3]), m[4], m[5]) for m in _PATH.finditer(convert(DRAWING))}


def test_size_and_colour_come_from_the_group_around_the_text():
    size, _x, fill, _d = _outlines()["Naam"]
    assert (size, fill) == (44, "#1d2b36")


def test_style_declarations_and_relative_sizes_are_inherited_too():
    size, x, fill, _d = _outlines()["Half"]
    ops, width, upm = outline("Half", "Bold")
    assert (size, fill) == (22, "#c00")
    assert x == pytest.approx(400 - width * 22 / upm / 2, abs=0.05)     # text-anchor middle, from the <g>


def test_bold_from_the_group_and_the_texts_own_values_win():
    assert _outlines()["Naam"][3] == path_d(outline("Naam", "Bold")[0])
    size, _x, fill, d = _outlines()["Eigen"]
    assert (size, fill, d) == (30, "blue", path_d(outline("Eigen", "Regular")[0]))


def test_a_text_outside_every_group_has_svgs_initial_values():
    size, _x, fill, _d = _outlines()["Los"]
    assert (size, fill) == (16, "#000")


def test_the_small_text_check_measures_the_outlines_at_the_inherited_size():
    sizes = {run.text: round(run.size, 2) for run in measure(convert(DRAWING).encode()).letters}
    assert sizes == {"Naam": 44, "Half": 22, "Eigen": 30, "Los": 16}


def test_the_advice_names_the_font_size_to_write_inside_a_scaled_group(tmp_path):
    """In a <g transform="scale(0.5)"> a written size of 40 is 20 units: write 2 × the minimum."""
    from tests.test_svg_readability import readability_warnings, scenario_with_clue_picture
    from escapebox.scenario.readability import MIN_PICTURE_TEXT_PX
    for name, picture in [("text", '<g transform="scale(0.5)"><text x="10" y="50" font-size="40">Klein</text></g>'),
                          ("outline", '<g transform="scale(0.5)">' + convert('<text x="10" y="50" font-size="40">'
                                                                           'Klein</text>') + "</g>")]:
        drawing = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1800 900">{picture}</svg>'.encode()
        [warning] = readability_warnings(scenario_with_clue_picture(tmp_path / name, drawing))
        assert (warning.params["px"], warning.params["units"]) == (20, 2 * MIN_PICTURE_TEXT_PX), name
